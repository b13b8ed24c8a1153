package org.sparrow.interop.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.core.io.SafeOutput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every file a command writes goes through here: {@code -} is stdout, anything else is written by
 * {@link SafeOutput} (atomic for regular files; devices, FIFOs and symbolic links written through).
 * A name whose suffix says another format is refused before any work is done, and when one output is
 * stdout the command's report moves to stderr so that stdout carries the data alone.
 */
final class Outputs {

    /** The name that means stdout. */
    static final String STDOUT = "-";

    /** What an output holds, with the suffixes that say so. */
    enum Kind {
        /** A Matrix Market file; {@code .gz} compresses. */
        MATRIX("Matrix Market text", List.of(".mtx", ".mtx.gz", ".mm", ".mm.gz")),
        /** Comma-separated values. */
        CSV("CSV", List.of(".csv", ".txt")),
        /** A PNG image. */
        PNG("a PNG image", List.of(".png"));

        private final String what;
        private final List<String> suffixes;

        Kind(String what, List<String> suffixes) {
            this.what = what;
            this.suffixes = suffixes;
        }

        /** Whether {@code name} ends in one of this kind's suffixes, or has none at all. */
        boolean accepts(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            while (n.startsWith(".")) {
                n = n.substring(1); // a hidden file's leading dot is no suffix
            }
            if (n.indexOf('.') < 0) {
                return true;
            }
            for (String s : suffixes) {
                if (n.endsWith(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One output of a command: its option, the name given (null when absent) and what it holds. */
    record Output(String option, Path path, Kind kind) {
    }

    private Outputs() {
    }

    /** Whether {@code p} names stdout. */
    static boolean isStdout(Path p) {
        return p != null && p.toString().equals(STDOUT);
    }

    /** The name used in messages and reports: {@code stdout} for {@code -}. */
    static String name(Path p) {
        return isStdout(p) ? "stdout" : p.toString();
    }

    /**
     * Checks a command's outputs before it does any work: suffixes that fit (a name that exists and is
     * not a regular file, such as {@code /dev/null} or a FIFO, is taken as it is), at most one {@code -},
     * and no {@code -} together with {@code --json} (both would be on stdout). A usage error otherwise.
     */
    static void check(CommandSpec spec, boolean json, Output... outputs) {
        Output toStdout = null;
        for (Output o : outputs) {
            if (o.path() == null) {
                continue;
            }
            if (isStdout(o.path())) {
                if (toStdout != null) {
                    throw new ParameterException(spec.commandLine(), toStdout.option() + " and " + o.option()
                            + " cannot both write to stdout ('-')");
                }
                toStdout = o;
                continue;
            }
            Path file = o.path();
            Path name = file.getFileName();
            if (name != null && !o.kind().accepts(name.toString()) && !isSpecial(file)) {
                throw new ParameterException(spec.commandLine(), o.option() + " " + file + ": the name does not end in "
                        + String.join(", ", o.kind().suffixes) + " (or no suffix), and " + o.option() + " writes "
                        + o.kind().what + " only");
            }
        }
        if (toStdout != null && json) {
            throw new ParameterException(spec.commandLine(), "--json and " + toStdout.option()
                    + " - both write to stdout: name a file for " + toStdout.option() + ", or leave out --json");
        }
    }

    /**
     * Checks that no output names one of the command's inputs (the same file, through any path or link): a
     * run would replace its own input. A usage error naming both otherwise; outputs and inputs that are
     * {@code -} or absent ({@code null}) or do not exist yet are skipped.
     *
     * @param spec    the command
     * @param outputs the outputs
     * @param labels  the inputs' names as the help shows them ("C", "--a"), in the order of {@code inputs}
     * @param inputs  the inputs, {@code null} for one not given
     */
    static void checkNotInputs(CommandSpec spec, Output[] outputs, String[] labels, Path... inputs) {
        for (Output o : outputs) {
            if (o.path() == null || isStdout(o.path()) || !Files.exists(o.path())) {
                continue;
            }
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k] == null || isStdout(inputs[k]) || !Files.exists(inputs[k])) {
                    continue;
                }
                try {
                    if (Files.isSameFile(o.path(), inputs[k])) {
                        throw new ParameterException(spec.commandLine(), o.option() + " " + o.path() + " is the input "
                                + labels[k] + " (" + inputs[k] + "): writing it would replace the input; name another file");
                    }
                } catch (java.io.IOException e) {
                    // unreadable: the read or the write will say so
                }
            }
        }
    }

    /** A name that exists and is neither a regular file nor a folder: a device, a FIFO, a socket. */
    private static boolean isSpecial(Path p) {
        return Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p);
    }

