package org.sparrow.spark;

import java.util.List;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Checks;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchableOperator;
import scala.Tuple2;

/**
 * A {@link DistributedCsrMatrix} seen as a {@link org.sparrow.core.LinearOperator}, so Sparrow's local
 * Krylov solvers (CG, BiCGSTAB, GMRES, MINRES, LSQR, LSMR) and {@link org.sparrow.sketching.lstsq.LeastSquares}
 * run unchanged with distributed products and their vector updates on the driver: {@code apply} is
 * {@link DistributedCsrMatrix#multiply} (x broadcast, y assembled; bit-identical to the local product),
 * {@code applyTranspose} is {@link DistributedCsrMatrix#multiplyTranspose} (partial sums added in partition
 * order: deterministic, equal to the local product up to the association of the sums). As a
 * {@link SketchableOperator} it forms {@code S·A} where the rows live ({@link DistributedSketch}) and
 * {@code ‖A‖_F} in one pass, so sketch-and-precondition least squares runs as on the local matrix.
 *
 * <p>Why driver-side vectors: every Krylov iteration needs at least one global reduction (an inner product)
 * and one broadcast, so keeping the vectors on the executors saves only the O(n) updates on the driver —
 * about a millisecond per million entries — while each distributed update or inner product is a Spark job
 * with its own scheduling latency (measured by the benchmark; see benchmarks/results/spark). The products
 * count is kept for reports.
 */
public final class DistributedOperator implements SketchableOperator {

    private final DistributedCsrMatrix a;
    private double frobenius = Double.NaN;
    private long products;

    /**
     * A view of {@code a}; nothing is computed until a product is asked for.
     *
     * @param a Input: the distributed matrix
     * @throws IllegalArgumentException if {@code a} is null
     */
    public DistributedOperator(DistributedCsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("the distributed matrix is null");
        }
        this.a = a;
    }

    /**
     * The matrix this view wraps.
     *
     * @return the distributed matrix
     */
    public DistributedCsrMatrix matrix() {
        return a;
    }

    /**
     * How many products with A or Aᵀ (Spark jobs) this view has run.
     *
     * @return the count
     */
    public long products() {
        return products;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return a.cols();
    }

    /** {@code y = A·x}, distributed; bit-identical to the local product. */
    @Override
    public void apply(double[] x, double[] y) {
        Checks.checkLength("y", y, a.rows(), "the distributed matrix's row count");
        double[] r = a.multiply(x);
        products++;
        System.arraycopy(r, 0, y, 0, r.length);
    }

    /** {@code y = Aᵀ·x}, distributed; partial sums added in partition order. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("y", y, a.cols(), "the distributed matrix's column count");
        double[] r = a.multiplyTranspose(x);
        products++;
        System.arraycopy(r, 0, y, 0, r.length);
    }

    /** {@code S·A} where A's rows live: see {@link DistributedSketch#sketch(DistributedCsrMatrix, Sketch)}. */
    @Override
    public DenseMatrix sketchedBy(Sketch s) {
        return DistributedSketch.sketch(a, s);
    }

    /** ‖A‖_F: each partition's sum of squares, added in partition order; computed once. */
    @Override
    public double frobeniusNorm() {
        if (Double.isNaN(frobenius)) {
            List<Tuple2<Integer, Double>> parts = a.blocks().mapPartitionsWithIndex((p, it) -> {
                double s = 0.0;
                while (it.hasNext()) {
                    double[] v = it.next().matrix().values();
                    for (double x : v) {
                        s += x * x;
                    }
                }
                return List.of(new Tuple2<>(p, s)).iterator();
            }, true).collect();
            double sum = 0.0;
            for (Tuple2<Integer, Double> t : parts) { // collect keeps partition order
                sum += t._2();
            }
            frobenius = Math.sqrt(sum);
        }
        return frobenius;
    }

    /**
     * The diagonal {@code A(i, i)}, {@code i < min(rows, cols)}, gathered from the blocks that hold it
     * (entries not stored are 0; duplicates of an unsorted block are summed).
     *
     * @return a new array of length {@code min(rows(), cols())}
     */
    public double[] diagonal() {
        int n = Math.min(a.rows(), a.cols());
        List<VectorBlock> pieces = a.blocks().map(b -> {
            int first = Math.min(b.firstRow(), n);
            int end = Math.min(b.endRow(), n);
            double[] d = new double[end - first];
            int[] rp = b.matrix().rowPointers();
            int[] ci = b.matrix().columnIndices();
            double[] v = b.matrix().values();
            for (int i = first; i < end; i++) {
                int r = i - b.firstRow();
                for (int p = rp[r]; p < rp[r + 1]; p++) {
                    if (ci[p] == i) {
                        d[i - first] += v[p];
                    }
                }
            }
            return new VectorBlock(first, d);
        }).collect();
        double[] out = new double[n];
        for (VectorBlock piece : pieces) {
            System.arraycopy(piece.values(), 0, out, piece.first(), piece.length());
        }
        return out;
    }

    @Override
    public String toString() {
        return "operator view of " + a;
    }
}
