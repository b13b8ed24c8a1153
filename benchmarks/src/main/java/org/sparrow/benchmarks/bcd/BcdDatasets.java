package org.sparrow.benchmarks.bcd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.bcd.BcdProblem;
import org.sparrow.solvers.direct.SparseCholesky;

/**
 * The problems of Nutini, Laradji and Schmidt, "Let's Make Block Coordinate Descent Converge Faster" (JMLR 2022,
 * §8 and Appendix F; built as the paper's code {@code src/datasets/datasets.py} and {@code tree_datasets.py}
 * describe them, with Java's seeded {@link Random} instead of NumPy's generator, so the numbers differ from the
 * paper's files), each with its optimal value f* computed here by a direct solve, and the seeded sparse Lasso
 * designs of the scikit-learn comparison.
 */
public final class BcdDatasets {

    private BcdDatasets() {
    }

    /**
     * A problem and its optimal value.
     *
     * @param name        "A", "B", "D", "E" or a Lasso design's name
     * @param description what it is, for the report
     * @param problem     the problem (without ℓ₁)
     * @param matrix      A as CSR (for the quadratic, the matrix whose graph message passing walks)
     * @param fStar       the optimal value (the infimum for separable logistic data)
     * @param fStarSource how f* was found, for the report
     */
    public record Dataset(String name, String description, BcdProblem problem, CsrMatrix matrix, double fStar,
                          String fStarSource) {
    }

    /**
     * The random sparse design of datasets A and B: entries N(0,1) + 1, column j scaled by 10·N(0,1), each entry kept
     * with probability 10·log(m)/m ({@code datasets.py}: bias 1, scaling 10, sparsity 10).
     *
     * @param m   rows
     * @param n   columns
     * @param rnd Input/Output: the generator
     * @return the m×n design
     */
    static CsrMatrix paperDesign(int m, int n, Random rnd) {
        double keep = Math.min(1.0, 10 * Math.log(m) / m);
        CooMatrix.Builder b = CooMatrix.builder(m, n, (int) Math.min(Integer.MAX_VALUE - 8, keep * m * n * 1.1 + 16));
        for (int j = 0; j < n; j++) {
            double scale = 10 * rnd.nextGaussian();
            for (int i = 0; i < m; i++) {
                if (rnd.nextDouble() < keep) {
                    b.add(i, j, (rnd.nextGaussian() + 1) * scale);
                }
            }
        }
        return b.build().toCsr();
    }

