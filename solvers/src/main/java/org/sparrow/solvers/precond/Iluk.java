package org.sparrow.solvers.precond;

import java.util.Arrays;
import java.util.List;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.PreconditionerKind;

/**
 * The incomplete LU factorization with level of fill k, ILU(k) (Saad, "Iterative Methods for Sparse
 * Linear Systems", 2nd ed., 2003, §10.3.3, Definition 10.9 and Algorithm 10.5), in two named phases
 * as faer publishes its sparse factorizations: {@link #symbolic} finds the pattern from A's pattern
 * alone, {@link #numeric} computes the values on it, so matrices with one pattern share one symbolic
 * phase.
 *
 * <p><b>Levels.</b> An entry of A has level 0 (the diagonal counts as an entry even when A stores none);
 * eliminating with row k updates (i, j) to level {@code min(lev(i, j), lev(i, k) + lev(k, j) + 1)}; the
 * pattern keeps the entries of level ≤ k. Row i's levels are found in one sweep over the columns
 * k &lt; i of its pattern in increasing order (a binary min-heap; fill joins it), reading row k of U's
 * levels: the pattern of Gaussian elimination restricted by level, O(flops of the symbolic IKJ).
 * ILU(0) is {@link Ilu0}'s pattern; a large enough k on a banded matrix fills the band, and L·U is the
 * exact LU factorization without pivoting.
 *
 * <p><b>Numeric.</b> The IKJ elimination of {@link Ilu0} on the level-k pattern. No shift: a pivot that
 * comes out zero or not finite is an error naming the row.
 */
public final class Iluk implements Preconditioner {

    /**
     * The pattern of ILU(k) for one pattern of A: row i holds L's columns, then i, then U's columns,
     * each part in increasing order.
     *
     * @param order    n
     * @param levels   the level of fill k it was computed for
     * @param rowPtr   row pointers, length n + 1
     * @param colIdx   column indices, length {@code rowPtr[n]}
     * @param diag     the position of (i, i) in row i
     */
    public record Symbolic(int order, int levels, int[] rowPtr, int[] colIdx, int[] diag) {

        /**
         * Entries of the pattern: nnz(L) + nnz(U), the diagonal counted once.
         *
         * @return the count
         */
        public int nnz() {
            return rowPtr[order];
        }
    }

    private final LuFactors lu;
    private final int levels;
    private final long matrixNonzeros;
    private final double setupSeconds;

    private Iluk(LuFactors lu, int levels, long matrixNonzeros, double setupSeconds) {
        this.lu = lu;
        this.levels = levels;
        this.matrixNonzeros = matrixNonzeros;
        this.setupSeconds = setupSeconds;
    }

    /**
     * ILU(k) with the {@linkplain IlukOptions#defaults() default} level.
     *
     * @param a Input: square CSR, finite
     * @return the factorization
     * @throws IllegalArgumentException as {@link #of(CsrMatrix, IlukOptions)}
     */
    public static Iluk of(CsrMatrix a) {
        return of(a, IlukOptions.defaults());
    }

    /**
     * The ILU(k) factorization of A: {@link #symbolic} then {@link #numeric}.
     *
     * @param a       Input: square CSR (sorted or not), finite
     * @param options the level k; null means {@link IlukOptions#defaults()}
     * @return the factorization
     * @throws IllegalArgumentException if A is null, not square or not finite, or a pivot comes out zero
     *                                  or not finite (the message names the row)
     */
    public static Iluk of(CsrMatrix a, IlukOptions options) {
        long t0 = System.nanoTime();
        Symbolic sym = symbolic(a, options);
        return numeric(a, sym, t0);
    }

