package org.sparrow.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Spmv;
import scala.Tuple2;

/**
 * A sparse matrix spread over a Spark cluster as row blocks: partition {@code p} holds one
 * {@link RowBlock} with the global rows {@code rowSplits()[p] .. rowSplits()[p+1] − 1} (possibly none)
 * and every column. The rows are cut by work (stored entries plus rows), not by row count, so a
 * power-law matrix does not leave one executor with most of the entries.
 *
 * <p>Sparrow's own kernels run unchanged inside each partition, on one thread (Spark runs one task
 * per core); Spark only moves the pieces. The block RDD is persisted in memory (spilling to disk) when
 * the matrix is built, since an iterative method reads it many times; {@link #unpersist()} frees it.
 *
 * <p><b>Reproducibility.</b> {@link #multiply(double[])} is bit-identical to {@link CsrMatrix#apply}
 * (each {@code y_i} is one row's sum in storage order). {@link #multiplyTranspose(double[])} adds the
 * partitions' partial sums in partition order, whatever order the tasks finish in, so it is
 * deterministic (a re-executed task changes nothing), and differs from the local one-thread result
 * only by the association of the sums (rounding).
 */
public final class DistributedCsrMatrix {

    private final JavaRDD<RowBlock> blocks;
    private final int rows;
    private final int cols;
    private final long nnz;
    private final int[] rowSplits;

    /**
     * Wraps blocks already laid out as the class comment says (one block per partition, partition
     * {@code p} holding rows {@code rowSplits[p] ..}); the callers in this package build them so.
     */
    DistributedCsrMatrix(JavaRDD<RowBlock> blocks, int rows, int cols, long nnz, int[] rowSplits) {
        this.blocks = blocks;
        this.rows = rows;
        this.cols = cols;
        this.nnz = nnz;
        this.rowSplits = rowSplits;
    }