    /** w with each entry N(0,1) kept with probability 0.1 ({@code datasets.py}: solutionSparsity 0.1). */
    static double[] sparseSolution(int n, Random rnd) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double v = rnd.nextGaussian();
            w[j] = rnd.nextDouble() < 0.1 ? v : 0;
        }
        return w;
    }

    /**
     * Dataset A: least squares ½‖Ax − b‖² with the paper design, b = A·w + N(0,1) noise. f* by the direct solve of the
     * minimum-norm problem (A·Aᵀ)·y = b, x* = Aᵀy (sparse Cholesky of A·Aᵀ): 0 up to rounding when m ≤ n and A has
     * full row rank, as here.
     *
     * @param m    rows (paper: 1000)
     * @param n    columns (paper: 10000)
     * @param seed the seed
     * @return the dataset
     */
    public static Dataset datasetA(int m, int n, long seed) {
        Random rnd = new Random(seed);
        CsrMatrix a = paperDesign(m, n, rnd);
        double[] w = sparseSolution(n, rnd);
        double[] b = a.apply(w);
        for (int i = 0; i < m; i++) {
            b[i] += rnd.nextGaussian();
        }
        BcdProblem p = BcdProblem.leastSquares(a.toCsc(), b);
        double[] x = minimumNormSolution(a, b);
        double f = p.objective(x);
        return new Dataset("A", "least squares ½‖Ax − b‖², " + m + "×" + n + " paper design (" + a.nnz() + " nonzeros)",
                p, a, f, "direct: x* = Aᵀ(AAᵀ)⁻¹b by sparse Cholesky of AAᵀ, f(x*) = " + f);
    }

    /**
     * Dataset B: logistic loss with the paper design, labels sign(A·w) each flipped with probability 0.1. With m &lt; n
     * and A of full row rank (checked by the Cholesky factorization of A·Aᵀ) the labels are separable, so the infimum
     * f* = 0 is not attained.
     *
     * @param m    rows (paper: 1000)
     * @param n    columns (paper: 10000)
     * @param seed the seed
     * @return the dataset
     */
    public static Dataset datasetB(int m, int n, long seed) {
        Random rnd = new Random(seed);
        CsrMatrix a = paperDesign(m, n, rnd);
        double[] w = sparseSolution(n, rnd);
        double[] aw = a.apply(w);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = aw[i] >= 0 ? 1 : -1;
            y[i] = rnd.nextDouble() < 0.1 ? -s : s;
        }
        String source;
        if (m < n) {
            SparseCholesky.factor(gram(a)); // throws if A·Aᵀ is singular: then the data need not be separable
            source = "infimum 0: A has full row rank (A·Aᵀ factored), so some x fits every label with a margin";
        } else {
            throw new IllegalArgumentException("dataset B needs m < n (separable labels, f* = 0), got " + m + "×" + n);
        }
        return new Dataset("B", "logistic Σ log(1 + exp(−bᵢaᵢᵀx)), " + m + "×" + n + " paper design (" + a.nnz()
                + " nonzeros), 10% labels flipped", BcdProblem.logistic(a.toCsc(), y), a, 0.0, source);
    }

    /**
     * Dataset D: the 50×50 lattice label propagation of the paper, read in place from {@code dir}
     * ({@code lattice50_A.mtx}, {@code lattice50_b.mtx}), f* by a sparse Cholesky solve (the data's README gives the
     * paper code's value −1045999575.2270696).
     *
     * @param dir the folder ../shared/data/bcd
     * @return the dataset
     * @throws IOException if the files cannot be read
     */
    public static Dataset datasetD(Path dir) throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(dir.resolve("lattice50_A.mtx"));
        double[] b = MatrixMarket.readVector(dir.resolve("lattice50_b.mtx"));
        BcdProblem p = BcdProblem.quadratic(a, b);
        double f = directOptimum(p, a, b);
        return new Dataset("D", "50×50 lattice label propagation ½xᵀAx − bᵀx, " + a.rows() + " unknowns (" + a.nnz()
                + " nonzeros), weights 1e5", p, a, f, "direct: sparse Cholesky, f(x*) = " + f
                + " (paper code: −1045999575.2270696)");
    }

    /** The paper code's optimal value of dataset D ({@code exp_configs.py}, quoted in ../shared/data/bcd/README.md). */
    public static final double PAPER_F_STAR_D = -1045999575.2270696;

    /**
     * Dataset E, rebuilt: {@code points} points of two moons (half on each, angles uniform in [0, π], Gaussian noise
     * σ = {@code noise}), each joined to its 5 nearest neighbours (weight 1, symmetrized), {@code labelled} points
     * drawn at random and labelled +1 (upper moon) or −1 (lower moon) — plus one more in any connected component
     * that got none, so that A is positive definite — and the label propagation quadratic on the rest: A = (D − W)
     * restricted to the unlabelled nodes (D the full degree), b = Σ_labelled W[l, ·]·y_l. f* by a sparse Cholesky
     * solve. The paper's own graph came from a MATLAB file that is not public; its f* (−717.7088) does not apply.
     *
     * @param points   nodes (paper: 2000)
     * @param labelled labelled nodes (paper: 100)
     * @param noise    the moons' noise σ
     * @param seed     the seed
     * @return the dataset
     */
    public static Dataset datasetE(int points, int labelled, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] px = new double[points];
        double[] py = new double[points];
        double[] label = new double[points];
        for (int i = 0; i < points; i++) {
            double t = Math.PI * rnd.nextDouble();
            boolean upper = i < points / 2;
            px[i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + noise * rnd.nextGaussian();
            py[i] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * rnd.nextGaussian();
            label[i] = upper ? 1 : -1;
        }
        int k = 5;
        int[][] adj = knn(px, py, k);
        // symmetrize: W_ij = 1 when j is among i's k nearest or i among j's
        CooMatrix.Builder wb = CooMatrix.builder(points, points);
        for (int i = 0; i < points; i++) {
            for (int j : adj[i]) {
                wb.add(i, j, 1);
                wb.add(j, i, 1);
            }
        }
        CsrMatrix w0 = wb.build().toCsr();
        CsrMatrix w = pattern(w0); // duplicates summed to 2 where both chose each other: back to 1
        boolean[] isLabelled = new boolean[points];
        int[] order = permutation(points, rnd);
        for (int t = 0; t < labelled; t++) {
            isLabelled[order[t]] = true;
        }
        labelEveryComponent(w, isLabelled, order);
        int[] index = new int[points];
        int u = 0;
        for (int i = 0; i < points; i++) {
            index[i] = isLabelled[i] ? -1 : u++;
        }
        int[] wp = w.rowPointers();
        int[] wi = w.columnIndices();
        double[] b = new double[u];
        CooMatrix.Builder ab = CooMatrix.builder(u, u);
        for (int i = 0; i < points; i++) {
            if (isLabelled[i]) {
                continue;
            }
            double degree = 0;
            for (int q = wp[i]; q < wp[i + 1]; q++) {
                int j = wi[q];
                degree += 1;
                if (isLabelled[j]) {
                    b[index[i]] += label[j];
                } else {
                    ab.add(index[i], index[j], -1);
                }
            }
            ab.add(index[i], index[i], degree);
        }
        CsrMatrix a = ab.build().toCsr();
        BcdProblem p = BcdProblem.quadratic(a, b);
        double f = directOptimum(p, a, b);
        int nLabelled = points - u;
        return new Dataset("E", "two-moons 5-NN label propagation ½xᵀAx − bᵀx, " + points + " points, " + nLabelled
                + " labelled, " + u + " unknowns (" + a.nnz() + " nonzeros); rebuilt graph, not the paper's",
                p, a, f, "direct: sparse Cholesky, f(x*) = " + f + " (differs from the paper's −717.7088: not its graph)");
    }

    /**
     * A seeded sparse Lasso design for the scikit-learn comparison, built as datasets A and B
     * ({@link #paperDesign}: entries (N(0,1) + 1)·10·N(0,1) per column, kept with probability 10·log(m)/m, so columns
     * are correlated through the bias and differ in scale), w with 10% of its entries N(0,1), y = X·w + N(0,1).
     *
     * @param m    rows
     * @param n    columns
     * @param seed the seed
     * @return X (CSC) and y
     */
    public static LassoDesign lassoDesign(int m, int n, long seed) {
        Random rnd = new Random(seed);
        CscMatrix x = paperDesign(m, n, rnd).toCsc();
        double[] w = sparseSolution(n, rnd);
        double[] y = new double[m];
        x.apply(w, y);
        for (int i = 0; i < m; i++) {
            y[i] += rnd.nextGaussian();
        }
        return new LassoDesign(m + "x" + n, x, y);
    }

    /**
     * A Lasso design.
     *
     * @param name "mxn"
     * @param x    the design, CSC
     * @param y    the targets
     */
    public record LassoDesign(String name, CscMatrix x, double[] y) {

        /** λ_max = ‖Xᵀy‖∞: the smallest λ for which x = 0 is optimal. */
        public double lambdaMax() {
            double[] g = new double[x.cols()];
            x.applyTranspose(y, g);
            double m = 0;
            for (double v : g) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }

    /** A·Aᵀ. */
    static CsrMatrix gram(CsrMatrix a) {
        return Spgemm.multiplyTransposeB(a, a, SpgemmOptions.defaults());
    }

    /** x = Aᵀ(A·Aᵀ)⁻¹b, the minimum-norm solution of A·x = b for A of full row rank. */
    static double[] minimumNormSolution(CsrMatrix a, double[] b) {
        double[] y = SparseCholesky.factor(gram(a)).solve(b);
        double[] x = new double[a.cols()];
        a.applyTranspose(y, x);
        return x;
    }

    /** f(x*) for the quadratic, x* = A⁻¹b by sparse Cholesky (which also proves A positive definite). */
    static double directOptimum(BcdProblem p, CsrMatrix a, double[] b) {
        SolverResult r = SparseCholesky.solve(a, b);
        return p.objective(r.solution());
    }

    /** The k nearest neighbours of each point (brute force, Euclidean; ties by index). */
    static int[][] knn(double[] px, double[] py, int k) {
        int n = px.length;
        int[][] out = new int[n][k];
        double[] bestD = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(bestD, Double.POSITIVE_INFINITY);
            int[] best = out[i];
            Arrays.fill(best, -1);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = px[i] - px[j];
                double dy = py[i] - py[j];
                double d = dx * dx + dy * dy;
                if (d < bestD[k - 1]) { // insert into the sorted list
                    int q = k - 1;
                    while (q > 0 && bestD[q - 1] > d) {
                        bestD[q] = bestD[q - 1];
                        best[q] = best[q - 1];
                        q--;
                    }
                    bestD[q] = d;
                    best[q] = j;
                }
            }
        }
        return out;
    }

    /** The same pattern with every stored value 1. */
    private static CsrMatrix pattern(CsrMatrix w) {
        double[] v = new double[w.nnz()];
        Arrays.fill(v, 1.0);
        return new CsrMatrix(w.rows(), w.cols(), w.rowPointers(), w.columnIndices(), v);
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Labels one node (the first of {@code order} in it) in every connected component of W without a labelled node:
     * otherwise that component's block of A is singular (a graph Laplacian).
     */
    static void labelEveryComponent(CsrMatrix w, boolean[] labelled, int[] order) {
        int n = w.rows();
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] wp = w.rowPointers();
        int[] wi = w.columnIndices();
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            comp[s] = count;
            queue.add(s);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int q = wp[i]; q < wp[i + 1]; q++) {
                    if (comp[wi[q]] < 0) {
                        comp[wi[q]] = count;
                        queue.add(wi[q]);
                    }
                }
            }
            count++;
        }
        boolean[] has = new boolean[count];
        for (int i = 0; i < n; i++) {
            has[comp[i]] |= labelled[i];
        }
        for (int i : order) {
            if (!has[comp[i]]) {
                labelled[i] = true;
                has[comp[i]] = true;
            }
        }
    }
}
