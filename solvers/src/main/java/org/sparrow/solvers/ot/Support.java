package org.sparrow.solvers.ot;

import java.util.Arrays;

/**
 * Whether a sparse support can carry the marginals: a plan P ≥ 0 that is zero off the support with
 * P·1 = a and Pᵀ·1 = b exists iff the maximum flow from a source through the rows (capacities aᵢ),
 * the allowed entries (unbounded) and the columns (capacities bⱼ) to a sink moves all the mass
 * (Gale's supply–demand theorem, 1957; equivalently Hall's condition Σ_{i∈R} aᵢ ≤ Σ_{j∈N(R)} bⱼ for every
 * set R of rows with allowed columns N(R)). The flow is Dinic's blocking-flow algorithm (Dinic, Soviet
 * Math. Doklady 11, 1970) on the bipartite network; the rows reachable from the source in the final
 * residual network are a set R that violates Hall's condition, which the message names.
 *
 * <p>An infeasible support is bad input: {@link #check} throws an {@link IllegalArgumentException} with one
 * sentence, before any iteration runs.
 */
final class Support {

    private Support() {
    }

    /** Throws when the support cannot carry the marginals (to within half the tolerance). */
    static void check(OtProblem p, double tolerance) {
        int n = p.n;
        int m = p.m;
        for (int i = 0; i < n; i++) {
            if (p.rowPtr[i] == p.rowPtr[i + 1]) {
                throw new IllegalArgumentException("row " + (i + 1) + " of the sparse cost has no allowed entry, but a("
                        + (i + 1) + ") = " + p.a[i] + " must leave it: the support cannot carry the marginals");
            }
        }
        for (int j = 0; j < m; j++) {
            if (p.colPtr[j] == p.colPtr[j + 1]) {
                throw new IllegalArgumentException("column " + (j + 1) + " of the sparse cost has no allowed entry, but b("
                        + (j + 1) + ") = " + p.b[j] + " must reach it: the support cannot carry the marginals");
            }
        }
        new Flow(p).run(tolerance);
    }

    /** Dinic's algorithm on source → rows → columns → sink; row→column arcs are unbounded. */
    private static final class Flow {
        private final OtProblem p;
        private final double[] rowIn;   // flow source → row i (≤ aᵢ)
        private final double[] colOut;  // flow column j → sink (≤ bⱼ)
        private final double[] arc;     // flow on allowed entry k (row-major), ≥ 0
        private final int[] levelRow;
        private final int[] levelCol;
        private final int[] itRow;      // current-arc pointers into the row's entries
        private final int[] itCol;      // current-arc pointers into the column's entries (backward arcs)
        private final double eps;

        Flow(OtProblem p) {
            this.p = p;
            rowIn = new double[p.n];
            colOut = new double[p.m];
            arc = new double[p.nnz];
            levelRow = new int[p.n];
            levelCol = new int[p.m];
            itRow = new int[p.n];
            itCol = new int[p.m];
            eps = 1e-14 * p.mass;
        }

        void run(double tolerance) {
            double flow = 0;
            int[] queue = new int[p.n + p.m];
            while (bfs(queue)) {
                for (int i = 0; i < p.n; i++) {
                    itRow[i] = p.rowPtr[i];
                }
                for (int j = 0; j < p.m; j++) {
                    itCol[j] = p.colPtr[j];
                }
                for (int i = 0; i < p.n; i++) {
                    double room = p.a[i] - rowIn[i];
                    if (room > eps && levelRow[i] == 0) {
                        double pushed = pushRow(i, room);
                        rowIn[i] += pushed;
                        flow += pushed;
                    }
                }
            }
            if (flow < p.mass - 0.5 * tolerance) {
                // Rows reachable from the source in the residual network (levels from the last search).
                double need = 0;
                double reach = 0;
                int rows = 0;
                StringBuilder names = new StringBuilder();
                for (int i = 0; i < p.n; i++) {
                    if (levelRow[i] >= 0) {
                        need += p.a[i];
                        if (rows < 5) {
                            names.append(rows == 0 ? "" : ", ").append(i + 1);
                        }
                        rows++;
                    }
                }
                for (int j = 0; j < p.m; j++) {
                    if (levelCol[j] >= 0) {
                        reach += p.b[j];
                    }
                }
                throw new IllegalArgumentException("the support of the sparse cost cannot carry the marginals: at most "
                        + flow + " of the mass " + p.mass + " can move along the allowed entries, since rows "
                        + names + (rows > 5 ? " (and " + (rows - 5) + " more)" : "") + " need " + need
                        + " in total but their allowed columns can receive only " + reach);
            }
        }