    /**
     * The symbolic phase: the level-k pattern of A (values are not read).
     *
     * @param a       Input: square CSR (sorted or not)
     * @param options the level k; null means {@link IlukOptions#defaults()}
     * @return the pattern
     * @throws IllegalArgumentException if A is null or not square
     */
    public static Symbolic symbolic(CsrMatrix a, IlukOptions options) {
        IlukOptions o = options == null ? IlukOptions.defaults() : options;
        org.sparrow.core.ops.Checks.checkNotNull(a, "ILU(k): A");
        org.sparrow.core.ops.Checks.checkSquare(a.rows(), a.cols(), "ILU(k)", "");
        CsrMatrix s = a.sorted();
        int n = s.rows();
        int k = o.levels();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        int[] rowPtr = new int[n + 1];
        int[] diag = new int[n];
        int cap = Math.max(1, s.nnz() + n);
        int[] cols = new int[cap];
        int[] lev = new int[cap];       // level of each stored entry (read for the U part of earlier rows)

        int[] level = new int[n];       // level of column j in the current row, or −1
        Arrays.fill(level, -1);
        int[] heap = new int[n];
        int[] lower = new int[n];
        int[] upper = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int nh = 0;
            int nl = 0;
            int nu = 0;
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                int j = aj[q];
                level[j] = 0;
                if (j < i) {
                    nh = Ilut.push(heap, nh, j);
                } else if (j > i) {
                    upper[nu++] = j;
                }
            }
            level[i] = 0; // the diagonal is always in the pattern
            while (nh > 0) {
                int c = heap[0];
                nh = Ilut.pop(heap, nh);
                lower[nl++] = c; // popped in increasing order
                int lic = level[c];
                for (int q = diag[c] + 1; q < rowPtr[c + 1]; q++) {
                    int j = cols[q];
                    int l = lic + lev[q] + 1;
                    if (l > k) {
                        continue;
                    }
                    if (level[j] < 0) {
                        level[j] = l;
                        if (j < i) {
                            nh = Ilut.push(heap, nh, j);
                        } else {
                            upper[nu++] = j; // j > c, and j = i is already in the pattern
                        }
                    } else if (l < level[j]) {
                        level[j] = l;
                    }
                }
            }
            Arrays.sort(upper, 0, nu);
            int need = size + nl + 1 + nu;
            if (need > cols.length) {
                int c2 = Math.max(need, cols.length + (cols.length >> 1));
                cols = Arrays.copyOf(cols, c2);
                lev = Arrays.copyOf(lev, c2);
            }
            for (int t = 0; t < nl; t++) {
                cols[size] = lower[t];
                lev[size++] = level[lower[t]];
                level[lower[t]] = -1;
            }
            diag[i] = size;
            cols[size] = i;
            lev[size++] = 0;
            level[i] = -1;
            for (int t = 0; t < nu; t++) {
                cols[size] = upper[t];
                lev[size++] = level[upper[t]];
                level[upper[t]] = -1;
            }
            rowPtr[i + 1] = size;
        }
        return new Symbolic(n, k, rowPtr, Arrays.copyOf(cols, size), diag);
    }

    /**
     * The numeric phase: the values of L and U on the pattern {@code sym}, by IKJ elimination restricted
     * to it.
     *
     * @param a   Input: square CSR, finite, with the pattern {@code sym} was computed from
     * @param sym Input: the pattern from {@link #symbolic}
     * @return the factorization
     * @throws IllegalArgumentException if A is null, not square, of another order than {@code sym}, has an
     *                                  entry outside the pattern, is not finite, or a pivot comes out zero or
     *                                  not finite (the message names the row)
     */
    public static Iluk numeric(CsrMatrix a, Symbolic sym) {
        return numeric(a, sym, System.nanoTime());
    }

    private static Iluk numeric(CsrMatrix a, Symbolic sym, long t0) {
        CsrMatrix s = Inputs.squareFinite(a, "ILU(k)");
        int n = s.rows();
        if (sym == null || sym.order() != n) {
            throw new IllegalArgumentException("ILU(k): the symbolic pattern is " + (sym == null ? "missing"
                    : "of order " + sym.order()) + " but A is " + n + "×" + n);
        }
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        int[] rp = sym.rowPtr();
        int[] cj = sym.colIdx();
        int[] dg = sym.diag();
        LuFactors f = new LuFactors(n, rp[n]);
        double[] v = new double[rp[n]];
        int[] where = new int[n];
        Arrays.fill(where, -1);
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                where[cj[p]] = p;
            }
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                int p = where[aj[q]];
                if (p < 0) {
                    throw new IllegalArgumentException("ILU(k): A(" + (i + 1) + ", " + (aj[q] + 1) + ") in row " + (i + 1)
                            + " lies outside the symbolic pattern, which was computed for another matrix");
                }
                v[p] = ax[q];
            }
            for (int p = rp[i]; p < dg[i]; p++) { // c = cj[p] < i, increasing
                int c = cj[p];
                double lic = v[p] / v[dg[c]];
                v[p] = lic;
                for (int q = dg[c] + 1; q < rp[c + 1]; q++) {
                    int pos = where[cj[q]];
                    if (pos >= 0) {
                        v[pos] -= lic * v[q]; // a_ij ← a_ij − a_ic·a_cj on the pattern
                    }
                }
            }
            double pivot = v[dg[i]];
            if (pivot == 0.0 || !Double.isFinite(pivot)) {
                throw new IllegalArgumentException(LuFactors.badPivot("ILU(" + sym.levels() + ")", i, pivot,
                        "raise the level of fill, or reorder A towards diagonal dominance"));
            }
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                where[cj[p]] = -1;
                if (p == dg[i]) {
                    f.markDiagonal();
                }
                f.append(cj[p], v[p]);
            }
            f.endRow();
        }
        f.finish();
        return new Iluk(f, sym.levels(), s.nnz(), (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The level of fill it was built with.
     *
     * @return k
     */
    public int levels() {
        return levels;
    }

    /**
     * Stored entries of L and U together (the unit diagonal of L not stored).
     *
     * @return nnz(L) + nnz(U) − n
     */
    public long factorNonzeros() {
        return lu.nnz();
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.ILUK;
    }

    /** "ILU(2)": the level of fill in the name. */
    @Override
    public String name() {
        return "ILU(" + levels + ")";
    }

    @Override
    public PreconditionerView view() {
        return new PreconditionerView(name(), matrixNonzeros, lu.nnz(), setupSeconds, List.of());
    }

    @Override
    public int rows() {
        return lu.n;
    }

    /** {@code y = U⁻¹·L⁻¹·x}; allocates nothing; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        lu.apply(x, y);
    }

    /** {@code y = L⁻ᵀ·U⁻ᵀ·x}; allocates nothing; x and y may be the same array. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        lu.applyTranspose(x, y);
    }
}
