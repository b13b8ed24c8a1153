package org.sparrow.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.ops.Blas;
import scala.Tuple2;

/**
 * A dense vector spread over a Spark cluster in contiguous pieces: partition {@code p} holds one
 * {@link VectorBlock} with the entries {@code splits()[p] .. splits()[p+1] − 1}. A product of a
 * {@link DistributedCsrMatrix} that keeps its result distributed returns one, split as the matrix's
 * rows ({@link DistributedCsrMatrix#multiplyBlocks}) or in column ranges
 * ({@link DistributedCsrMatrix#multiplyTransposeBlocks}); vectors with equal splits combine piece by
 * piece without moving data ({@link #axpy}, {@link #dot}).
 *
 * <p>Like every RDD it is lazy: nothing runs until a result is asked for ({@link #toLocal()},
 * {@link #dot}, {@link #norm2()}). Reductions add the partitions' partial results in partition order
 * on the driver, so they are deterministic whatever order the tasks finish in.
 */
public final class DistributedVector {

    private final JavaRDD<VectorBlock> blocks;
    private final int length;
    private final int[] splits;
    /** The broadcast the pieces are computed from (a product's input), destroyed by {@link #release()}. */
    private final Broadcast<?> source;

    DistributedVector(JavaRDD<VectorBlock> blocks, int length, int[] splits, Broadcast<?> source) {
        this.blocks = blocks;
        this.length = length;
        this.splits = splits;
        this.source = source;
    }

    /**
     * Distributes a local vector in the pieces {@code splits} gives (for instance a matrix's
     * {@link DistributedCsrMatrix#rowSplits()}, to combine with its products).
     *
     * @param sc     the Spark context
     * @param v      the vector (copied into the pieces)
     * @param splits non-decreasing boundaries from 0 to {@code v.length}; one partition per piece
     * @return the distributed vector
     * @throws IllegalArgumentException if an argument is null or the splits do not cut {@code v}
     */
    public static DistributedVector fromLocal(JavaSparkContext sc, double[] v, int[] splits) {
        DistributedCsrMatrix.checkContext(sc);
        if (v == null) {
            throw new IllegalArgumentException("the vector to distribute is null");
        }
        checkSplits(splits, v.length);
        List<VectorBlock> list = new ArrayList<>();
        for (int p = 0; p + 1 < splits.length; p++) {
            list.add(new VectorBlock(splits[p], Arrays.copyOfRange(v, splits[p], splits[p + 1])));
        }
        return new DistributedVector(sc.parallelize(list, list.size()), v.length, splits.clone(), null);
    }

    static void checkSplits(int[] splits, int length) {
        if (splits == null || splits.length < 2 || splits[0] != 0 || splits[splits.length - 1] != length) {
            throw new IllegalArgumentException("the splits must run from 0 to the vector's length " + length
                    + ", got " + (splits == null ? "none" : Arrays.toString(splits)));
        }
        for (int p = 0; p + 1 < splits.length; p++) {
            if (splits[p] > splits[p + 1]) {
                throw new IllegalArgumentException("the splits must not decrease, got " + Arrays.toString(splits));
            }
        }
    }

    /**
     * The pieces, one per partition, in order.
     *
     * @return the RDD of pieces
     */
    public JavaRDD<VectorBlock> blocks() {
        return blocks;
    }

    /**
     * The global length.
     *
     * @return length, ≥ 0
     */
    public int length() {
        return length;
    }

    /**
     * The number of pieces (partitions).
     *
     * @return partitions, ≥ 1
     */
    public int partitions() {
        return splits.length - 1;
    }

    /**
     * Where the vector is cut: partition {@code p} holds entries {@code [s[p], s[p+1])}; a copy.
     *
     * @return the boundaries
     */
    public int[] splits() {
        return splits.clone();
    }

    /**
     * Keeps the pieces in executor memory (spilling to disk) once computed, for a vector read more
     * than once.
     *
     * @return this vector
     */
    public DistributedVector persist() {
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        return this;
    }

    /**
     * Frees the cached pieces and the broadcast input they were computed from; the vector cannot be
     * used afterwards.
     */
    public void release() {
        blocks.unpersist(false);
        if (source != null) {
            source.destroy();
        }
    }

