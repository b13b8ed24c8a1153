package org.sparrow.solvers.bcd;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.bcd.forest.ForestBlocks;
import org.sparrow.solvers.bcd.forest.ForestWorkspace;
import org.sparrow.solvers.bcd.forest.TreeSolver;

/**
 * One block coordinate descent solve: the loop of {@link Bcd#solve} with its workspaces (allocated once, so
 * that an iteration allocates nothing except where noted: the eigenvalue of a variable block's Lipschitz
 * constant, and the growth of the active-set Newton workspaces).
 */
final class BcdRun {

    /** The free set of the active-set Newton phase is at most this large (a dense |F|×|F| factorization). */
    static final int NEWTON_MAX_FREE = 2000;

    private final BcdProblem problem;
    private final BcdOptions o;
    private final int n;
    private final double lambda;
    private final boolean nonneg;
    private final boolean prox;
    private final boolean greedy;
    private final boolean variable;
    /** {@link SelectionRule#WORKING_SET}: glmnet's working-set cyclic coordinate descent (least squares). */
    private final boolean workingSet;
    /** Working set: its members in the order they joined, their count, and membership. */
    private int[] ws;
    private int wsSize;
    private boolean[] inWs;
    /**
     * Greedy variable blocks so large that a sparse gradient update would touch about as much as a full pass:
     * no row structure is built, and after each update one pass over the columns recomputes every gradient,
     * re-keys the heap and yields the optimality measure.
     */
    private final boolean recompute;
    private double lastMeasure = Double.NaN;
    /** Whether {@link #lastMeasure} was computed from a residual rebuilt from x alone. */
    private boolean fromScratch;
    /** Message passing: forest blocks solved exactly by {@link TreeSolver}. */
    private final boolean mp;
    private CsrMatrix mpMatrix;
    private TreeSolver[] mpSolvers;
    private ForestWorkspace mpWorkspace;
    private TreeSolver mpTree;
    private double[] mpPriority;
    private final SplittableRandom rng;
    private final IterationListener listener;

    private SmoothState st;
    private double l1norm;
    private int nnzX;

    // fixed blocks
    private int[][] blocks;
    private int[] blockOf;
    private double[] blockL;
    private double[][] blockBound;   // H_b (bound), cached for GSQ / HESSIAN
    private double[][] blockFactor;  // its Cholesky factor, or null when not positive definite
    private double[] cumulativeL;
    private int[] perm;
    private int cursor;
    private final int units;

    // greedy
    private IndexedMaxHeap heap;
    private int[] unitMark;
    private int[] dirtyUnits;

    // workspaces
    private final int maxM;
    private final int[] blk;
    private final double[] gb;
    private final double[] xb;
    private final double[] delta;
    private final double[] hd;
    private final double[] h;
    private final double[] est;     // line-search Lipschitz estimates per coordinate
    private final boolean[] chosen; // Lipschitz sampling of variable blocks
    private int[] candidates;       // GSQ variable: candidates and IHT state
    private double[] candH;
    private double[] candG;
    private double[] candD;
    private double[] candZ;
    private double[] savedKeys;

    // active set
    private int lastActiveChange;
    private int lastNewton = Integer.MIN_VALUE / 2;
    private int[] free = new int[0];
    private double[] nH = new double[0];
    private double[] nD = new double[0];
    private double[] nZ = new double[0];
    private double[] nX = new double[0];

    private double[] history;
    private int historySize;

    BcdRun(BcdProblem problem, double[] x0, BcdOptions o) {
        this.problem = problem;
        this.o = o;
        this.n = problem.cols();
        this.lambda = problem.l1();
        this.nonneg = problem.nonnegative();
        this.prox = lambda > 0 || nonneg;
        SelectionRule r = o.rule();
        this.mp = o.messagePassing();
        boolean greedyRule = r == SelectionRule.GS || r == SelectionRule.GSL || r == SelectionRule.GSD
                || r == SelectionRule.GSQ;
        this.greedy = greedyRule && !mp; // a greedy forest is grown afresh each iteration: no heap
        this.workingSet = r == SelectionRule.WORKING_SET;
        this.variable = !mp && !workingSet && o.partition() == PartitionRule.VARIABLE;
        this.rng = new SplittableRandom(o.seed());
        this.listener = o.listener();
        this.recompute = greedy && variable && problem.loss() != Loss.QUADRATIC && denseTouch(problem, o.blockSize());
        this.st = SmoothState.create(problem, x0, greedy && !recompute);
        for (double v : st.x) {
            l1norm += Math.abs(v);
            nnzX += v != 0 ? 1 : 0;
        }
        int k = o.blockSize();
        if (mp && greedyRule) {
            mpMatrix = ((QuadraticProblem) problem).a;
            mpWorkspace = new ForestWorkspace(n);
            mpPriority = new double[n];
            mpTree = TreeSolver.withCapacity(n, Math.min(n, k));
            units = 1;
            maxM = Math.min(n, k);
        } else if (mp) {
            mpMatrix = ((QuadraticProblem) problem).a;
            blocks = ForestBlocks.treePartition(mpMatrix);
            units = blocks.length;
            mpSolvers = new TreeSolver[units];
            blockOf = new int[n];
            blockL = new double[units];
            int mm = 0;
            for (int b = 0; b < units; b++) {
                mpSolvers[b] = new TreeSolver(mpMatrix, blocks[b]);
                for (int j : blocks[b]) {
                    blockOf[j] = b;
                    blockL[b] += st.lip[j]; // trace(A_bb) ≥ λ_max(A_bb): the weight of Lipschitz sampling
                }
                mm = Math.max(mm, blocks[b].length);
            }
            maxM = mm;
            perm = Partitions.identity(units);
            cumulativeL = new double[units];
            double sum = 0;
            for (int b = 0; b < units; b++) {
                sum += blockL[b];
                cumulativeL[b] = sum;
            }
        } else if (workingSet) {
            units = n;
            maxM = 1;
        } else if (variable) {
            units = n;
            maxM = k;
            perm = Partitions.identity(n);
        } else {
            blocks = Partitions.fixed(o.partition(), st.lip, k);
            units = blocks.length;
            blockOf = new int[n];
            int mm = 0;
            for (int b = 0; b < units; b++) {
                for (int j : blocks[b]) {
                    blockOf[j] = b;
                }
                mm = Math.max(mm, blocks[b].length);
            }
            maxM = mm;
            perm = Partitions.identity(units);
        }
        blk = new int[Math.max(maxM, 1)];
        gb = new double[maxM];
        xb = new double[maxM];
        delta = new double[maxM];
        hd = new double[maxM];
        h = mp ? new double[0] : new double[maxM * maxM];
        est = new double[n];
        Arrays.fill(est, 1.0);
        chosen = variable ? new boolean[n] : null;
        if (!variable && !mp && !workingSet) {
            prepareFixedBlocks();
        }
        if (greedy) {
            heap = new IndexedMaxHeap(units);
            unitMark = new int[units];
            Arrays.fill(unitMark, -1);
            dirtyUnits = new int[units];
            if (recompute) {
                rebuildAll();
            } else {
                for (int u = 0; u < units; u++) {
                    heap.update(u, score(u));
                }
            }
            if (variable && r == SelectionRule.GSQ) {
                int c = Math.min(n, 2 * k);
                candidates = new int[c];
                candH = new double[c * c];
                candG = new double[c];
                candD = new double[c];
                candZ = new double[c];
            }
            savedKeys = new double[Math.max(maxM, candidates == null ? 0 : candidates.length)];
        }
    }

