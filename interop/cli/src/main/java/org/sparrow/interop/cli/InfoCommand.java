package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparrow.core.MatrixStatistics;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow info FILE}: what a Matrix Market file holds and the structure of its matrix, from
 * {@link MatrixMarket#readValuesIfSupported} and {@link MatrixStatistics#of(org.sparrow.core.CooMatrix)}.
 *
 * <p>JSON keys, in order: {@code file, rows, cols, nnz} (stored entries after symmetric expansion),
 * {@code entries} (entry lines in the file), {@code format, field, symmetry} (banner words),
 * {@code values_supported}, {@code explicit_zeros, nnz_per_row_min, nnz_per_row_mean,
 * nnz_per_row_max, empty_rows, empty_cols, lower_bandwidth, upper_bandwidth,
 * structurally_symmetric, numerically_symmetric, full_diagonal, diagonally_dominant_rows,
 * diagonally_dominant_fraction, frobenius_norm, non_finite_entries} (entries that are {@code nan} or
 * {@code inf}, which make the value figures NaN). See {@link MatrixStatistics} for the definitions.
 *
 * <p>The input is read once ({@link MatrixMarket#readValuesIfSupported}), so {@code -} (standard input)
 * and pipes work; the statistics come from the triplets ({@link MatrixStatistics#of(org.sparrow.core.CooMatrix)}),
 * so a hypersparse matrix whose CSR form would not fit in memory is described too.
 *
 * <p>Complex and Hermitian files, whose values Sparrow does not read, are read for their structure
 * ({@link MatrixMarket#readPattern}): {@code values_supported} is {@code false} and the figures that
 * depend on values are {@code null} (text: "n/a (complex values are not supported)"). A figure
 * that is undefined (a mean over no rows) is {@code null} too, and so is {@code explicit_zeros}
 * for array files, which store every value.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the size, storage and structure statistics of a Matrix Market file (.mtx or .mtx.gz).")
final class InfoCommand implements Callable<Integer> {

    static final String NO_COMPLEX = Report.NOT_AVAILABLE + " (complex values are not supported)";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "A Matrix Market file (gzip is recognized and decompressed); - reads standard input.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        // One pass over the input (a pipe or standard input can be read only once): values when
        // Sparrow reads the field, the structure otherwise.
        MatrixMarketData data = MatrixMarket.readValuesIfSupported(file);
        MatrixMarketHeader h = data.header();
        boolean values = h.field() != Field.COMPLEX && h.symmetry() != Symmetry.HERMITIAN;
        // From the triplets: a hypersparse matrix (2·10⁹ rows, 3 entries) has statistics but no CSR form that fits.
        MatrixStatistics s = MatrixStatistics.of(data.matrix());

        Report r = new Report()
                .put("file", "file", file.toString())
                .put("rows", "rows", s.rows())
                .put("cols", "cols", s.cols())
                .put("nnz", "nnz", s.nnz())
                .put("entries", "entries", h.entries())
                .put("format", "format", h.format().word())
                .put("field", "field", h.field().word())
                .put("symmetry", "symmetry", h.symmetry().word())
                .json("values_supported", values);
        if (h.format() == MatrixMarketHeader.Format.ARRAY) {
            // A dense file stores every value; its zeros are not "explicit zeros" in the sparse sense.
            r.json("explicit_zeros", null).line("explicit zeros", Report.NOT_AVAILABLE + " (array files store every value)");
        } else {
            valueFigure(r, values, "explicit_zeros", "explicit zeros", s.explicitZeros());
        }
        r.json("nnz_per_row_min", s.minRowNnz())
                .json("nnz_per_row_mean", s.meanRowNnz())
                .json("nnz_per_row_max", s.maxRowNnz())
                .line("nnz per row", "min " + s.minRowNnz() + ", mean " + Report.number(s.meanRowNnz())
                        + ", max " + s.maxRowNnz())
                .put("empty_rows", "empty rows", s.emptyRows())
                .put("empty_cols", "empty cols", s.emptyCols())
                .json("lower_bandwidth", s.lowerBandwidth())
                .json("upper_bandwidth", s.upperBandwidth())
                .line("bandwidth", "lower " + s.lowerBandwidth() + ", upper " + s.upperBandwidth())
                .put("structurally_symmetric", "structurally symmetric", s.structurallySymmetric());
        valueFigure(r, values, "numerically_symmetric", "numerically symmetric", s.numericallySymmetric());
        valueFigure(r, values, "full_diagonal", "full diagonal", s.fullDiagonal());
        r.json("diagonally_dominant_rows", values ? s.diagonallyDominantRows() : null)
                .json("diagonally_dominant_fraction", values ? s.diagonallyDominantFraction() : null)
                .line("diagonally dominant rows", !values ? NO_COMPLEX
                        : Double.isNaN(s.diagonallyDominantFraction()) ? Report.NOT_AVAILABLE
                        : Report.number(s.diagonallyDominantFraction()) + " (" + s.diagonallyDominantRows() + " of "
                                + Math.min(s.rows(), s.cols()) + ")");
        valueFigure(r, values, "frobenius_norm", "Frobenius norm", s.frobeniusNorm());
        valueFigure(r, values, "non_finite_entries", "NaN or infinite entries", s.nonFiniteEntries());
        r.print(spec.commandLine().getOut(), common.json);
        return SparrowCli.EXIT_OK;
    }

    /** A figure that depends on the values: shown only when the file's values were read. */
    private static void valueFigure(Report r, boolean values, String key, String label, Object value) {
        if (values) {
            r.put(key, label, value);
        } else {
            r.json(key, null).line(label, NO_COMPLEX);
        }
    }
}