    /** Where the report goes: stderr when one of {@code outputs} is stdout, else stdout. */
    static PrintWriter report(CommandSpec spec, Path... outputs) {
        for (Path p : outputs) {
            if (isStdout(p)) {
                return spec.commandLine().getErr();
            }
        }
        return spec.commandLine().getOut();
    }

    /** Writes {@code matrix} to {@code file} (or stdout), compressing for {@code .gz}; returns the header written. */
    static MatrixMarketHeader matrix(CommandSpec spec, Path file, Matrix matrix, MatrixMarketWriteOptions options)
            throws IOException {
        if (!isStdout(file)) {
            return MatrixMarket.write(matrix, file, options);
        }
        OutputStream out = stdout(spec);
        MatrixMarketHeader h = MatrixMarket.write(matrix, out, "stdout", options);
        out.flush();
        return h;
    }

    /**
     * Refuses stdout for an option that names the prefix of several files ({@code -o PREFIX} of eigs, svds and
     * lowrank).
     *
     * @param spec     the command
     * @param prefix   the prefix given, or null
     * @param count    how many files, in words ("two", "three")
     * @param suffixes the files' suffixes, e.g. ".U.mtx"
     */
    static void checkPrefix(CommandSpec spec, String prefix, String count, String... suffixes) {
        if (STDOUT.equals(prefix)) {
            throw new ParameterException(spec.commandLine(), "-o takes a PREFIX for " + count + " files ("
                    + String.join(", ", Arrays.stream(suffixes).map(x -> "PREFIX" + x).toList())
                    + "), so it cannot be - (stdout)");
        }
    }

    /**
     * Writes {@code m} to {@code file} as a Matrix Market array with {@code comment} in its header.
     *
     * @param m       the matrix
     * @param file    the file
     * @param comment the header comment
     * @throws IOException when the file cannot be written
     */
    static void array(Matrix m, Path file, String comment) throws IOException {
        MatrixMarket.write(m, file, MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.ARRAY)
                .withComment(comment));
    }

    /** The suffixes of the files of a singular value decomposition written under a prefix. */
    static final String[] SVD_SUFFIXES = {".U.mtx", ".S.mtx", ".V.mtx"};

    /**
     * Writes U, σ and V under {@code prefix}: {@code PREFIX.U.mtx}, {@code PREFIX.S.mtx} (σ as one column) and
     * {@code PREFIX.V.mtx}, Matrix Market arrays (svds and lowrank).
     *
     * @param prefix the prefix
     * @param u      the left singular vectors (columns)
     * @param sigma  the singular values
     * @param v      the right singular vectors (columns)
     * @param notes  the three header comments, for U, σ and V
     * @throws IOException when a file cannot be written
     */
    static void svd(String prefix, Matrix u, double[] sigma, Matrix v, String... notes) throws IOException {
        array(u, Path.of(prefix + SVD_SUFFIXES[0]), notes[0]);
        array(new DenseMatrix(sigma.length, 1, sigma), Path.of(prefix + SVD_SUFFIXES[1]), notes[1]);
        array(v, Path.of(prefix + SVD_SUFFIXES[2]), notes[2]);
    }

    /**
     * {@return the files written under {@code prefix}, for a report's "written to" line}
     *
     * @param prefix   the prefix
     * @param suffixes their suffixes
     */
    static String prefixed(String prefix, String... suffixes) {
        return String.join(", ", Arrays.stream(suffixes).map(x -> prefix + x).toList());
    }

    /** Writes {@code file} (or stdout) with {@code body}. */
    static void write(CommandSpec spec, Path file, SafeOutput.Body body) throws IOException {
        if (!isStdout(file)) {
            SafeOutput.write(file, body);
            return;
        }
        OutputStream out = stdout(spec);
        body.writeTo(out);
        out.flush();
    }

    /** Stdout as bytes, which a body may close without closing stdout. */
    private static OutputStream stdout(CommandSpec spec) {
        spec.commandLine().getOut().flush();
        return new FilterOutputStream(SparrowCli.of(spec).stdout()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
