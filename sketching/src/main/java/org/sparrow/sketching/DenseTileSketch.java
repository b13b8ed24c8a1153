package org.sparrow.sketching;

import java.util.Arrays;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * A dense sketch with i.i.d. entries, never stored: S is cut into tiles of {@link #TILE_ROWS} ×
 * {@link #TILE_COLS} entries (smaller at the right and bottom edges), and tile {@code (p, q)} is filled
 * row-major from its own SplitMix64 stream, started at a hash of (seed, p, q). Any tile can
 * therefore be regenerated alone, by any thread, and S is a function of (kind, seed, m, n) only.
 * Subclasses say how a tile's unscaled entries are drawn and by how much the product is scaled.
 *
 * <p>{@code S·A} (Halko–Martinsson–Tropp 2011, §4.1, the Gaussian test matrix) is a dense product
 * computed without forming S: the m rows of S are split into panels of 8 rows, each thread owns a
 * contiguous range of panels (the rows of the output it writes), and for each block of 128 rows of A
 * it generates its panels' tiles, copies the block's rows of A into separate arrays, and adds
 * {@code S(panel, block)·A(block, :)} with a register-blocked fused-multiply-add kernel (4 rows of S ×
 * 4 rows of A per step; every array in its inner loop is indexed alike, which lets the JIT vectorize
 * it). Each output entry sums over the columns of S in the same order for every thread count, so
 * results are bit-identical. Cost: {@code m·n} random draws and {@code 2·m·n·d} flops; A is read
 * once per thread and per group of 512 rows of S.
 */
abstract sealed class DenseTileSketch extends AbstractSketch permits GaussianSketch, RademacherSketch {

    /** Rows of S per tile (a panel). */
    static final int TILE_ROWS = 8;
    /** Columns of S per tile (rows of A per step). */
    static final int TILE_COLS = 128;
    /** Panels whose tiles are generated together: A is streamed once per group. */
    private static final int PANELS_PER_GROUP = 64;
    /** Columns of A per kernel call, so the touched output rows stay in L1. */
    private static final int COLUMN_BLOCK = 256;

    private final long tileBase;
    private final int panels;
    private final int tileColumns;

    DenseTileSketch(int m, int n, long seed, long salt) {
        super(m, n, seed);
        this.tileBase = derive(seed, salt);
        this.panels = (m + TILE_ROWS - 1) / TILE_ROWS;
        this.tileColumns = (n + TILE_COLS - 1) / TILE_COLS;
    }

    /**
     * Fills {@code buf[off, off + count)} with {@code count} unscaled entries drawn from the SplitMix64
     * stream that starts at {@code state}.
     */
    abstract void draw(long state, double[] buf, int off, int count);

    /** The factor every unscaled entry is multiplied by ({@code 1/√m}). */
    abstract double scale();

    /** Tile {@code (p, q)}, row-major with its own width, into {@code buf[off, …)}. */
    private void tile(int p, int q, double[] buf, int off) {
        int rows = Math.min(TILE_ROWS, m - p * TILE_ROWS);
        int cols = Math.min(TILE_COLS, n - q * TILE_COLS);
        draw(counterHash(tileBase, (long) p * tileColumns + q), buf, off, rows * cols);
    }

    @Override
    final void forward(double[] a, CsrMatrix csr, int d, int first, int count, double[] out, int threads) {
        int workers = Parallelism.workers(threads, panels);
        Parallelism.forEachTask(workers, workers, t -> {
            int p0 = (int) ((long) panels * t / workers);
            int p1 = (int) ((long) panels * (t + 1) / workers);
            forwardPanels(a, csr, d, first, count, out, p0, p1);
        });
    }

    /**
     * Rows {@code [p0·8, p1·8)} of {@code S(:, first : first + count)·B}, scaled: only the tile columns that
     * meet the block are generated, and of each only the columns inside the block are used.
     */
    private void forwardPanels(double[] a, CsrMatrix csr, int d, int first, int count, double[] out, int p0,
                               int p1) {
        int tileSize = TILE_ROWS * TILE_COLS;
        int i0 = p0 * TILE_ROWS;
        int i1 = Math.min(m, p1 * TILE_ROWS);
        double[] s = new double[Math.min(PANELS_PER_GROUP, p1 - p0) * tileSize];
        // Dense A: the owned output rows and a tile's rows of A, per block of columns, as separate
        // arrays, so the kernel's inner loop indexes every array by the same c and the JIT vectorizes it.
        int colBlocks = (d + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        double[][][] y = null;
        double[][] packed = null;
        if (csr == null) {
            y = new double[colBlocks][i1 - i0][];
            for (int cb = 0; cb < colBlocks; cb++) {
                int width = Math.min(COLUMN_BLOCK, d - cb * COLUMN_BLOCK);
                for (int r = 0; r < i1 - i0; r++) {
                    y[cb][r] = new double[width];
                }
            }
            packed = new double[TILE_COLS][Math.min(COLUMN_BLOCK, d)];
        }
        for (int g0 = p0; g0 < p1; g0 += PANELS_PER_GROUP) {
            int g1 = Math.min(p1, g0 + PANELS_PER_GROUP);
            for (int q = first / TILE_COLS, qEnd = (first + count - 1) / TILE_COLS; q <= qEnd; q++) {
                int j0 = q * TILE_COLS;
                int cols = Math.min(TILE_COLS, n - j0);          // the tile's width (its row stride)
                int lo = Math.max(j0, first);                   // the block's columns of this tile: [lo, hi)
                int hi = Math.min(j0 + cols, first + count);
                int off = lo - j0;
                int used = hi - lo;
                int br = lo - first;                            // B's row of column lo
                if (csr != null && csr.rowPointers()[br] == csr.rowPointers()[br + used]) {
                    continue; // these rows of A are empty: the tiles are not needed
                }
                for (int p = g0; p < g1; p++) {
                    tile(p, q, s, (p - g0) * tileSize);
                }
                if (csr != null) {
                    for (int p = g0; p < g1; p++) {
                        int rows = Math.min(TILE_ROWS, m - p * TILE_ROWS);
                        sparseKernel(s, (p - g0) * tileSize + off, rows, cols, used, csr, br, d, out,
                                p * TILE_ROWS);
                    }
                    continue;
                }
                for (int cb = 0; cb < colBlocks; cb++) {
                    int c0 = cb * COLUMN_BLOCK;
                    int width = Math.min(COLUMN_BLOCK, d - c0);
                    for (int j = 0; j < used; j++) {
                        System.arraycopy(a, (br + j) * d + c0, packed[j], 0, width);
                    }
                    for (int p = g0; p < g1; p++) {
                        int rows = Math.min(TILE_ROWS, m - p * TILE_ROWS);
                        denseKernel(s, (p - g0) * tileSize + off, rows, cols, used, packed, y[cb],
                                p * TILE_ROWS - i0, width);
                    }
                }
            }
        }
        double scale = scale();
        if (csr == null) {
            for (int cb = 0; cb < colBlocks; cb++) {
                int c0 = cb * COLUMN_BLOCK;
                for (int i = i0; i < i1; i++) {
                    double[] yi = y[cb][i - i0];
                    int oi = i * d + c0;
                    for (int c = 0; c < yi.length; c++) {
                        out[oi + c] = scale * yi[c];
                    }
                }
            }
        } else {
            scaleRows(out, i0, i1, d, scale);
        }
    }

    /**
     * {@code Y(r0 + r, :) += Σ_j T(r, j)·A(j, :)} on {@code width} columns, for the {@code rows × cols}
     * part of a tile T at {@code s[so, …)} whose rows are {@code stride} apart, A's rows in {@code a[j]}, Y's
     * rows in {@code y[r0 + r]}. Every output row sums
     * four columns of T at a time as
     * {@code fma(t₃, a₃, fma(t₂, a₂, fma(t₁, a₁, fma(t₀, a₀, y))))}, then
     * the rest one at a time, whichever path (4 rows or 1) it takes — so each entry's rounding
     * depends only on (m, n), never on d, the column blocking or the thread count.
     */
    private static void denseKernel(double[] s, int so, int rows, int stride, int cols, double[][] a,
                                    double[][] y, int r0, int width) {
        int cols4 = cols & ~3;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            double[] y0 = y[r0 + r];
            double[] y1 = y[r0 + r + 1];
            double[] y2 = y[r0 + r + 2];
            double[] y3 = y[r0 + r + 3];
            int t0 = so + r * stride;
            int t1 = t0 + stride;
            int t2 = t1 + stride;
            int t3 = t2 + stride;
            for (int j = 0; j < cols4; j += 4) {
                double s00 = s[t0 + j], s01 = s[t0 + j + 1], s02 = s[t0 + j + 2], s03 = s[t0 + j + 3];
                double s10 = s[t1 + j], s11 = s[t1 + j + 1], s12 = s[t1 + j + 2], s13 = s[t1 + j + 3];
                double s20 = s[t2 + j], s21 = s[t2 + j + 1], s22 = s[t2 + j + 2], s23 = s[t2 + j + 3];
                double s30 = s[t3 + j], s31 = s[t3 + j + 1], s32 = s[t3 + j + 2], s33 = s[t3 + j + 3];
                double[] a0 = a[j];
                double[] a1 = a[j + 1];
                double[] a2 = a[j + 2];
                double[] a3 = a[j + 3];
                for (int c = 0; c < width; c++) {
                    double x0 = a0[c];
                    double x1 = a1[c];
                    double x2 = a2[c];
                    double x3 = a3[c];
                    y0[c] = Math.fma(s03, x3, Math.fma(s02, x2, Math.fma(s01, x1, Math.fma(s00, x0, y0[c]))));
                    y1[c] = Math.fma(s13, x3, Math.fma(s12, x2, Math.fma(s11, x1, Math.fma(s10, x0, y1[c]))));
                    y2[c] = Math.fma(s23, x3, Math.fma(s22, x2, Math.fma(s21, x1, Math.fma(s20, x0, y2[c]))));
                    y3[c] = Math.fma(s33, x3, Math.fma(s32, x2, Math.fma(s31, x1, Math.fma(s30, x0, y3[c]))));
                }
            }
            for (int j = cols4; j < cols; j++) {
                double u0 = s[t0 + j], u1 = s[t1 + j], u2 = s[t2 + j], u3 = s[t3 + j];
                double[] aj = a[j];
                for (int c = 0; c < width; c++) {
                    double x = aj[c];
                    y0[c] = Math.fma(u0, x, y0[c]);
                    y1[c] = Math.fma(u1, x, y1[c]);
                    y2[c] = Math.fma(u2, x, y2[c]);
                    y3[c] = Math.fma(u3, x, y3[c]);
                }
            }
        }
        for (; r < rows; r++) {
            double[] y0 = y[r0 + r];
            int t0 = so + r * stride;
            for (int j = 0; j < cols4; j += 4) {
                double s00 = s[t0 + j], s01 = s[t0 + j + 1], s02 = s[t0 + j + 2], s03 = s[t0 + j + 3];
                double[] a0 = a[j];
                double[] a1 = a[j + 1];
                double[] a2 = a[j + 2];
                double[] a3 = a[j + 3];
                for (int c = 0; c < width; c++) {
                    y0[c] = Math.fma(s03, a3[c],
                            Math.fma(s02, a2[c], Math.fma(s01, a1[c], Math.fma(s00, a0[c], y0[c]))));
                }
            }
            for (int j = cols4; j < cols; j++) {
                double u0 = s[t0 + j];
                double[] aj = a[j];
                for (int c = 0; c < width; c++) {
                    y0[c] = Math.fma(u0, aj[c], y0[c]);
                }
            }
        }
    }

    /**
     * {@code Y(i0 + r, :) += Σ_j T(r, j)·A(j0 + j, :)} from the nonzeros of A's rows, for the {@code rows × cols}
     * part of a tile T at {@code s[so, …)} whose rows are {@code stride} apart.
     */
    private static void sparseKernel(double[] s, int so, int rows, int stride, int cols, CsrMatrix csr, int j0,
                                     int d, double[] y, int i0) {
        int[] rp = csr.rowPointers();
        int[] ci = csr.columnIndices();
        double[] v = csr.values();
        for (int r = 0; r < rows; r++) {
            int yr = (i0 + r) * d;
            int tr = so + r * stride;
            for (int j = 0; j < cols; j++) {
                double t = s[tr + j];
                for (int p = rp[j0 + j], end = rp[j0 + j + 1]; p < end; p++) {
                    y[yr + ci[p]] += t * v[p]; // y(i, :) += S(i, j)·A(j, :)
                }
            }
        }
    }

    /**
     * {@code Y += Sᵀ·X}: threads over blocks of 128 rows of Y (columns of S); each block regenerates
     * its column of tiles and sums over the rows of S in order, {@code Y(j, :) = fma(S(i, j), X(i, :),
     * Y(j, :))} for i ascending (a vector X takes a vectorized path with the same arithmetic).
     */
    @Override
    final void transpose(double[] x, int k, double[] y, int threads) {
        int workers = Parallelism.workers(threads, tileColumns);
        double[][] buffers = new double[workers][TILE_ROWS * TILE_COLS];
        double[][] rowBuffers = new double[workers][TILE_COLS];
        double[][] sums = new double[workers][TILE_COLS];
        double scale = scale();
        Parallelism.forEachWorkerTask(workers, tileColumns, (w, q) -> {
            double[] s = buffers[w];
            int j0 = q * TILE_COLS;
            int cols = Math.min(TILE_COLS, n - j0);
            if (k == 1) {
                double[] srow = rowBuffers[w];
                double[] sum = sums[w];
                Arrays.fill(sum, 0.0);
                for (int p = 0; p < panels; p++) {
                    tile(p, q, s, 0);
                    int rows = Math.min(TILE_ROWS, m - p * TILE_ROWS);
                    for (int r = 0; r < rows; r++) {
                        double xi = x[p * TILE_ROWS + r];
                        System.arraycopy(s, r * cols, srow, 0, cols);
                        for (int j = 0; j < cols; j++) {
                            sum[j] = Math.fma(srow[j], xi, sum[j]); // y(j) += S(i, j)·x(i)
                        }
                    }
                }
                for (int j = 0; j < cols; j++) {
                    y[j0 + j] = scale * sum[j];
                }
                return;
            }
            for (int p = 0; p < panels; p++) {
                tile(p, q, s, 0);
                int rows = Math.min(TILE_ROWS, m - p * TILE_ROWS);
                for (int r = 0; r < rows; r++) {
                    int xr = (p * TILE_ROWS + r) * k;
                    for (int j = 0; j < cols; j++) {
                        double t = s[r * cols + j];
                        int yj = (j0 + j) * k;
                        for (int c = 0; c < k; c++) {
                            y[yj + c] = Math.fma(t, x[xr + c], y[yj + c]); // Y(j, :) += S(i, j)·X(i, :)
                        }
                    }
                }
            }
            scaleRows(y, j0, j0 + cols, k, scale);
        });
    }
}
