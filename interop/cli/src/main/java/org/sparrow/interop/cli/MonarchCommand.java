package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketData;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketWriteOptions;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.structured.MonarchMatrix;
import org.sparrow.core.structured.MonarchProjection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow monarch A.mtx [--blocks b] [-o PREFIX]}: the Monarch matrix M = P·L·Pᵀ·R nearest to A in the
 * Frobenius norm, by the optimal projection of Dao et al. (ICML 2022, arXiv 2204.00595, Theorem 1),
 * {@link MonarchMatrix#project}.
 *
 * <p>A is any real Matrix Market file, array or coordinate (entries not stored are 0); it is converted to a dense
 * matrix, so files of more than {@value #MAX_ENTRIES} entries (rows·cols, 256 MiB of doubles; {@link MonarchMatrix#TO_DENSE_MAX_ENTRIES}) are refused with their
 * size. The number of blocks b must divide both rows and cols; without {@code --blocks}, a square A of n = m² rows
 * gets b = m (the paper's Monarch), and any other A is a usage error that names the divisors to choose from.
 *
 * <p>{@code -o PREFIX} writes the two block-diagonal factors as coordinate Matrix Market files,
 * {@code PREFIX.L.mtx} (rows × rows, q blocks of b × b) and {@code PREFIX.R.mtx} (rows × cols, b blocks of q × p,
 * p = cols/b, q = rows/b); the header comment of each states the convention and the index rule
 * {@code A[ℓ·q + j, k·p + i] = L[j·b + ℓ, j·b + k] · R[k·q + j, k·p + i]} (0-based; the files count from 1), which
 * is {@link MonarchMatrix}'s. An output that names the input is refused before anything is read.
 *
 * <p>JSON keys, in order: {@code rows, cols, blocks, parameters} (of M: both factors' entries),
 * {@code relative_error} (‖A − M‖_F/‖A‖_F, 0 for A = 0), {@code seconds} (the projection, reading excluded), then
 * {@code block_rows} (q) {@code block_cols} (p) {@code matrix, left, right} (files, or null).
 *
 * <p>Exit codes: 0 success; 1 bad input (unreadable file, NaN or ±∞, too large to make dense); 2 usage error
 * (b &lt; 1, b not dividing the shape, no default b).
 */
@Command(name = "monarch", mixinStandardHelpOptions = true,
        description = {"Monarch projection: the matrix M = P·L·Pᵀ·R (L, R block-diagonal, P the reshape-transpose "
                + "permutation) nearest to A in the Frobenius norm (Dao et al., ICML 2022, Theorem 1).",
            "A is made dense first (at most 2^25 entries)."})
final class MonarchCommand implements Callable<Integer> {

    /** The most entries (rows·cols) a matrix may have to be made dense here: 2^25 doubles, 256 MiB. */
    static final long MAX_ENTRIES = MonarchMatrix.TO_DENSE_MAX_ENTRIES;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A",
            description = "The matrix, a Matrix Market file (array or coordinate, .mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
            description = "Write the factors as coordinate Matrix Market files PREFIX.L.mtx and PREFIX.R.mtx.")
    private String output;

    /** The number of blocks, 0 when not given (then √n for a square A of n = m² rows). */
    private int blocks;

    /** {@code --blocks}: b ≥ 1; whether it divides the shape is checked once A is read. */
    @Option(names = "--blocks", paramLabel = "b",
            description = "The number of blocks b, dividing both rows and cols (default: √n for an n×n A with n a "
                    + "perfect square; required otherwise).")
    void setBlocks(int b) {
        if (b < 1) {
            throw new ParameterException(spec.commandLine(), "--blocks must be ≥ 1, got " + b);
        }
        blocks = b;
    }

    @Override
    public Integer call() throws IOException {
        if (Outputs.STDOUT.equals(output)) {
            throw new ParameterException(spec.commandLine(), "-o takes a PREFIX for two files (PREFIX.L.mtx, "
                    + "PREFIX.R.mtx), so it cannot be - (stdout)");
        }
        Path lFile = output == null ? null : Path.of(output + ".L.mtx");
        Path rFile = output == null ? null : Path.of(output + ".R.mtx");
        Outputs.Output[] outs = {new Outputs.Output("-o", lFile, Outputs.Kind.MATRIX),
            new Outputs.Output("-o", rFile, Outputs.Kind.MATRIX)};
        Outputs.check(spec, common.json, outs);
        Outputs.checkNotInputs(spec, outs, new String[] {"A"}, aFile);
        PrintWriter out = spec.commandLine().getOut();

        if (!MatrixMarket.STDIN.equals(aFile)) { // refuse a matrix too large before reading its entries
            MatrixMarketHeader h = MatrixMarket.readHeader(aFile);
            checkSize(h.rows(), h.cols());
        }
        MatrixMarketData data = MatrixMarket.read(aFile);
        int rows = data.matrix().rows();
        int cols = data.matrix().cols();
        long entries = checkSize(rows, cols);
        int b = blocks(rows, cols);
        DenseMatrix a = data.matrix().toDense();
        Checks.checkFinite(a, Report.source(aFile) + ": ", "A");
        MonarchProjection proj = MonarchMatrix.project(a, b);
        MonarchMatrix m = proj.matrix();
        int p = cols / b;
        int q = rows / b;
        if (output != null) {
            String convention = convention(rows, cols, b, proj.relativeError());
            Outputs.matrix(spec, lFile, m.leftFactor(), coordinate("Monarch factor L of " + Report.sourceFileName(aFile) + ": "
                    + rows + "x" + rows + " block-diagonal, " + q + " blocks of " + b + "x" + b
                    + " (block j at rows and columns j*b .. j*b+b-1)\n" + convention));
            Outputs.matrix(spec, rFile, m.rightFactor(), coordinate("Monarch factor R of " + Report.sourceFileName(aFile) + ": "
                    + rows + "x" + cols + " block-diagonal, " + b + " blocks of " + q + "x" + p
                    + " (block k at rows k*q .. k*q+q-1, columns k*p .. k*p+p-1)\n" + convention));
        }
        long parameters = m.parameterCount();
        Report rep = new Report()
                .json("rows", rows)
                .json("cols", cols)
                .json("blocks", b)
                .json("parameters", parameters)
                .json("relative_error", proj.relativeError())
                .json("seconds", proj.seconds())
                .json("block_rows", q)
                .json("block_cols", p)
                .json("matrix", aFile.toString())
                .json("left", lFile == null ? null : lFile.toString())
                .json("right", rFile == null ? null : rFile.toString())
                .line("matrix", Report.source(aFile) + ", " + rows + "x" + cols + " (" + data.matrix().nnz() + " stored entries)")
                .line("blocks", b + (blocks == 0 ? " (the default, √" + rows + ")" : "") + ": R is " + b + " blocks of "
                        + q + "x" + p + ", L is " + q + " blocks of " + b + "x" + b + "; A ≈ P·L·Pᵀ·R")
                .line("parameters", parameters + " (the dense matrix has " + entries + " entries"
                        + (parameters > 0 ? ", " + Report.number((double) entries / parameters) + "x as many)" : ")"))
                .line("relative error", Report.sci(proj.relativeError()) + " (‖A − M‖_F/‖A‖_F of the optimal projection)")
                .line("seconds", Report.number(proj.seconds()));
        if (output != null) {
            rep.line("written to", lFile + ", " + rFile);
        }
        rep.print(out, common.json);
        return SparrowCli.EXIT_OK;
    }

    /** Refuses an A of more than {@link #MAX_ENTRIES} entries, naming the file and its size; returns rows·cols. */
    private long checkSize(int rows, int cols) {
        long entries = (long) rows * cols;
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException(Report.source(aFile) + " is " + rows + "x" + cols + " (" + entries
                    + " entries): monarch projects a dense matrix and makes at most 2^25 = " + MAX_ENTRIES
                    + " entries dense (256 MiB of doubles)");
        }
        return entries;
    }

    /**
     * The number of blocks: {@code --blocks} when it divides both dimensions, √n for a square A of n = m² rows
     * when none was given; a usage error saying what is needed otherwise.
     */
    private int blocks(int rows, int cols) {
        int g = gcd(rows, cols);
        if (blocks == 0) {
            int m = (int) Math.round(Math.sqrt(rows));
            if (rows == cols && rows > 0 && (long) m * m == rows) {
                return m;
            }
            String why = rows != cols ? "A is " + rows + "x" + cols + ", not square"
                    : "A is " + rows + "x" + cols + " and " + rows + " is not a perfect square";
            throw new ParameterException(spec.commandLine(), why + ", so there is no default number of blocks (√n for"
                    + " n = m²): give --blocks b dividing " + dividing(rows, cols) + " (" + suggestion(g, cols) + ")");
        }
        if (rows % blocks != 0 || cols % blocks != 0) {
            throw new ParameterException(spec.commandLine(), "--blocks " + blocks + " does not divide the " + rows + "x"
                    + cols + " matrix: b must divide " + dividing(rows, cols) + " (" + suggestion(g, cols) + ")");
        }
        return blocks;
    }

    /** "both 64 and 32", or "64" for a square matrix. */
    private static String dividing(int rows, int cols) {
        return rows == cols ? Integer.toString(rows) : "both " + rows + " and " + cols;
    }

    /**
     * Which b to take: the divisor of gcd(rows, cols) nearest √cols, which gives the fewest parameters
     * (rows·cols/b + rows·b), or a statement that only b = 1 divides both.
     */
    private static String suggestion(int g, int cols) {
        if (g <= 1) {
            return "only b = 1 divides both, a single dense block";
        }
        double target = Math.sqrt(cols);
        int best = 1;
        for (int d = 1; d <= g; d++) {
            if (g % d == 0 && Math.abs(d - target) < Math.abs(best - target)) {
                best = d;
            }
        }
        return "b = " + best + " gives the fewest parameters";
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The comment lines every factor file carries: the convention and the index rule, with this run's sizes. */
    private static String convention(int rows, int cols, int b, double relativeError) {
        return "A ~ P*L*P^T*R (Monarch, Dao et al., ICML 2022, arXiv 2204.00595, Sec. 3), P the reshape-transpose"
                + " permutation;\n"
                + "b = " + b + " blocks, p = cols/b = " + (cols / b) + ", q = rows/b = " + (rows / b)
                + "; relative Frobenius error of the projection " + Report.sci(relativeError) + "\n"
                + "index rule (0-based; the entries below count from 1): for l, k < b, j < q, i < p,\n"
                + "  A[l*q + j, k*p + i] ~ L[j*b + l, j*b + k] * R[k*q + j, k*p + i]\n"
                + "written by sparrow monarch";
    }

    private static MatrixMarketWriteOptions coordinate(String comment) {
        return MatrixMarketWriteOptions.defaults().withFormat(MatrixMarketHeader.Format.COORDINATE).withComment(comment);
    }
}
