package org.sparrow.solvers.bcd.forest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.SharedData;

/** Random matrices with prescribed graphs, a dense Cholesky oracle, and dataset D read in place. */
final class ForestTestSupport {

    private ForestTestSupport() {
    }

    /**
     * A symmetric, strictly diagonally dominant (so SPD) n×n matrix with the given undirected edges (pairs),
     * random off-diagonal values in ±[0.5, 2) and diagonals = row |sum| + U(0.1, 1.1).
     */
    static CsrMatrix spdWithEdges(int n, List<int[]> edges, Random rnd) {
        CooMatrix.Builder b = CooMatrix.builder(n, n);
        double[] rowAbs = new double[n];
        for (int[] e : edges) {
            double w = (0.5 + 1.5 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            b.add(e[0], e[1], w);
            b.add(e[1], e[0], w);
            rowAbs[e[0]] += Math.abs(w);
            rowAbs[e[1]] += Math.abs(w);
        }
        for (int i = 0; i < n; i++) {
            b.add(i, i, rowAbs[i] + 0.1 + rnd.nextDouble());
        }
        return b.build().toCsr();
    }

    /** Edges of a random tree over the given nodes (each node after the first links to an earlier one). */
    static List<int[]> randomTree(int[] nodes, Random rnd) {
        List<int[]> edges = new ArrayList<>();
        for (int k = 1; k < nodes.length; k++) {
            edges.add(new int[] {nodes[rnd.nextInt(k)], nodes[k]});
        }
        return edges;
    }

    /** The dense submatrix A(block, block), row-major. */
    static double[] denseBlock(CsrMatrix a, int[] block) {
        int m = block.length;
        double[] d = new double[m * m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                d[p * m + q] = a.get(block[p], block[q]);
            }
        }
        return d;
    }

    /** Solves the dense SPD system by a plain Cholesky factorization (the test's independent oracle). */
    static double[] denseCholeskySolve(double[] a, int m, double[] rhs) {
        double[] l = new double[m * m];
        for (int j = 0; j < m; j++) {
            double s = a[j * m + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * m + k] * l[j * m + k];
            }
            if (s <= 0) {
                throw new AssertionError("oracle: matrix not SPD at " + j);
            }
            double ljj = Math.sqrt(s);
            l[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double t = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = t / ljj;
            }
        }
        double[] y = rhs.clone();
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < i; k++) {
                y[i] -= l[i * m + k] * y[k];
            }
            y[i] /= l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            for (int k = i + 1; k < m; k++) {
                y[i] -= l[k * m + i] * y[k];
            }
            y[i] /= l[i * m + i];
        }
        return y;
    }

    /**
     * Independent forest check: the induced subgraph's undirected edge count (read from both triangles, each
     * pair once) equals nodes − connected components (found by depth-first search).
     */
    static boolean forestByCounting(CsrMatrix a, int[] block) {
        int n = a.rows();
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int p = 0; p < block.length; p++) {
            pos[block[p]] = p;
        }
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        List<List<Integer>> adj = new ArrayList<>();
        for (int p = 0; p < block.length; p++) {
            adj.add(new ArrayList<>());
        }
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int p = 0; p < block.length; p++) {
            int u = block[p];
            for (int e = rp[u]; e < rp[u + 1]; e++) {
                int w = ci[e];
                if (w != u && v[e] != 0 && pos[w] >= 0) {
                    long key = (long) Math.min(u, w) * n + Math.max(u, w);
                    if (pairs.add(key)) {
                        adj.get(p).add(pos[w]);
                        adj.get(pos[w]).add(p);
                    }
                }
            }
        }
        boolean[] seen = new boolean[block.length];
        int components = 0;
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int s = 0; s < block.length; s++) {
            if (seen[s]) {
                continue;
            }
            components++;
            seen[s] = true;
            stack.push(s);
            while (!stack.isEmpty()) {
                int p = stack.pop();
                for (int q : adj.get(p)) {
                    if (!seen[q]) {
                        seen[q] = true;
                        stack.push(q);
                    }
                }
            }
        }
        return pairs.size() == block.length - components;
    }

    /** Dataset D's folder ({@code ../shared/data/bcd}, next to the shared matrices); skips when absent. */
    static Path datasetD(String file) {
        Path f = SharedData.dir().getParent().resolve("bcd").resolve(file);
        SharedData.require(Files.isRegularFile(f), f + " (the BCD paper's dataset D) is missing");
        return f;
    }

    /** Dataset D's matrix A (2400 × 2400). */
    static CsrMatrix latticeA() {
        try {
            return MatrixMarket.readCsr(datasetD("lattice50_A.mtx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dataset D's right-hand side b. */
    static double[] latticeB() {
        try {
            CsrMatrix b = MatrixMarket.readCsr(datasetD("lattice50_b.mtx"));
            double[] out = new double[b.rows()];
            for (int i = 0; i < b.rows(); i++) {
                out[i] = b.get(i, 0);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labelled nodes of dataset D (0-based lattice indices). */
    static int[] latticeLabelled() {
        try {
            List<String> lines = Files.readAllLines(datasetD("lattice50_labels.tsv"));
            return lines.stream().skip(1).filter(s -> !s.isBlank())
                    .mapToInt(s -> Integer.parseInt(s.split("\t")[0].strip())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