    /**
     * Distributes a local matrix: its rows cut into {@code partitions} contiguous ranges of about
     * equal work (stored entries plus rows), one {@link RowBlock} per partition. With more partitions
     * than rows some partitions hold an empty block.
     *
     * @param sc         the Spark context
     * @param a          the matrix
     * @param partitions the number of partitions, ≥ 1
     * @return the distributed matrix, persisted
     * @throws IllegalArgumentException if {@code a} or {@code sc} is null or {@code partitions < 1}
     */
    public static DistributedCsrMatrix fromLocal(JavaSparkContext sc, CsrMatrix a, int partitions) {
        checkContext(sc);
        if (a == null) {
            throw new IllegalArgumentException("the matrix to distribute is null");
        }
        checkPartitions(partitions);
        int[] rp = a.rowPointers();
        int[] split = RowSplits.byWork(a.rows(), r -> rp[r], partitions);
        List<RowBlock> list = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            list.add(new RowBlock(split[p], rowRange(a, split[p], split[p + 1])));
        }
        // parallelize puts element p in slice p when there are as many elements as slices.
        JavaRDD<RowBlock> rdd = sc.parallelize(list, partitions);
        return new DistributedCsrMatrix(rdd, a.rows(), a.cols(), a.nnz(), split).persist();
    }

    /** Rows {@code [from, to)} of {@code a} as a CSR matrix of their own (copies). */
    static CsrMatrix rowRange(CsrMatrix a, int from, int to) {
        int[] rp = a.rowPointers();
        int base = rp[from];
        int[] p = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            p[i - from] = rp[i] - base;
        }
        int[] ci = Arrays.copyOfRange(a.columnIndices(), base, rp[to]);
        double[] v = Arrays.copyOfRange(a.values(), base, rp[to]);
        return a.isSorted() ? new CsrMatrix(to - from, a.cols(), p, ci, v)
                : CsrMatrix.unsorted(to - from, a.cols(), p, ci, v);
    }

    private DistributedCsrMatrix persist() {
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        return this;
    }

    /**
     * Frees the cached blocks on the executors (they are recomputed from their source if used again).
     *
     * @return this matrix
     */
    public DistributedCsrMatrix unpersist() {
        blocks.unpersist(false);
        return this;
    }

    /**
     * The row blocks, one per partition, in row order.
     *
     * @return the RDD of blocks
     */
    public JavaRDD<RowBlock> blocks() {
        return blocks;
    }

    /**
     * The Spark context the blocks live in.
     *
     * @return the context
     */
    public JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(blocks.context());
    }

    /**
     * The global row count.
     *
     * @return rows, ≥ 0
     */
    public int rows() {
        return rows;
    }

    /**
     * The global column count.
     *
     * @return columns, ≥ 0
     */
    public int cols() {
        return cols;
    }

    /**
     * The stored entries over all blocks (after symmetric expansion, duplicates summed).
     *
     * @return nnz, ≥ 0
     */
    public long nnz() {
        return nnz;
    }

    /**
     * The number of partitions (one block each).
     *
     * @return partitions, ≥ 1
     */
    public int partitions() {
        return rowSplits.length - 1;
    }

    /**
     * Where the rows are cut: partition {@code p} holds rows {@code [s[p], s[p+1])}; a copy.
     *
     * @return {@code partitions() + 1} non-decreasing row indices from 0 to {@code rows()}
     */
    public int[] rowSplits() {
        return rowSplits.clone();
    }

    /**
     * Brings the whole matrix to the driver: for results small enough to hold on one machine.
     *
     * @return the matrix as one local CSR matrix, with the same entries as the blocks
     */
    public CsrMatrix collect() {
        List<RowBlock> list = new ArrayList<>(blocks.collect());
        list.sort((x, y) -> Integer.compare(x.firstRow(), y.firstRow()));
        long total = 0;
        boolean sorted = true;
        for (RowBlock b : list) {
            total += b.nnz();
            sorted &= b.matrix().isSorted();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the distributed matrix has " + total
                    + " entries, more than one local CSR matrix holds; keep it distributed");
        }
        int[] rp = new int[rows + 1];
        int[] ci = new int[(int) total];
        double[] v = new double[(int) total];
        int at = 0;
        for (RowBlock b : list) {
            CsrMatrix m = b.matrix();
            int[] bp = m.rowPointers();
            for (int i = 0; i < b.rows(); i++) {
                rp[b.firstRow() + i + 1] = at + bp[i + 1];
            }
            System.arraycopy(m.columnIndices(), 0, ci, at, b.nnz());
            System.arraycopy(m.values(), 0, v, at, b.nnz());
            at += b.nnz();
        }
        return sorted ? new CsrMatrix(rows, cols, rp, ci, v) : CsrMatrix.unsorted(rows, cols, rp, ci, v);
    }

    /**
     * {@code y = A·x}: {@code x} is broadcast, each partition computes its rows of {@code y} with
     * Sparrow's {@link Spmv} kernel, and the driver assembles them. Bit-identical to
     * {@link CsrMatrix#apply}.
     *
     * @param x the vector, length {@code cols()}
     * @return {@code y}, length {@code rows()}
     * @throws IllegalArgumentException if {@code x} is null or its length is not {@code cols()}
     */
    public double[] multiply(double[] x) {
        DistributedVector y = multiplyBlocks(x);
        try {
            return y.toLocal();
        } finally {
            y.release();
        }
    }

    /**
     * {@code y = A·x} with {@code y} left distributed, in the same row blocks as this matrix (for
     * iterative methods that keep their vectors on the executors).
     *
     * @param x the vector, length {@code cols()}
     * @return {@code y} as a distributed vector split as {@link #rowSplits()}
     * @throws IllegalArgumentException if {@code x} is null or its length is not {@code cols()}
     */
    public DistributedVector multiplyBlocks(double[] x) {
        checkVector("x", x, cols, "A·x", "column");
        Broadcast<double[]> bx = context().broadcast(x);
        JavaRDD<VectorBlock> y = blocks.map(b -> {
            double[] out = new double[b.rows()];
            CsrMatrix m = b.matrix();
            Spmv.apply(m.rows(), m.rowPointers(), m.columnIndices(), m.values(), bx.value(), out);
            return new VectorBlock(b.firstRow(), out);
        });
        return new DistributedVector(y, rows, rowSplits.clone(), bx);
    }

    /**
     * {@code z = Aᵀ·y}: {@code y} is broadcast, each partition scatters its rows into a partial
     * {@code z} with Sparrow's {@link Spmv} kernel, and the partial sums are added column range by
     * column range on the executors, in partition order (deterministic), then assembled.
     *
     * @param y the vector, length {@code rows()}
     * @return {@code z}, length {@code cols()}
     * @throws IllegalArgumentException if {@code y} is null or its length is not {@code rows()}
     */
    public double[] multiplyTranspose(double[] y) {
        DistributedVector z = multiplyTransposeBlocks(y);
        try {
            return z.toLocal();
        } finally {
            z.release();
        }
    }

    /**
     * {@code z = Aᵀ·y} with {@code z} left distributed in column ranges (one per partition of the
     * reduction), as {@link #multiplyTranspose(double[])} computes it before assembling.
     *
     * @param y the vector, length {@code rows()}
     * @return {@code z} as a distributed vector of length {@code cols()}
     * @throws IllegalArgumentException if {@code y} is null or its length is not {@code rows()}
     */
    public DistributedVector multiplyTransposeBlocks(double[] y) {
        checkVector("y", y, rows, "Aᵀ·y", "row");
        Broadcast<double[]> by = context().broadcast(y);
        int[] colSplit = RowSplits.even(cols, reductionParts());
        int chunks = colSplit.length - 1;
        int cols = this.cols;
        JavaPairRDD<Integer, VectorBlock> partials = blocks.mapPartitionsWithIndex((p, it) -> {
            double[] z = null;
            while (it.hasNext()) {
                RowBlock b = it.next();
                if (b.nnz() == 0) {
                    continue;
                }
                CsrMatrix m = b.matrix();
                double[] ys = Arrays.copyOfRange(by.value(), b.firstRow(), b.endRow());
                double[] zb = new double[cols];
                Spmv.applyTranspose(m.rows(), cols, m.rowPointers(), m.columnIndices(), m.values(), ys, zb);
                if (z == null) {
                    z = zb;
                } else {
                    for (int j = 0; j < cols; j++) {
                        z[j] += zb[j];
                    }
                }
            }
            List<Tuple2<Integer, VectorBlock>> out = new ArrayList<>();
            if (z != null) {
                for (int c = 0; c < chunks; c++) {
                    // first = the partition index: the reduction adds the pieces in this order
                    out.add(new Tuple2<>(c, new VectorBlock(p, Arrays.copyOfRange(z, colSplit[c], colSplit[c + 1]))));
                }
            }
            return out.iterator();
        }, true).mapToPair(t -> t);
        JavaRDD<VectorBlock> z = partials.groupByKey(new HashPartitioner(chunks))
                .map(g -> sumInPartitionOrder(g._2(), colSplit[g._1()], colSplit[g._1() + 1] - colSplit[g._1()]));
        return new DistributedVector(z, cols, colSplit, by);
    }

    /** Adds the pieces in the order of their partition index (kept in {@link VectorBlock#first()}). */
    static VectorBlock sumInPartitionOrder(Iterable<VectorBlock> pieces, int first, int length) {
        List<VectorBlock> list = new ArrayList<>();
        pieces.forEach(list::add);
        list.sort((a, b) -> Integer.compare(a.first(), b.first()));
        double[] sum = new double[length];
        for (VectorBlock piece : list) {
            double[] v = piece.values();
            for (int j = 0; j < length; j++) {
                sum[j] += v[j]; // z_j = ((s_0j + s_1j) + s_2j) + …, partition order
            }
        }
        return new VectorBlock(first, sum);
    }

    /** Column ranges of a reduction: one per partition, but none shorter than 4096 entries. */
    private int reductionParts() {
        return Math.max(1, Math.min(partitions(), cols / 4096));
    }

    private void checkVector(String name, double[] v, int expected, String product, String what) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null; " + product + " needs a vector of length " + expected);
        }
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + " but the distributed matrix is "
                    + rows + "×" + cols + ", so " + product + " needs length " + expected + " (its " + what + " count)");
        }
    }

    static void checkContext(JavaSparkContext sc) {
        if (sc == null) {
            throw new IllegalArgumentException("the Spark context is null");
        }
    }

    static void checkPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("the number of partitions must be ≥ 1, got " + partitions);
        }
    }

    @Override
    public String toString() {
        return "DistributedCsrMatrix[" + rows + "×" + cols + ", " + nnz + " entries, " + partitions() + " partitions]";
    }
}