        /** Levels by breadth-first search from the source: rows at even levels, columns at odd; −1 unreached. */
        private boolean bfs(int[] queue) {
            Arrays.fill(levelRow, -1);
            Arrays.fill(levelCol, -1);
            int head = 0;
            int tail = 0;
            for (int i = 0; i < p.n; i++) {
                if (p.a[i] - rowIn[i] > eps) {
                    levelRow[i] = 0;
                    queue[tail++] = i;
                }
            }
            boolean sink = false;
            while (head < tail) {
                int v = queue[head++];
                if (v < p.n) { // row: forward arcs to every allowed column (unbounded)
                    for (int k = p.rowPtr[v]; k < p.rowPtr[v + 1]; k++) {
                        int j = p.colIdx[k];
                        if (levelCol[j] < 0) {
                            levelCol[j] = levelRow[v] + 1;
                            queue[tail++] = p.n + j;
                            if (p.b[j] - colOut[j] > eps) {
                                sink = true;
                            }
                        }
                    }
                } else { // column: backward arcs to rows that send it flow
                    int j = v - p.n;
                    for (int t = p.colPtr[j]; t < p.colPtr[j + 1]; t++) {
                        int i = p.rowIdx[t];
                        if (levelRow[i] < 0 && arc[p.tPos[t]] > eps) {
                            levelRow[i] = levelCol[j] + 1;
                            queue[tail++] = i;
                        }
                    }
                }
            }
            return sink;
        }

        /** Pushes up to {@code limit} from row i along the level graph; returns what it pushed. */
        private double pushRow(int i, double limit) {
            double pushed = 0;
            for (; itRow[i] < p.rowPtr[i + 1] && limit - pushed > eps; itRow[i]++) {
                int k = itRow[i];
                int j = p.colIdx[k];
                if (levelCol[j] != levelRow[i] + 1) {
                    continue;
                }
                double got = pushCol(j, limit - pushed);
                if (got > 0) {
                    arc[k] += got;
                    pushed += got;
                    if (limit - pushed <= eps) {
                        break; // keep the arc current: it may take more in this phase
                    }
                }
            }
            return pushed;
        }

        /** Pushes up to {@code limit} from column j: to the sink first, then back through rows of the next level. */
        private double pushCol(int j, double limit) {
            double toSink = Math.min(limit, p.b[j] - colOut[j]);
            double pushed = 0;
            if (toSink > eps) {
                colOut[j] += toSink;
                pushed = toSink;
            }
            for (; itCol[j] < p.colPtr[j + 1] && limit - pushed > eps; itCol[j]++) {
                int t = itCol[j];
                int i = p.rowIdx[t];
                int k = p.tPos[t];
                if (levelRow[i] != levelCol[j] + 1 || arc[k] <= eps) {
                    continue;
                }
                // Cancel flow on (i, j): row i then reroutes it along its own arcs.
                double got = pushRow(i, Math.min(limit - pushed, arc[k]));
                if (got > 0) {
                    arc[k] -= got;
                    pushed += got;
                    if (limit - pushed <= eps) {
                        break;
                    }
                }
            }
            return pushed;
        }
    }
}