    /**
     * Whether a block of τ columns reaches, through their rows, at least 1/16 of the nonzeros
     * (τ·(nnz/n)·(nnz/m) ≥ nnz/16): then building A's rows (a transpose, about three passes of random
     * access) does not pay for itself against one sequential pass per iteration.
     */
    private static boolean denseTouch(BcdProblem p, int tau) {
        org.sparrow.core.CscMatrix a = p instanceof LeastSquaresProblem ls ? ls.a : ((LogisticProblem) p).a;
        double nnz = a.nnz();
        return tau * (nnz / Math.max(1, a.cols())) * (nnz / Math.max(1, a.rows())) >= nnz / 16;
    }

    /** Recompute mode: every gradient from the current state, every key, and the optimality measure; one pass. */
    private void rebuildAll() {
        if (st instanceof SmoothState.LeastSquares ls && ls.tracking() == false) {
            ls.resetFromX(); // so that the pass below is a from-scratch gradient (least squares)
            fromScratch = true;
        }
        double meas = 0;
        double[] x = st.x;
        for (int j = 0; j < n; j++) {
            double gj = st.grad(j);
            heap.update(j, variableScore(j, gj));
            double v = prox ? DenseBlock.prox(x[j], gj, 1.0, lambda, nonneg) - x[j] : gj;
            meas = Math.max(meas, Math.abs(v));
        }
        lastMeasure = meas;
    }

    /** Block Lipschitz constants (λ_max of the bound matrix), and the bound matrices where GSQ or HESSIAN use them. */
    private void prepareFixedBlocks() {
        blockL = new double[units];
        boolean cacheMatrices = o.rule() == SelectionRule.GSQ
                || (o.update() == UpdateRule.HESSIAN && !o.messagePassing())
                || (o.update() == UpdateRule.NEWTON && problem.loss() != Loss.LOGISTIC);
        if (cacheMatrices) {
            blockBound = new double[units][];
            blockFactor = new double[units][];
        }
        boolean needL = o.rule() == SelectionRule.LIPSCHITZ || o.rule() == SelectionRule.GSL
                || o.update() == UpdateRule.LIPSCHITZ;
        for (int b = 0; b < units; b++) {
            int[] bl = blocks[b];
            int m = bl.length;
            if (m == 1) {
                blockL[b] = st.lip[bl[0]];
            }
            if ((needL && m > 1) || cacheMatrices) {
                double[] hb = new double[m * m];
                st.blockMatrix(bl, m, true, hb);
                if (needL && m > 1) {
                    blockL[b] = DenseBlock.maxEigenvalue(hb, m);
                }
                if (cacheMatrices) {
                    blockBound[b] = hb;
                    double[] f = hb.clone();
                    int bad = DenseBlock.cholesky(f, m);
                    if (bad >= 0) {
                        notPositiveDefinite(bl, bad);
                    }
                    blockFactor[b] = bad >= 0 ? null : f;
                }
            }
        }
        if (o.rule() == SelectionRule.LIPSCHITZ) {
            cumulativeL = new double[units];
            double s = 0;
            for (int b = 0; b < units; b++) {
                s += blockL[b];
                cumulativeL[b] = s;
            }
        }
    }

