package org.sparrow.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * The Matrix Market writer behind {@link MatrixMarket}: entries in column-major order (column, then
 * row), values in the shortest decimal that reads back to the same double
 * ({@link Double#toString}, shortest since JDK 19; integral values without a fraction).
 */
final class MatrixMarketWriter {

    private MatrixMarketWriter() {
    }

    /** Writes {@code matrix} and returns the header as written (its entries: the entry lines). */
    static MatrixMarketHeader write(Matrix matrix, OutputStream out, MatrixMarketWriteOptions options) throws IOException {
        if (matrix.rows() < 1 || matrix.cols() < 1) {
            throw new IllegalArgumentException("a " + matrix.rows() + "×" + matrix.cols()
                    + " matrix cannot be written: the Matrix Market format requires at least one row and one column");
        }
        CsrMatrix a = matrix.toCsr();
        Symmetry symmetry = options.symmetric() ? symmetryOf(a, options.field() == Field.PATTERN) : Symmetry.GENERAL;
        if (options.field() == Field.INTEGER) {
            checkIntegral(a);
        }
        Ascii w = new Ascii(out);
        w.text(new MatrixMarketHeader(options.format(), options.field(), symmetry, a.rows(), a.cols(), 0).banner())
                .newline();
        if (options.comment() != null) {
            for (String c : options.comment().split("\\R", -1)) {
                w.text("%").text(c.isEmpty() ? "" : " " + c).newline();
            }
        }
        // Stored triangle: everything (general), i ≥ j (symmetric), i > j (skew-symmetric).
        int firstBelow = switch (symmetry) {
            case GENERAL -> Integer.MIN_VALUE;
            case SKEW_SYMMETRIC -> 1;
            default -> 0;
        };
        long entries = options.format() == Format.COORDINATE
                ? writeCoordinate(w, a.toCsc(), firstBelow, options.field())
                : writeArray(w, a.toDense(), firstBelow, options.field());
        w.flush();
        return new MatrixMarketHeader(options.format(), options.field(), symmetry, a.rows(), a.cols(), entries);
    }

    private static long writeCoordinate(Ascii w, CscMatrix c, int firstBelow, Field field) throws IOException {
        int[] cp = c.columnPointers();
        int[] ri = c.rowIndices();
        double[] vx = c.values();
        long count = 0;
        for (int j = 0; j < c.cols(); j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (firstBelow == Integer.MIN_VALUE || ri[p] - j >= firstBelow) {
                    count++;
                }
            }
        }
        w.integer(c.rows()).space().integer(c.cols()).space().integer(count).newline();
        for (int j = 0; j < c.cols(); j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (firstBelow == Integer.MIN_VALUE || ri[p] - j >= firstBelow) {
                    w.integer(ri[p] + 1L).space().integer(j + 1L);
                    if (field == Field.INTEGER) {
                        w.space().integer((long) vx[p]); // checked integral and below 2^63 in magnitude
                    } else if (field != Field.PATTERN) {
                        w.space().value(vx[p]);
                    }
                    w.newline();
                }
            }
        }
        return count;
    }

    private static long writeArray(Ascii w, DenseMatrix d, int firstBelow, Field field) throws IOException {
        int rows = d.rows();
        int cols = d.cols();
        double[] data = d.data();
        w.integer(rows).space().integer(cols).newline();
        long count = 0;
        for (int j = 0; j < cols; j++) {
            int i0 = firstBelow == Integer.MIN_VALUE ? 0 : j + firstBelow;
            for (int i = Math.max(0, i0); i < rows; i++) {
                double v = data[i * cols + j];
                if (field == Field.INTEGER) {
                    w.integer((long) v);
                } else {
                    w.value(v);
                }
                w.newline();
                count++;
            }
        }
        return count;
    }

    /**
     * {@code SYMMETRIC} if A = Aᵀ entry for entry (bit for bit, stored zeros included, so the
     * lower triangle loses nothing), else {@code SKEW_SYMMETRIC} if A = −Aᵀ with no stored
     * diagonal; otherwise an exception naming the first pair that breaks both.
     */
    private static Symmetry symmetryOf(CsrMatrix a, boolean structureOnly) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("a " + a.rows() + "×" + a.cols()
                    + " matrix cannot be written in symmetric form: it is not square");
        }
        CsrMatrix t = a.transpose();
        int n = a.rows();
        int nnz = a.nnz();
        boolean sameStructure = Arrays.equals(a.rowPointers(), 0, n + 1, t.rowPointers(), 0, n + 1)
                && Arrays.equals(a.columnIndices(), 0, nnz, t.columnIndices(), 0, nnz);
        if (sameStructure) {
            if (structureOnly) {
                return Symmetry.SYMMETRIC;
            }
            double[] av = a.values();
            double[] tv = t.values();
            boolean symmetric = true;
            boolean skew = true;
            for (int p = 0; p < nnz && (symmetric || skew); p++) {
                long ab = Double.doubleToLongBits(av[p]);
                symmetric &= ab == Double.doubleToLongBits(tv[p]);
                skew &= Double.doubleToLongBits(-av[p]) == Double.doubleToLongBits(tv[p]);
            }
            if (symmetric) {
                return Symmetry.SYMMETRIC;
            }
            if (skew && !hasStoredDiagonal(a)) {
                return Symmetry.SKEW_SYMMETRIC;
            }
        }
        throw new IllegalArgumentException("the matrix cannot be written in symmetric form: it is neither symmetric"
                + " nor skew-symmetric (" + firstAsymmetry(a, structureOnly) + "; indices 1-based)");
    }

    private static boolean hasStoredDiagonal(CsrMatrix a) {
        for (int i = 0; i < a.rows(); i++) {
            if (position(a, i, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String firstAsymmetry(CsrMatrix a, boolean structureOnly) {
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                int q = position(a, j, i);
                String aij = "a(" + (i + 1) + "," + (j + 1) + ") = " + v[p];
                if (q < 0) {
                    return aij + " is stored but a(" + (j + 1) + "," + (i + 1) + ") is not";
                }
                if (!structureOnly && Double.doubleToLongBits(v[p]) != Double.doubleToLongBits(v[q])) {
                    return aij + " but a(" + (j + 1) + "," + (i + 1) + ") = " + v[q];
                }
            }
        }
        return "a stored diagonal entry and a(i,j) = -a(j,i) elsewhere";
    }

    private static int position(CsrMatrix a, int i, int j) {
        int p = Arrays.binarySearch(a.columnIndices(), a.rowPointers()[i], a.rowPointers()[i + 1], j);
        return p >= 0 ? p : -1;
    }

    private static void checkIntegral(CsrMatrix a) {
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                double x = v[p];
                if (!(x == Math.rint(x)) || Math.abs(x) >= 0x1p63) {
                    throw new IllegalArgumentException("the matrix cannot be written with the 'integer' field: a("
                            + (i + 1) + "," + (ci[p] + 1) + ") = " + x + " is not an integer in the 64-bit range");
                }
            }
        }
    }

    /** A small buffered ASCII writer that formats indices and values without intermediate Strings where it can. */
    private static final class Ascii {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        Ascii(OutputStream out) {
            this.out = out;
        }

        private void room(int k) throws IOException {
            if (n + k > buf.length) {
                flush();
            }
        }

        Ascii text(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                room(1);
                char c = s.charAt(i);
                buf[n++] = (byte) (c < 128 ? c : '?');
            }
            return this;
        }

        Ascii space() throws IOException {
            room(1);
            buf[n++] = ' ';
            return this;
        }

        Ascii newline() throws IOException {
            room(1);
            buf[n++] = '\n';
            return this;
        }

        Ascii integer(long v) throws IOException {
            room(20);
            if (v < 0) {
                buf[n++] = '-';
                v = -v; // never Long.MIN_VALUE here: values are below 2^63 in magnitude
            }
            int start = n;
            do {
                buf[n++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            for (int i = start, j = n - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
            return this;
        }

        /** Integral values within 2^53 as integers; NaN and infinities as {@code nan}, {@code inf}, {@code -inf}. */
        Ascii value(double v) throws IOException {
            if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
                    return text("-0");
                }
                return integer((long) v);
            }
            if (Double.isNaN(v)) {
                return text("nan");
            }
            if (Double.isInfinite(v)) {
                return text(v > 0 ? "inf" : "-inf");
            }
            return text(Double.toString(v));
        }

        void flush() throws IOException {
            out.write(buf, 0, n);
            n = 0;
        }
    }
}
