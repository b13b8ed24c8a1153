package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code sparrow convert IN OUT}: reads a Matrix Market file with {@link MatrixMarket#read} and writes
 * it with {@link MatrixMarket#write(org.sparrow.core.Matrix, Path, MatrixMarketWriteOptions)}; a
 * name ending in {@code .gz} is compressed or decompressed.
 *
 * <p>Symmetric storage is expanded on reading, so the output is {@code general} unless
 * {@code --symmetric} asks for the lower triangle (declared {@code symmetric}, or
 * {@code skew-symmetric} for a skew-symmetric matrix; a matrix that is neither is refused). The
 * format and field default to the input's. Duplicate entries in the input are summed. The input's
 * comment lines (provenance, such as SuiteSparse's header block) are copied to the output.
 *
 * <p>JSON keys: {@code input, output, rows, cols, nnz} (stored entries of the matrix),
 * {@code format, field, symmetry, entries} (as written: the output's banner words and entry lines,
 * read back from its header).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a Matrix Market file: between .mtx and .mtx.gz, coordinate and array, "
                + "general and symmetric storage.")
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "IN", description = "The Matrix Market file to read (.mtx or .mtx.gz); - reads standard input.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write; a name ending in .gz is compressed.")
    private Path out;

    @Option(names = "--symmetric",
            description = "Write the lower triangle only, as symmetric or skew-symmetric (fails if the matrix is neither).")
    private boolean symmetric;

    @Option(names = "--format", paramLabel = "coordinate|array", converter = FormatConverter.class,
            description = "Output format (default: the input's).")
    private Format format;

    @Option(names = "--field", paramLabel = "real|integer|pattern", converter = FieldConverter.class,
            description = "Output field (default: the input's); integer needs integer values, pattern drops the values.")
    private Field field;

    @Override
    public Integer call() throws IOException {
        MatrixMarketData data = MatrixMarket.read(in);
        MatrixMarketHeader from = data.header();
        MatrixMarketWriteOptions options = MatrixMarketWriteOptions.defaults()
                .withFormat(format != null ? format : from.format())
                .withField(field != null ? field : from.field())
                .withSymmetric(symmetric)
                .withComment(data.comments().isEmpty() ? null : data.commentText()); // keep provenance
        CsrMatrix a = data.toCsr();
        MatrixMarket.write(a, out, options);
        MatrixMarketHeader written = MatrixMarket.readHeader(out);

        Report r = new Report()
                .json("input", in.toString())
                .json("output", out.toString())
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("format", written.format().word())
                .json("field", written.field().word())
                .json("symmetry", written.symmetry().word())
                .json("entries", written.entries())
                .line("wrote " + out, a.rows() + "x" + a.cols() + ", " + a.nnz() + " nonzeros as " + written.entries()
                        + " entries (" + written.format().word() + " " + written.field().word() + " "
                        + written.symmetry().word() + ") from " + in);
        r.print(spec.commandLine().getOut(), common.json);
        return SparrowCli.EXIT_OK;
    }

    /** {@code coordinate} or {@code array}, case-insensitive. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.word().equals(value.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new TypeConversionException("expected coordinate or array, got '" + value + "'");
        }
    }

    /** {@code real}, {@code integer} or {@code pattern}, case-insensitive (complex cannot be written). */
    static final class FieldConverter implements ITypeConverter<Field> {
        @Override
        public Field convert(String value) {
            for (Field f : Field.values()) {
                if (f != Field.COMPLEX && f.word().equals(value.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new TypeConversionException("expected real, integer or pattern, got '" + value + "'");
        }
    }
}