    /** For the quadratic loss a block matrix that is not positive definite is an input error (A is not SPD). */
    private void notPositiveDefinite(int[] bl, int pivot) {
        if (problem.loss() == Loss.QUADRATIC) {
            throw new IllegalArgumentException("the quadratic loss needs a symmetric positive definite matrix, but A "
                    + "restricted to a block is not positive definite (elimination fails at coordinate "
                    + (bl[pivot] + 1) + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------ scores

    /** Prox-aware coordinate term with curvature c: g² / c for a smooth problem, 2× the GS-q model decrease else. */
    private double coordinateTerm(int j, double gj, double c) {
        if (!(c > 0)) {
            return 0;
        }
        if (!prox) {
            return gj * gj / c;
        }
        return 2 * DenseBlock.modelDecrease(st.x[j], gj, c, lambda, nonneg);
    }

    /** GS term: gⱼ², or the squared unit proximal-gradient step (x − prox(x − g))² (GS-r). */
    private double gsTerm(int j, double gj) {
        if (!prox) {
            return gj * gj;
        }
        double d = DenseBlock.prox(st.x[j], gj, 1.0, lambda, nonneg) - st.x[j];
        return d * d;
    }

    /** The greedy score of a unit (a coordinate for variable blocks, a block otherwise). */
    private double score(int u) {
        SelectionRule r = o.rule();
        if (variable) {
            return variableScore(u, st.grad(u));
        }
        int[] bl = blocks[u];
        int m = bl.length;
        double s = 0;
        switch (r) {
            case GS -> {
                for (int j : bl) {
                    s += gsTerm(j, st.grad(j));
                }
            }
            case GSL -> {
                for (int j : bl) {
                    s += coordinateTerm(j, st.grad(j), blockL[u]);
                }
            }
            case GSD -> {
                for (int j : bl) {
                    s += coordinateTerm(j, st.grad(j), st.lip[j]);
                }
            }
            case GSQ -> {
                for (int t = 0; t < m; t++) {
                    gb[t] = st.grad(bl[t]);
                    xb[t] = st.x[bl[t]];
                }
                double[] f = blockFactor[u];
                if (!prox && f != null) { // gᵀH⁻¹g
                    System.arraycopy(gb, 0, delta, 0, m);
                    DenseBlock.choleskySolve(f, m, delta);
                    for (int t = 0; t < m; t++) {
                        s += gb[t] * delta[t];
                    }
                } else if (f != null) { // twice the decrease of the block model (the GS-q rule on the block)
                    DenseBlock.blockQp(blockBound[u], m, gb, xb, lambda, nonneg, delta, hd);
                    s = -2 * modelValue(blockBound[u], m, delta);
                } else {
                    for (int j : bl) {
                        s += coordinateTerm(j, st.grad(j), st.lip[j]);
                    }
                }
            }
            default -> throw new IllegalStateException("not a greedy rule: " + r);
        }
        return s;
    }

    private double variableScore(int j, double gj) {
        return o.rule() == SelectionRule.GS ? gsTerm(j, gj) : coordinateTerm(j, gj, st.lip[j]);
    }

    /** gᵀd + ½dᵀHd + λ(‖x + d‖₁ − ‖x‖₁) with g = gb, x = xb. */
    private double modelValue(double[] hm, int m, double[] d) {
        double v = 0;
        for (int s = 0; s < m; s++) {
            double hdS = 0;
            for (int t = 0; t < m; t++) {
                hdS += hm[s * m + t] * d[t];
            }
            v += gb[s] * d[s] + 0.5 * d[s] * hdS + lambda * (Math.abs(xb[s] + d[s]) - Math.abs(xb[s]));
        }
        return v;
    }

    /** Re-keys every unit whose gradient changed in the last update (plus the units of the block itself). */
    private void rekey(int m, int stamp) {
        int nd = 0;
        if (variable) {
            for (int t = 0; t < m; t++) {
                int j = blk[t];
                if (unitMark[j] != stamp) {
                    unitMark[j] = stamp;
                    dirtyUnits[nd++] = j;
                }
            }
        } else if (m > 0) {
            int b = blockOf[blk[0]];
            unitMark[b] = stamp;
            dirtyUnits[nd++] = b;
        }
        for (int t = 0; t < st.nChanged; t++) {
            int k = st.changed[t];
            int u = variable ? k : blockOf[k];
            if (unitMark[u] != stamp) {
                unitMark[u] = stamp;
                dirtyUnits[nd++] = u;
            }
        }
        for (int t = 0; t < nd; t++) {
            heap.update(dirtyUnits[t], score(dirtyUnits[t]));
        }
    }

    // ------------------------------------------------------------------------------------------------ selection

    /** Fills blk with the block of this iteration; returns its size (and the fixed block's index via selectedBlock). */
    private int selectedBlock;

    private int select(int it) {
        SelectionRule r = o.rule();
        if (mp && mpSolvers == null) {
            return greedyForestBlock();
        }
        if (!variable) {
            int b = switch (r) {
                case CYCLIC -> (it - 1) % units;
                case PERMUTATION -> {
                    if (cursor == 0) {
                        shuffle(perm);
                    }
                    int v = perm[cursor];
                    cursor = (cursor + 1) % units;
                    yield v;
                }
                case RANDOM -> rng.nextInt(units);
                case LIPSCHITZ -> sampleByLipschitz();
                default -> heap.top();
            };
            selectedBlock = b;
            int[] bl = blocks[b];
            System.arraycopy(bl, 0, blk, 0, bl.length);
            return bl.length;
        }
        int m = o.blockSize();
        switch (r) {
            case CYCLIC -> {
                for (int t = 0; t < m; t++) {
                    blk[t] = cursor;
                    cursor = (cursor + 1) % n;
                }
            }
            case PERMUTATION -> {
                for (int t = 0; t < m; t++) {
                    if (cursor == 0) {
                        shuffle(perm);
                    }
                    blk[t] = perm[cursor];
                    cursor = (cursor + 1) % n;
                }
                sortAndDedupe(m);
            }
            case RANDOM -> {
                for (int t = 0; t < m; t++) { // partial Fisher–Yates: m distinct coordinates
                    int s = t + rng.nextInt(n - t);
                    int tmp = perm[t];
                    perm[t] = perm[s];
                    perm[s] = tmp;
                    blk[t] = perm[t];
                }
            }
            case LIPSCHITZ -> {
                double total = 0;
                for (int j = 0; j < n; j++) {
                    total += st.lip[j];
                }
                int got = 0;
                for (int attempt = 0; got < m && attempt < 64 * m; attempt++) {
                    int j = sampleCoordinate(total);
                    if (!chosen[j]) {
                        chosen[j] = true;
                        blk[got++] = j;
                    }
                }
                for (int j = 0; got < m && j < n; j++) { // rare: fill up deterministically
                    if (!chosen[j]) {
                        chosen[j] = true;
                        blk[got++] = j;
                    }
                }
                for (int t = 0; t < m; t++) {
                    chosen[blk[t]] = false;
                }
            }
            case GSQ -> {
                selectGsqVariable(m);
            }
            default -> { // GS, GSL, GSD: the m largest scores
                topFromHeap(blk, m);
            }
        }
        return m;
    }

    /**
     * The greedy forest block (Nutini, Laradji and Schmidt, JMLR 2022, message passing for huge-block updates:
     * grow a forest in the order of the greedy scores): nodes in decreasing |∇ᵢf| (GS) or |∇ᵢf|/√Aᵢᵢ (GSL, GSD,
     * GSQ: the coordinate form of their scores) join while the block stays a forest and has room.
     */
    private int greedyForestBlock() {
        boolean scaled = o.rule() != SelectionRule.GS;
        for (int j = 0; j < n; j++) {
            mpPriority[j] = scaled ? st.g[j] / Math.sqrt(st.lip[j]) : st.g[j];
        }
        return ForestBlocks.greedyForest(mpMatrix, mpPriority, maxM, blk, mpWorkspace);
    }

    /** The m units with the largest keys, by taking them off the heap and putting their keys back. */
    private void topFromHeap(int[] out, int m) {
        for (int t = 0; t < m; t++) {
            int j = heap.top();
            out[t] = j;
            savedKeys[t] = heap.key(j);
            heap.update(j, Double.NEGATIVE_INFINITY);
        }
        for (int t = 0; t < m; t++) {
            heap.update(out[t], savedKeys[t]);
        }
    }

    /**
     * GSQ for variable blocks (Nutini, Laradji and Schmidt, JMLR 2022, tractable GSQ for variable blocks): the
     * support of an approximate minimizer of the quadratic model gᵀd + ½dᵀHd over τ-sparse d, found by
     * iterative hard thresholding d ← H_τ(d − (g + Hd)/L̄). Here the iteration runs on the 2τ coordinates with
     * the largest GSD scores (the dense H restricted to them), with L̄ = the largest eigenvalue bound
     * τ·maxⱼ Hⱼⱼ, starting from d = 0; 30 iterations.
     */
    private void selectGsqVariable(int m) {
        int c = candidates.length;
        topFromHeap(candidates, c);
        st.blockMatrix(candidates, c, true, candH);
        double maxDiag = 0;
        for (int s = 0; s < c; s++) {
            candG[s] = st.grad(candidates[s]);
            candD[s] = 0;
            maxDiag = Math.max(maxDiag, candH[s * c + s]);
        }
        double lbar = Math.max(1e-300, m * maxDiag);
        double[] z = candZ;
        for (int iter = 0; iter < 30; iter++) {
            for (int s = 0; s < c; s++) {
                double hdS = 0;
                for (int t = 0; t < c; t++) {
                    hdS += candH[s * c + t] * candD[t];
                }
                z[s] = candD[s] - (candG[s] + hdS) / lbar;
            }
            // keep the m entries of largest magnitude
            Arrays.fill(candD, 0);
            for (int t = 0; t < m; t++) {
                int best = -1;
                for (int s = 0; s < c; s++) {
                    if (!Double.isNaN(z[s]) && (best < 0 || Math.abs(z[s]) > Math.abs(z[best]))) {
                        best = s;
                    }
                }
                candD[best] = z[best];
                z[best] = Double.NaN;
            }
        }
        int got = 0;
        for (int s = 0; s < c && got < m; s++) {
            if (candD[s] != 0) {
                blk[got++] = candidates[s];
            }
        }
        for (int s = 0; s < c && got < m; s++) { // pad with the best GSD candidates
            if (candD[s] == 0) {
                blk[got++] = candidates[s];
            }
        }
    }

    private void sortAndDedupe(int m) {
        Arrays.sort(blk, 0, m);
    }

    private int sampleByLipschitz() {
        double total = cumulativeL[units - 1];
        if (!(total > 0)) {
            return rng.nextInt(units);
        }
        double u = rng.nextDouble() * total;
        int lo = 0;
        int hi = units - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeL[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** One coordinate with probability Lⱼ/Σ L (linear scan; variable blocks only). */
    private int sampleCoordinate(double total) {
        if (!(total > 0)) {
            return rng.nextInt(n);
        }
        double u = rng.nextDouble() * total;
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += st.lip[j];
            if (s > u) {
                return j;
            }
        }
        return n - 1;
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int s = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[s];
            a[s] = t;
        }
    }

    // ------------------------------------------------------------------------------------------------ updates

    /** Fills delta[0..m) with the step of the update rule on the block blk[0..m). */
    private void step(int m) {
        double[] x = st.x;
        for (int t = 0; t < m; t++) {
            gb[t] = st.grad(blk[t]);
            xb[t] = x[blk[t]];
        }
        if (mp) { // the exact block update A_bb·δ = −∇_b f, by elimination along the forest
            for (int t = 0; t < m; t++) {
                hd[t] = -gb[t];
            }
            TreeSolver solver = mpSolvers != null ? mpSolvers[selectedBlock] : mpTree;
            if (mpSolvers == null) {
                mpTree.analyze(mpMatrix, blk, m); // the forest grown this iteration, factored in place
            }
            solver.solve(hd, delta);
            return;
        }
        switch (o.update()) {
            case LIPSCHITZ -> {
                double l = m == 1 ? st.lip[blk[0]] : (variable ? variableBlockL(m) : blockL[selectedBlock]);
                proxStep(m, l);
            }
            case LINE_SEARCH -> lineSearchStep(m);
            case HESSIAN -> matrixStep(m, true);
            case NEWTON -> {
                matrixStep(m, problem.loss() != Loss.LOGISTIC);
                if (problem.loss() == Loss.LOGISTIC) {
                    armijo(m);
                }
            }
        }
    }

    private double variableBlockL(int m) {
        st.blockMatrix(blk, m, true, h);
        return DenseBlock.maxEigenvalue(Arrays.copyOf(h, m * m), m);
    }

    /** δ = prox_{λ/L}(x_b − g_b/L) − x_b (projection on x ≥ 0 too). */
    private void proxStep(int m, double l) {
        if (!(l > 0)) {
            Arrays.fill(delta, 0, m, 0.0);
            return;
        }
        for (int t = 0; t < m; t++) {
            delta[t] = DenseBlock.prox(xb[t], gb[t], l, lambda, nonneg) - xb[t];
        }
    }

    /**
     * Lipschitz estimate by backtracking, as the authors' code does: start from the largest stored estimate of
     * the block's coordinates (initially 1), double it until f(x + δ) ≤ f(x) + gᵀδ + (L/2)‖δ‖² (the condition
     * that makes the proximal step a descent step), and store the accepted estimate for the block's coordinates.
     */
    private void lineSearchStep(int m) {
        double l = 0;
        for (int t = 0; t < m; t++) {
            l = Math.max(l, est[blk[t]]);
        }
        for (int tries = 0; tries < 1100; tries++) {
            proxStep(m, l);
            double lin = 0;
            double sq = 0;
            for (int t = 0; t < m; t++) {
                lin += gb[t] * delta[t];
                sq += delta[t] * delta[t];
            }
            if (sq == 0 || st.trial(blk, m, delta) <= st.fval + lin + 0.5 * l * sq) {
                break;
            }
            l *= 2;
        }
        for (int t = 0; t < m; t++) {
            est[blk[t]] = l;
        }
    }

    /**
     * δ minimizing the block model gᵀd + ½dᵀHd + λ‖x + d‖₁ (+ x + d ≥ 0) with H the block Hessian bound
     * (bound = true: A_bᵀA_b, A_bb or ¼A_bᵀA_b) or the exact block Hessian (bound = false): a Cholesky solve
     * when smooth, the block QP otherwise. A matrix that cannot be factored (a rank-deficient block of a
     * least-squares or logistic design) falls back to the Lipschitz step with the largest diagonal·m.
     */
    private void matrixStep(int m, boolean bound) {
        double[] hm;
        double[] factor = null;
        if (bound && !variable && blockBound != null) {
            hm = blockBound[selectedBlock];
            factor = blockFactor[selectedBlock];
            if (factor == null) {
                fallbackStep(m, hm);
                return;
            }
        } else {
            st.blockMatrix(blk, m, bound, h);
            hm = h;
        }
        if (!prox) {
            if (factor == null) {
                factor = factorInto(hm, m);
                if (factor == null) {
                    fallbackStep(m, hm);
                    return;
                }
            }
            for (int t = 0; t < m; t++) {
                delta[t] = -gb[t];
            }
            DenseBlock.choleskySolve(factor, m, delta);
            return;
        }
        for (int t = 0; t < m; t++) {
            if (!(hm[t * m + t] > 0)) {
                fallbackStep(m, hm);
                return;
            }
        }
        DenseBlock.blockQp(hm, m, gb, xb, lambda, nonneg, delta, hd);
    }

    private double[] factorScratch = new double[0];

    /** Cholesky factor of hm into a scratch copy, or null (after the quadratic loss's error) when not SPD. */
    private double[] factorInto(double[] hm, int m) {
        if (factorScratch.length < m * m) {
            factorScratch = new double[m * m];
        }
        System.arraycopy(hm, 0, factorScratch, 0, m * m);
        int bad = DenseBlock.cholesky(factorScratch, m);
        if (bad >= 0) {
            notPositiveDefinite(blk, bad);
            return null;
        }
        return factorScratch;
    }

    private void fallbackStep(int m, double[] hm) {
        double maxDiag = 0;
        for (int t = 0; t < m; t++) {
            maxDiag = Math.max(maxDiag, hm[t * m + t]);
        }
        proxStep(m, maxDiag * m);
    }

    /** Armijo backtracking on δ: F(x + tδ) ≤ F(x) + 10⁻⁴·t·Δ with Δ = gᵀδ + λ(‖x + δ‖₁ − ‖x‖₁) (Tseng–Yun). */
    private void armijo(int m) {
        double dec = 0;
        for (int t = 0; t < m; t++) {
            dec += gb[t] * delta[t] + lambda * (Math.abs(xb[t] + delta[t]) - Math.abs(xb[t]));
        }
        if (!(dec < 0)) {
            Arrays.fill(delta, 0, m, 0.0);
            return;
        }
        double f0 = st.fval + lambda * blockL1(m, null, 0);
        double step = 1;
        for (int k = 0; k < 60; k++) {
            if (k > 0) {
                for (int t = 0; t < m; t++) {
                    delta[t] *= 0.5;
                }
            }
            double f1 = st.trial(blk, m, delta) + lambda * blockL1(m, delta, 1);
            if (f1 <= f0 + 1e-4 * step * dec) {
                return;
            }
            step *= 0.5;
        }
        Arrays.fill(delta, 0, m, 0.0);
    }

    /** ‖x_b + s·d‖₁ (d == null: ‖x_b‖₁). */
    private double blockL1(int m, double[] d, double s) {
        double v = 0;
        for (int t = 0; t < m; t++) {
            v += Math.abs(xb[t] + (d == null ? 0 : s * d[t]));
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------ apply

    /** Applies delta on blk[0..m): the state, ‖x‖₁, the active set, the heap. Returns whether the active set changed. */
    private boolean apply(int m, int it) {
        double[] x = st.x;
        boolean activeChanged = false;
        for (int t = 0; t < m; t++) {
            int j = blk[t];
            double before = x[j];
            double after = before + delta[t];
            if (prox && after != 0 && Math.abs(after) < 1e-300) {
                after = 0; // keep exact zeros exact
            }
            delta[t] = after - before;
            l1norm += Math.abs(after) - Math.abs(before);
            if ((before == 0) != (after == 0)) {
                nnzX += after != 0 ? 1 : -1;
                activeChanged = prox;
            }
        }
        st.apply(blk, m, delta);
        if (recompute) {
            rebuildAll();
        } else if (greedy) {
            rekey(m, it);
        }
        st.clearChanged();
        return activeChanged;
    }

    // ------------------------------------------------------------------------------------------------ optimality

    /** ‖∇f‖∞ (smooth) or ‖x − prox(x − ∇f)‖∞, from a gradient. */
    private double measure(double[] x, double[] g) {
        double m = 0;
        for (int j = 0; j < n; j++) {
            double v = prox ? DenseBlock.prox(x[j], g[j], 1.0, lambda, nonneg) - x[j] : g[j];
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private double[] gradScratch;

    private double currentMeasure() {
        if (recompute) {
            return lastMeasure;
        }
        if (st.tracking()) {
            return measure(st.x, st.g);
        }
        if (gradScratch == null) {
            gradScratch = new double[n];
        }
        st.fullGradient(gradScratch);
        return measure(st.x, gradScratch);
    }

    /** F(x) of the last {@link #scratchMeasure} (from its fresh state). */
    private double scratchObjective;

    /** The measure recomputed from scratch (a fresh state built from x alone); sets {@link #scratchObjective}. */
    private double scratchMeasure(double[] x) {
        SmoothState fresh = SmoothState.create(problem, x, false);
        double[] g = new double[n];
        fresh.fullGradient(g);
        double l1 = 0;
        for (double v : x) {
            l1 += Math.abs(v);
        }
        scratchObjective = fresh.fval + lambda * l1;
        return measure(x, g);
    }

    /** Rebuilds the incremental state from x (when it drifted) and re-keys the heap. */
    private void refresh() {
        st = SmoothState.create(problem, st.x, greedy && !recompute);
        if (recompute) {
            rebuildAll();
        } else if (greedy) {
            for (int u = 0; u < units; u++) {
                heap.update(u, score(u));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ Newton

    /**
     * The superlinear phase (Nutini, Laradji and Schmidt, JMLR 2022, on active-set identification and
     * superlinear convergence): on the free coordinates F (xⱼ ≠ 0), with the signs fixed, the ℓ₁ term is linear,
     * so a Newton step solves ∇²_FF f·d = −(∇_F f + λ·sign(x_F)); it is projected (a coordinate that would
     * change sign or leave x ≥ 0 stops at 0) and halved until F decreases. For least squares and the quadratic
     * this solves the problem restricted to the identified active set exactly.
     *
     * @return whether a step was taken
     */
    private boolean newtonOnFreeSet(int it) {
        double[] x = st.x;
        int nf = 0;
        for (int j = 0; j < n; j++) {
            if (x[j] != 0) {
                nf++;
            }
        }
        if (nf == 0 || nf > NEWTON_MAX_FREE) {
            return false;
        }
        if (free.length < nf) {
            free = new int[nf];
            nD = new double[nf];
            nZ = new double[nf];
            nX = new double[nf];
        }
        if (nH.length < nf * nf) {
            nH = new double[nf * nf];
        }
        nf = 0;
        for (int j = 0; j < n; j++) {
            if (x[j] != 0) {
                free[nf++] = j;
            }
        }
        st.blockMatrix(free, nf, false, nH);
        if (DenseBlock.cholesky(nH, nf) >= 0) {
            return false;
        }
        for (int t = 0; t < nf; t++) {
            int j = free[t];
            nX[t] = x[j];
            nD[t] = -(st.grad(j) + lambda * Math.signum(x[j]));
        }
        DenseBlock.choleskySolve(nH, nf, nD);
        double f0 = st.fval + lambda * l1norm;
        double s = 1;
        for (int k = 0; k < 40; k++, s *= 0.5) {
            double l1Change = 0;
            for (int t = 0; t < nf; t++) {
                double z = nX[t] + s * nD[t];
                if ((nonneg && z < 0) || (lambda > 0 && Math.signum(z) != Math.signum(nX[t]))) {
                    z = 0;
                }
                nZ[t] = z - nX[t];
                l1Change += Math.abs(z) - Math.abs(nX[t]);
            }
            double f1 = st.trial(free, nf, nZ) + lambda * (l1norm + l1Change);
            if (f1 < f0) {
                applyNewton(nf, it);
                return true;
            }
        }
        return false;
    }

    private void applyNewton(int nf, int it) {
        double[] x = st.x;
        boolean changed = false;
        for (int t = 0; t < nf; t++) {
            int j = free[t];
            double after = x[j] + nZ[t];
            if (nX[t] + nZ[t] == 0) {
                after = 0;
            }
            nZ[t] = after - x[j];
            l1norm += Math.abs(after) - Math.abs(x[j]);
            if (after == 0) {
                changed = true;
                nnzX--;
            }
        }
        st.apply(free, nf, nZ);
        if (recompute) {
            rebuildAll();
        } else if (greedy) {
            // re-key the free coordinates' units and everything whose gradient changed
            int stamp = -2 - it;
            int nd = 0;
            for (int t = 0; t < nf + st.nChanged; t++) {
                int k = t < nf ? free[t] : st.changed[t - nf];
                int u = variable ? k : blockOf[k];
                if (unitMark[u] != stamp) {
                    unitMark[u] = stamp;
                    dirtyUnits[nd++] = u;
                }
            }
            for (int t = 0; t < nd; t++) {
                heap.update(dirtyUnits[t], score(dirtyUnits[t]));
            }
        }
        st.clearChanged();
        if (changed) {
            lastActiveChange = it;
        }
    }

    // ------------------------------------------------------------------------------------------------ loop

    /**
     * Records the objective f after iteration {@code it} and tells the listener.
     *
     * @return whether f is finite (the caller stops with {@link StopReason#NOT_FINITE} otherwise)
     */
    private boolean recordObjective(int it, double f) {
        record(f);
        if (listener != null) {
            listener.onIteration(it, f);
        }
        return Double.isFinite(f);
    }

    /**
     * xⱼ ← z and r += (z − xⱼ)·aⱼ over the column's entries q0..q1 of the CSC arrays (values av, rows ri);
     * notes an active-set change at iteration {@code it} when xⱼ crosses zero.
     */
    private void moveCoordinate(double[] x, double[] r, double[] av, int[] ri, int j, double z, int q0, int q1, int it) {
        double xj = x[j];
        double d = z - xj;
        x[j] = z;
        for (int q = q0; q < q1; q++) {
            r[ri[q]] += d * av[q];
        }
        if ((xj == 0) != (z == 0)) {
            lastActiveChange = it;
        }
    }

    private void record(double f) {
        if (historySize == history.length) {
            history = Arrays.copyOf(history, Math.max(16, 2 * history.length));
        }
        history[historySize++] = f;
    }

    BcdResult run(long t0) {
        history = new double[Math.min(o.maxIterations(), 1 << 16) + 1];
        double f = st.fval + lambda * l1norm;
        record(f);
        double start = currentMeasure();
        double scale = nnzX == 0 ? start : Math.max(scratchMeasure(new double[n]), start);
        double target = o.tolerance() * scale;
        if (workingSet) {
            return runWorkingSet(t0, start, target);
        }
        boolean useNewton = o.activeSet() && prox;
        double confirmed = -1;
        int perPass = variable ? Math.max(1, n / o.blockSize()) : units; // iterations that touch n coordinates
        int checkEvery = recompute ? 1 : st.tracking() ? Math.max(1, Math.min(perPass, 64)) : perPass;
        int stableNeeded = greedy ? 10 : units;
        int patience = Math.max(1000, 10 * units);
        double bestMeasure = Double.POSITIVE_INFINITY;
        double best = f;
        int sinceBest = 0;
        long coords = 0;
        int it = 0;
        StopReason reason = StopReason.MAX_ITERATIONS;
        String detail = "the iteration limit " + o.maxIterations() + " was reached";
        if (start <= target) {
            reason = StopReason.CONVERGED;
            detail = "the starting point is optimal";
        }
        while (reason != StopReason.CONVERGED && it < o.maxIterations()) {
            it++;
            boolean newtonStep = false;
            if (useNewton && it - lastActiveChange > stableNeeded
                    && it - lastNewton > Math.max(stableNeeded, countFree())) {
                lastNewton = it;
                newtonStep = newtonOnFreeSet(it);
                if (newtonStep) {
                    coords += countFree();
                }
            }
            if (!newtonStep) {
                int m = select(it);
                step(m);
                if (apply(m, it)) {
                    lastActiveChange = it;
                }
                coords += m;
            }
            f = st.fval + lambda * l1norm;
            if (!recordObjective(it, f)) {
                reason = StopReason.NOT_FINITE;
                detail = "the objective became " + f + " at iteration " + it;
                break;
            }
            if (f < best) {
                best = f;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (newtonStep || it % checkEvery == 0 || sinceBest >= patience) {
                double now = currentMeasure();
                if (now <= target) {
                    if (recompute && fromScratch) { // the residual was rebuilt from x before this measure
                        confirmed = now;
                        scratchObjective = st.fval + lambda * l1Of(st.x);
                    } else {
                        confirmed = scratchMeasure(st.x); // x does not change after this if it converged
                    }
                    if (confirmed <= target) {
                        reason = StopReason.CONVERGED;
                        detail = "the optimality measure fell below " + o.tolerance() + " × its value at the start";
                        break;
                    }
                    refresh(); // the incremental state drifted: rebuild it from x
                }
                if (sinceBest >= patience) {
                    // F stalls in floating point before the measure does: stagnation only if neither improves
                    if (now < 0.99 * bestMeasure) {
                        bestMeasure = now;
                        sinceBest = 0;
                    } else {
                        reason = StopReason.STAGNATION;
                        detail = "neither the objective nor the optimality measure improved in " + patience
                                + " iterations";
                        break;
                    }
                }
            }
        }
        double[] x = st.x.clone();
        double opt = reason == StopReason.CONVERGED && confirmed >= 0 ? confirmed : scratchMeasure(x);
        boolean converged = opt <= target;
        if (reason == StopReason.CONVERGED && !converged) {
            reason = StopReason.STAGNATION;
            detail = "the recomputed optimality measure " + opt + " is above the target " + target;
        }
        history[historySize - 1] = scratchObjective;
        return new BcdResult(x, Arrays.copyOf(history, historySize), opt,
                prox ? "prox-step-inf-norm" : "gradient-inf-norm", it, coords, converged, reason, detail,
                prox ? lastActiveChange : -1, (System.nanoTime() - t0) * 1e-9);
    }

    private static double l1Of(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    private int countFree() {
        return nnzX;
    }

    // ------------------------------------------------------------------------------------------------ working set

    /**
     * Σ_{q0 ≤ q < q1} av[q]·r[ri[q]] with four partial sums: the gathers of a sparse column are independent, and
     * one running sum would wait on the latency of each addition before the next.
     */
    private static double columnDot(double[] av, int[] ri, double[] r, int q0, int q1) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int q = q0;
        for (; q + 3 < q1; q += 4) {
            s0 += av[q] * r[ri[q]];
            s1 += av[q + 1] * r[ri[q + 1]];
            s2 += av[q + 2] * r[ri[q + 2]];
            s3 += av[q + 3] * r[ri[q + 3]];
        }
        for (; q < q1; q++) {
            s0 += av[q] * r[ri[q]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The working set after a {@link SelectionRule#WORKING_SET} solve (for tests): whether each coordinate joined. */
    boolean[] workingSetMembers() {
        return inWs == null ? null : inWs.clone();
    }

    /**
     * glmnet's working-set coordinate descent (see {@link Bcd}): inner cycles over the working set, full passes
     * over the others to add violators, the stop decided by the measure recomputed from scratch. One flat loop
     * per pass over the CSC arrays; the objective is kept by the exact coordinate decrease δ(g + ½δLⱼ).
     */
    private BcdResult runWorkingSet(long t0, double start, double target) {
        SmoothState.LeastSquares ls = (SmoothState.LeastSquares) st;
        double[] x = ls.x;
        double[] r = ls.r;
        double[] lip = ls.lip;
        int[] cp = ls.cp;
        int[] ri = ls.ri;
        double[] av = ls.av;
        int maxIt = o.maxIterations();
        ws = new int[n];
        inWs = new boolean[n];
        wsSize = 0;
        for (int j = 0; j < n; j++) { // the support of x₀ and its violators (gradients of the setup pass)
            double gj = ls.grad(j);
            if (x[j] != 0 || (lip[j] > 0 && DenseBlock.prox(0.0, gj, 1.0, lambda, nonneg) != 0)) {
                inWs[j] = true;
                ws[wsSize++] = j;
            }
        }
        double innerTol = 0.5 * target;
        int it = 0;
        double fval = ls.fval;
        double l1 = l1norm;
        double confirmed = -1;
        double bestScratch = Double.POSITIVE_INFINITY;
        int failedChecks = 0;
        StopReason reason = StopReason.MAX_ITERATIONS;
        String detail = "the iteration limit " + maxIt + " was reached";
        if (start <= target) {
            reason = StopReason.CONVERGED;
            detail = "the starting point is optimal";
        }
        outer:
        while (reason != StopReason.CONVERGED) {
            // inner: cycle over the working set until a pass moves no coordinate by more than innerTol
            double passMax;
            double bestPass = Double.POSITIVE_INFINITY;
            int stalledPasses = 0;
            do {
                passMax = 0;
                for (int t = 0; t < wsSize; t++) {
                    int j = ws[t];
                    int q0 = cp[j];
                    int q1 = cp[j + 1];
                    double g = columnDot(av, ri, r, q0, q1);
                    double xj = x[j];
                    double v = prox ? DenseBlock.prox(xj, g, 1.0, lambda, nonneg) - xj : g;
                    passMax = Math.max(passMax, Math.abs(v));
                    double lj = lip[j];
                    double z = lj > 0 ? DenseBlock.prox(xj, g, lj, lambda, nonneg) : (lambda > 0 ? 0.0 : xj);
                    double d = z - xj;
                    if (d != 0) {
                        moveCoordinate(x, r, av, ri, j, z, q0, q1, it + 1);
                        fval += d * (g + 0.5 * d * lj);
                        l1 += Math.abs(z) - Math.abs(xj);
                    }
                    it++;
                    double f = fval + lambda * l1;
                    if (!recordObjective(it, f)) {
                        reason = StopReason.NOT_FINITE;
                        detail = "the objective became " + f + " at iteration " + it;
                        break outer;
                    }
                    if (it >= maxIt) {
                        break outer;
                    }
                }
                if (passMax < 0.99 * bestPass) {
                    bestPass = passMax;
                    stalledPasses = 0;
                } else {
                    stalledPasses++;
                }
            } while (passMax > innerTol && stalledPasses < 20); // stalled: rounding, let the full check decide
            // full pass: the coordinates outside the working set; a violator joins and takes its step
            int added = 0;
            for (int j = 0; j < n; j++) {
                if (inWs[j]) {
                    continue;
                }
                int q0 = cp[j];
                int q1 = cp[j + 1];
                double g = columnDot(av, ri, r, q0, q1);
                double xj = x[j]; // 0: the support stays inside the working set
                double v = prox ? DenseBlock.prox(xj, g, 1.0, lambda, nonneg) - xj : g;
                passMax = Math.max(passMax, Math.abs(v));
                double lj = lip[j];
                if (v != 0 && lj > 0) {
                    inWs[j] = true;
                    ws[wsSize++] = j;
                    added++;
                    double z = DenseBlock.prox(xj, g, lj, lambda, nonneg);
                    double d = z - xj;
                    if (d != 0) {
                        moveCoordinate(x, r, av, ri, j, z, q0, q1, it + 1);
                        fval += d * (g + 0.5 * d * lj);
                        l1 += Math.abs(z) - Math.abs(xj);
                    }
                }
                it++;
                double f = fval + lambda * l1;
                if (!recordObjective(it, f)) {
                    reason = StopReason.NOT_FINITE;
                    detail = "the objective became " + f + " at iteration " + it;
                    break outer;
                }
                if (it >= maxIt) {
                    break outer;
                }
            }
            if (added > 0 || (passMax > innerTol && stalledPasses < 20)) {
                continue;
            }
            double now = scratchMeasure(x);
            if (now <= target) {
                confirmed = now;
                reason = StopReason.CONVERGED;
                detail = "the optimality measure fell below " + o.tolerance() + " × its value at the start";
                break;
            }
            // the incremental residual drifted or the inner threshold was too loose: rebuild r, tighten
            if (now < 0.99 * bestScratch) {
                bestScratch = now;
                failedChecks = 0;
            } else if (++failedChecks >= 10) {
                reason = StopReason.STAGNATION;
                detail = "the recomputed optimality measure did not improve in 10 working-set rounds";
                break;
            }
            ls.resetFromX();
            fval = ls.fval;
            l1 = l1Of(x);
            innerTol *= 0.5;
        }
        ls.fval = fval;
        l1norm = l1;
        double[] xOut = x.clone();
        double opt = reason == StopReason.CONVERGED && confirmed >= 0 ? confirmed : scratchMeasure(xOut);
        boolean converged = opt <= target;
        if (reason == StopReason.CONVERGED && !converged) {
            reason = StopReason.STAGNATION;
            detail = "the recomputed optimality measure " + opt + " is above the target " + target;
        }
        history[historySize - 1] = scratchObjective;
        return new BcdResult(xOut, Arrays.copyOf(history, historySize), opt,
                prox ? "prox-step-inf-norm" : "gradient-inf-norm", it, it, converged, reason, detail,
                prox ? lastActiveChange : -1, (System.nanoTime() - t0) * 1e-9);
    }
}