    /**
     * Brings the vector to the driver.
     *
     * @return the entries, length {@link #length()}
     */
    public double[] toLocal() {
        double[] v = new double[length];
        for (VectorBlock b : blocks.collect()) {
            System.arraycopy(b.values(), 0, v, b.first(), b.length());
        }
        return v;
    }

    /**
     * {@code this + alpha·x}, piece by piece (no data moves), as a new lazy vector.
     *
     * @param alpha the scale of {@code x}
     * @param x     a vector with the same splits
     * @return the sum, split as this vector
     * @throws IllegalArgumentException if {@code x} is null or split differently
     */
    public DistributedVector axpy(double alpha, DistributedVector x) {
        checkAligned(x);
        JavaRDD<VectorBlock> sum = blocks.zipPartitions(x.blocks, (a, b) -> {
            List<VectorBlock> out = new ArrayList<>(1);
            while (a.hasNext() && b.hasNext()) {
                VectorBlock u = a.next();
                double[] r = u.values().clone();
                Blas.axpy(alpha, b.next().values(), r); // r = u + alpha·x
                out.add(new VectorBlock(u.first(), r));
            }
            return out.iterator();
        });
        return new DistributedVector(sum, length, splits.clone(), null);
    }

    /**
     * {@code alpha·this}, as a new lazy vector.
     *
     * @param alpha the scale
     * @return the scaled vector, split as this one
     */
    public DistributedVector scale(double alpha) {
        JavaRDD<VectorBlock> s = blocks.map(u -> {
            double[] r = new double[u.length()];
            Blas.scale(alpha, u.values(), r);
            return new VectorBlock(u.first(), r);
        });
        return new DistributedVector(s, length, splits.clone(), null);
    }

    /**
     * The dot product {@code thisᵀ·x}: one partial sum per piece (Sparrow's {@link Blas#dot}), added
     * in partition order on the driver.
     *
     * @param x a vector with the same splits
     * @return the dot product
     * @throws IllegalArgumentException if {@code x} is null or split differently
     */
    public double dot(DistributedVector x) {
        checkAligned(x);
        List<Tuple2<Integer, Double>> parts = blocks.zipPartitions(x.blocks, (a, b) -> {
            double s = 0.0;
            int first = -1;
            while (a.hasNext() && b.hasNext()) {
                VectorBlock u = a.next();
                first = u.first();
                s += Blas.dot(u.values(), b.next().values());
            }
            return List.of(new Tuple2<>(first, s)).iterator();
        }).collect();
        return sumInOrder(parts);
    }

    /**
     * The Euclidean norm: the square root of {@code thisᵀ·this}, its partial sums added in
     * partition order.
     *
     * @return ‖this‖₂
     */
    public double norm2() {
        List<Tuple2<Integer, Double>> parts = blocks.map(u -> {
            double s = Blas.dot(u.values(), u.values());
            return new Tuple2<>(u.first(), s);
        }).collect();
        return Math.sqrt(sumInOrder(parts));
    }

    /** Partial sums keyed by the piece's first index, added in that order (collect keeps partition order; sorted anyway). */
    private static double sumInOrder(List<Tuple2<Integer, Double>> parts) {
        List<Tuple2<Integer, Double>> sorted = new ArrayList<>(parts);
        sorted.sort((a, b) -> Integer.compare(a._1(), b._1()));
        double s = 0.0;
        for (Tuple2<Integer, Double> t : sorted) {
            s += t._2();
        }
        return s;
    }

    void checkAligned(DistributedVector x) {
        if (x == null) {
            throw new IllegalArgumentException("the other vector is null");
        }
        if (!Arrays.equals(splits, x.splits)) {
            throw new IllegalArgumentException("the vectors are split differently (lengths " + length + " and "
                    + x.length + ", " + partitions() + " and " + x.partitions() + " pieces); combine vectors split alike,"
                    + " e.g. both by the matrix's row splits");
        }
    }

    @Override
    public String toString() {
        return "DistributedVector[" + length + " entries, " + partitions() + " partitions]";
    }
}
