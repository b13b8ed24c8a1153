package org.sparrow.spark;

import org.sparrow.core.ops.RowRanges;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.sparrow.core.DenseMatrix;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;
import scala.Tuple2;

/**
 * The sketch {@code S·A} of a tall row-partitioned matrix A, computed where A's rows live: each partition
 * applies the columns of S that belong to its rows ({@link Sketch#sketchRows}, with the block's global
 * first row), and the {@code m × d} pieces are added. S is the operator {@link Sketches} builds for the same
 * kind, shape and seed, so the result equals the local {@code s.sketch(A)} up to the order of the sums
 * (a few ulps: the tests hold it to 1e-13 of {@code |S|·|A|}). Every kind distributes, the SRHT included
 * (its column j is {@code D_jj·H_N(sample, j)/√m}, a function of j alone).
 *
 * <p>The pieces are added as {@link DistributedCsrMatrix#multiplyTranspose} adds its partial sums: cut
 * into ranges of the {@code m·d} entries, each range summed on an executor in partition order, then
 * assembled on the driver — so the driver receives {@code m·d} numbers, not one piece per partition, and
 * the result is the same whatever order the tasks finish in or are re-executed. Each task runs the
 * sketch on one thread (Spark runs one task per core). Cost per partition: what its rows cost in the
 * local product, plus one {@code m × d} array.
 */
public final class DistributedSketch {

    private DistributedSketch() {
    }

    /**
     * {@code S·A} for the sketch of the given kind with m rows and seed: the same S as
     * {@code Sketches.create(kind, m, a.rows(), seed)}.
     *
     * @param a    Input: the n × d distributed matrix
     * @param kind the sketch family
     * @param m    sketch rows, ≥ 1 (the SRHT: at most n rounded up to a power of two)
     * @param seed the seed
     * @return a new {@code m × d} dense matrix on the driver
     * @throws IllegalArgumentException when an argument is null or the shape is refused by {@link Sketches}
     */
    public static DenseMatrix sketch(DistributedCsrMatrix a, SketchKind kind, int m, long seed) {
        if (a == null) {
            throw new IllegalArgumentException("the distributed matrix to sketch is null");
        }
        return sketch(a, Sketches.create(kind, m, a.rows(), seed));
    }

    /**
     * {@code S·A} for any sketch Sparrow builds ({@link Sketches}): S is shipped to the partitions with the
     * tasks.
     *
     * @param a Input: the n × d distributed matrix
     * @param s Input: an {@code m × n} sketch
     * @return a new {@code m × d} dense matrix on the driver
     * @throws IllegalArgumentException when an argument is null, S does not have n columns, the result does
     *                                  not fit one array, or S cannot be shipped (not built by {@link Sketches})
     */
    public static DenseMatrix sketch(DistributedCsrMatrix a, Sketch s) {
        if (a == null) {
            throw new IllegalArgumentException("the distributed matrix to sketch is null");
        }
        if (s == null) {
            throw new IllegalArgumentException("the sketch is null");
        }
        if (!(s instanceof Serializable)) {
            throw new IllegalArgumentException("the sketch " + s + " cannot be shipped to the executors: build it "
                    + "with Sketches, whose sketches are serializable");
        }
        if (s.cols() != a.rows()) {
            throw new IllegalArgumentException("a " + s.rows() + "×" + s.cols() + " sketch cannot sketch the "
                    + a.rows() + "×" + a.cols() + " distributed matrix: it needs " + a.rows() + " columns");
        }
        int m = s.rows();
        int d = a.cols();
        long size = (long) m * d;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sketched matrix " + m + "×" + d + " is too large for one array");
        }
        if (size == 0) {
            return new DenseMatrix(m, d, new double[0]);
        }
        int length = (int) size;
        int chunks = Math.max(1, Math.min(a.partitions(), length / 4096));
        int[] split = RowRanges.even(length, chunks);
        JavaRDD<VectorBlock> sums = a.blocks().mapPartitionsWithIndex((p, it) -> {
            double[] sum = null;
            double[] part = null;
            while (it.hasNext()) {
                RowBlock b = it.next();
                if (b.nnz() == 0) {
                    continue; // contributes zero
                }
                if (sum == null) {
                    sum = new double[length];
                    s.sketchRows(b.matrix(), b.firstRow(), sum, 1);
                } else {
                    part = part == null ? new double[length] : part;
                    s.sketchRows(b.matrix(), b.firstRow(), part, 1);
                    for (int i = 0; i < length; i++) {
                        sum[i] += part[i];
                    }
                }
            }
            List<Tuple2<Integer, VectorBlock>> out = new ArrayList<>();
            if (sum != null) {
                for (int c = 0; c < chunks; c++) {
                    // first = the partition index: the reduction adds the pieces in this order
                    out.add(new Tuple2<>(c, new VectorBlock(p, Arrays.copyOfRange(sum, split[c], split[c + 1]))));
                }
            }
            return out.iterator();
        }, true).mapToPair(t -> t).groupByKey(new HashPartitioner(chunks))
                .map(g -> DistributedCsrMatrix.sumInPartitionOrder(g._2(), split[g._1()],
                        split[g._1() + 1] - split[g._1()]));
        double[] out = new double[length];
        for (VectorBlock piece : sums.collect()) {
            System.arraycopy(piece.values(), 0, out, piece.first(), piece.length());
        }
        return new DenseMatrix(m, d, out);
    }
}
