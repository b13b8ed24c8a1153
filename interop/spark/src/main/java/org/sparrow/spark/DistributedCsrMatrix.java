package org.sparrow.spark;

import org.sparrow.core.ops.RowRanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarketException;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;
import scala.Tuple2;
import scala.Tuple3;

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

    /**
     * Most entries of partial sums (partitions × columns × block width) that a transposed product
     * adds on the driver; larger ones are added on the executors, column range by column range.
     */
    public static final int DRIVER_REDUCTION_MAX = 1 << 22;

    /** {@link #DRIVER_REDUCTION_MAX}, lowered by tests to run the executor-side reduction on small matrices. */
    static long driverReductionMax = DRIVER_REDUCTION_MAX;

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
        int[] split = RowRanges.byWork(a.rows(), r -> (long) rp[r] + r, partitions);
        List<RowBlock> list = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            list.add(new RowBlock(split[p], rowRange(a, split[p], split[p + 1])));
        }
        // parallelize puts element p in slice p when there are as many elements as slices.
        JavaRDD<RowBlock> rdd = sc.parallelize(list, partitions);
        return new DistributedCsrMatrix(rdd, a.rows(), a.cols(), a.nnz(), split).persist();
    }

    /**
     * Assembles a distributed matrix from triplets held on the driver: they are cut into
     * {@code partitions} pieces, shuffled to the partitions owning their rows (cut by work), and each
     * partition converts its triplets with Sparrow's COO → CSR conversion (duplicates summed in the
     * order given, explicit zeros kept): the blocks hold exactly {@code new CooMatrix(…).toCsr()}.
     *
     * @param sc         the Spark context
     * @param rows       the row count, ≥ 0
     * @param cols       the column count, ≥ 0
     * @param rowIdx     0-based row indices
     * @param colIdx     0-based column indices, as long as {@code rowIdx}
     * @param values     the values, as long as {@code rowIdx}
     * @param partitions the number of partitions, ≥ 1
     * @return the distributed matrix, persisted
     * @throws IllegalArgumentException if the arrays differ in length or an entry lies outside the
     *                                  matrix (the message names it, 1-based)
     */
    public static DistributedCsrMatrix fromCoo(JavaSparkContext sc, int rows, int cols, int[] rowIdx, int[] colIdx,
            double[] values, int partitions) {
        checkContext(sc);
        checkPartitions(partitions);
        checkShape(rows, cols);
        if (rowIdx == null || colIdx == null || values == null) {
            throw new IllegalArgumentException("the row indices, column indices and values must all be given");
        }
        if (rowIdx.length != colIdx.length || rowIdx.length != values.length) {
            throw new IllegalArgumentException("the triplet arrays differ in length: " + rowIdx.length + " row indices, "
                    + colIdx.length + " column indices, " + values.length + " values");
        }
        List<CooPiece> pieces = RowAssembly.pieces(rowIdx, colIdx, values, partitions);
        return assembleUnchecked(sc.parallelize(pieces, partitions), rows, cols, partitions);
    }

    /**
     * Assembles a distributed matrix from an RDD of triplets {@code (row, column, value)}, 0-based,
     * in any order and any partitioning: shuffled to the partitions owning their rows (cut by work)
     * and converted there with Sparrow's COO → CSR conversion. Duplicates are summed in the order of
     * the RDD's partitions and, within one, the order of its triplets, so the result is the same on
     * every run.
     *
     * @param entries    the triplets; none may be null
     * @param rows       the row count, ≥ 0
     * @param cols       the column count, ≥ 0
     * @param partitions the number of partitions of the result, ≥ 1
     * @return the distributed matrix, persisted
     * @throws IllegalArgumentException if an entry lies outside the matrix or is null (the message
     *                                  names it, 1-based)
     */
    public static DistributedCsrMatrix fromCoo(JavaRDD<Tuple3<Integer, Integer, Double>> entries, int rows, int cols,
            int partitions) {
        if (entries == null) {
            throw new IllegalArgumentException("the RDD of triplets is null");
        }
        checkPartitions(partitions);
        checkShape(rows, cols);
        JavaRDD<CooPiece> pieces = entries.mapPartitionsWithIndex((p, it) -> {
            int[] r = new int[16];
            int[] c = new int[16];
            double[] v = new double[16];
            int n = 0;
            while (it.hasNext()) {
                Tuple3<Integer, Integer, Double> t = it.next();
                if (t == null || t._1() == null || t._2() == null || t._3() == null) {
                    throw new IllegalArgumentException("triplet " + (n + 1) + " of partition " + (p + 1)
                            + " is null or has a null part");
                }
                if (n == r.length) {
                    r = Arrays.copyOf(r, 2 * n);
                    c = Arrays.copyOf(c, 2 * n);
                    v = Arrays.copyOf(v, 2 * n);
                }
                r[n] = t._1();
                c[n] = t._2();
                v[n++] = t._3();
            }
            return List.of(new CooPiece(p, n, r, c, v)).iterator();
        }, true);
        return assembleUnchecked(pieces, rows, cols, partitions);
    }

    private static DistributedCsrMatrix assembleUnchecked(JavaRDD<CooPiece> pieces, int rows, int cols, int partitions) {
        try {
            return RowAssembly.assemble(pieces, rows, cols, RowAssembly.Mirror.NONE, partitions);
        } catch (MatrixMarketException e) { // no file is read here
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Reads a Matrix Market file in parallel: the entry lines are cut into {@code partitions} equal
     * byte ranges, each task parses the lines that start in its range with Sparrow's own parser, and
     * the triplets are shuffled to the partitions owning their rows (cut by work); a symmetric or
     * skew-symmetric file's mirrored entries go to the partitions owning their rows too. The result
     * holds exactly what {@link org.sparrow.core.io.MatrixMarket#readCsr} gives for the same file.
     *
     * <p>{@code pathOrUri} is anything Hadoop's file system API opens: {@code hdfs://…},
     * {@code s3a://…}, {@code file:///…}, or a plain path, which means the cluster's default file
     * system (the local one in local mode). A local path must exist on every worker. Gzip data
     * ({@code .gz}, or the gzip magic bytes) cannot be cut at byte offsets: it is read whole by one
     * task, and only the assembly is parallel.
     *
     * @param sc         the Spark context
     * @param pathOrUri  the file
     * @param partitions the number of byte ranges and of row blocks, ≥ 1
     * @return the distributed matrix, persisted
     * @throws MatrixMarketException naming the file, and the line where one applies: a malformed
     *                               header or entry line, entries that disagree with the size line,
     *                               a complex file, a missing file (on the driver or on a worker)
     * @throws IOException           when the file system fails otherwise
     * @throws IllegalArgumentException if {@code sc} is null, the path is empty or {@code partitions < 1}
     */
    public static DistributedCsrMatrix read(JavaSparkContext sc, String pathOrUri, int partitions) throws IOException {
        return MatrixMarketSplitReader.read(sc, pathOrUri, partitions);
    }

    static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a matrix needs rows and columns ≥ 0, got " + rows + "×" + cols);
        }
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
     * {@code z} with Sparrow's {@link Spmv} kernel, and the partial sums are added in partition order
     * (deterministic): on the driver when all the partials together hold at most
     * {@value #DRIVER_REDUCTION_MAX} entries (one stage, no shuffle: the common case of an iterative
     * solver), else column range by column range on the executors
     * ({@link #multiplyTransposeBlocks(double[])}); both give the same bits.
     *
     * @param y the vector, length {@code rows()}
     * @return {@code z}, length {@code cols()}
     * @throws IllegalArgumentException if {@code y} is null or its length is not {@code rows()}
     */
    public double[] multiplyTranspose(double[] y) {
        checkVector("y", y, rows, "Aᵀ·y", "row");
        if ((long) cols * partitions() <= driverReductionMax) {
            Broadcast<double[]> by = context().broadcast(y);
            try {
                return reduceOnDriver(blocks.map(b -> Arrays.copyOfRange(by.value(), b.firstRow(), b.endRow())), 1);
            } finally {
                by.destroy();
            }
        }
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
        JavaRDD<double[]> slices = blocks.map(b -> Arrays.copyOfRange(by.value(), b.firstRow(), b.endRow()));
        return transposeProduct(slices, 1, by);
    }

    /**
     * {@code z = Aᵀ·y} for a {@code y} already distributed as this matrix's rows (for instance the
     * result of {@link #multiplyBlocks}): each partition pairs its block with its piece of {@code y},
     * nothing is broadcast, and {@code z} is reduced as {@link #multiplyTransposeBlocks(double[])}.
     *
     * @param y the vector, split as {@link #rowSplits()}
     * @return {@code z} as a distributed vector of length {@code cols()}
     * @throws IllegalArgumentException if {@code y} is null or not split as this matrix's rows
     */
    public DistributedVector multiplyTranspose(DistributedVector y) {
        if (y == null || !Arrays.equals(y.splits(), rowSplits)) {
            throw new IllegalArgumentException("Aᵀ·y needs y split as the matrix's rows (length " + rows + ", "
                    + partitions() + " pieces), got " + (y == null ? "null" : "length " + y.length() + " in "
                    + y.partitions() + " pieces") + "; distribute it with DistributedVector.fromLocal(sc, y, A.rowSplits())");
        }
        JavaRDD<double[]> slices = blocks.zipPartitions(y.blocks(), (bs, ys) -> {
            List<double[]> out = new ArrayList<>(1);
            while (bs.hasNext() && ys.hasNext()) {
                bs.next();
                out.add(ys.next().values());
            }
            return out.iterator();
        });
        return transposeProduct(slices, 1, null);
    }

    /**
     * {@code y = A·x} for a distributed {@code x}: every row may need every entry of {@code x}, so
     * it is gathered on the driver and broadcast; {@code y} stays distributed as this matrix's rows.
     *
     * @param x the vector, length {@code cols()}
     * @return {@code y} split as {@link #rowSplits()}
     * @throws IllegalArgumentException if {@code x} is null or its length is not {@code cols()}
     */
    public DistributedVector multiply(DistributedVector x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null; A·x needs a vector of length " + cols);
        }
        return multiplyBlocks(x.toLocal());
    }

    /**
     * {@code Y = A·X} for a dense block {@code X} ({@code cols() × k}): {@code X} is broadcast, each
     * partition runs Sparrow's {@link Spmm} kernel on its rows, the driver assembles {@code Y}.
     * Bit-identical to {@link CsrMatrix#applyBlock}.
     *
     * @param x the dense block, {@code cols() × k}
     * @return {@code Y}, {@code rows() × k}
     * @throws IllegalArgumentException if {@code x} is null or has other than {@code cols()} rows
     */
    public DenseMatrix multiply(DenseMatrix x) {
        if (x == null || x.rows() != cols) {
            throw new IllegalArgumentException("A·X needs X with " + cols + " rows (the distributed matrix is " + rows
                    + "×" + cols + "), got " + (x == null ? "null" : x.rows() + "×" + x.cols()));
        }
        int k = x.cols();
        long size = (long) rows * k;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A·X would have " + size + " entries, more than one local dense matrix holds");
        }
        Broadcast<double[]> bx = context().broadcast(x.data());
        try {
            List<VectorBlock> parts = blocks.map(b -> {
                CsrMatrix m = b.matrix();
                double[] out = new double[b.rows() * k];
                Spmm.apply(m.rows(), m.rowPointers(), m.columnIndices(), m.values(), bx.value(), out, k, 1);
                return new VectorBlock(b.firstRow() * k, out);
            }).collect();
            double[] y = new double[(int) size];
            for (VectorBlock v : parts) {
                System.arraycopy(v.values(), 0, y, v.first(), v.length());
            }
            return new DenseMatrix(rows, k, y);
        } finally {
            bx.destroy();
        }
    }

    /**
     * {@code Z = Aᵀ·X} for a dense block {@code X} ({@code rows() × k}): each partition multiplies its
     * rows of {@code X} with Sparrow's {@link Spmm} kernel into a partial {@code Z}, and the partials
     * are added in partition order (deterministic), as {@link #multiplyTranspose(double[])}.
     *
     * @param x the dense block, {@code rows() × k}
     * @return {@code Z}, {@code cols() × k}
     * @throws IllegalArgumentException if {@code x} is null or has other than {@code rows()} rows
     */
    public DenseMatrix multiplyTranspose(DenseMatrix x) {
        if (x == null || x.rows() != rows) {
            throw new IllegalArgumentException("Aᵀ·X needs X with " + rows + " rows (the distributed matrix is " + rows
                    + "×" + cols + "), got " + (x == null ? "null" : x.rows() + "×" + x.cols()));
        }
        int k = x.cols();
        if ((long) cols * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Aᵀ·X would have " + (long) cols * k
                    + " entries, more than one local dense matrix holds");
        }
        Broadcast<double[]> bx = context().broadcast(x.data());
        JavaRDD<double[]> slices = blocks.map(b -> Arrays.copyOfRange(bx.value(), b.firstRow() * k, b.endRow() * k));
        if ((long) cols * k * partitions() <= driverReductionMax) {
            try {
                return new DenseMatrix(cols, k, reduceOnDriver(slices, k));
            } finally {
                bx.destroy();
            }
        }
        DistributedVector z = transposeProduct(slices, k, bx);
        try {
            return new DenseMatrix(cols, k, z.toLocal());
        } finally {
            z.release();
        }
    }

    /** {@code Aᵀ·X} with the partials collected and added on the driver in partition order. */
    private double[] reduceOnDriver(JavaRDD<double[]> slices, int k) {
        int cols = this.cols;
        List<Tuple2<Integer, double[]>> partials = blocks.zipPartitions(slices, (bs, xs) -> {
            double[] z = partial(bs, xs, cols, k);
            return (z == null ? List.<Tuple2<Integer, double[]>>of()
                    : List.of(new Tuple2<>(TaskContext.getPartitionId(), z))).iterator();
        }).collect();
        List<Tuple2<Integer, double[]>> ordered = new ArrayList<>(partials);
        ordered.sort((a, b) -> Integer.compare(a._1(), b._1()));
        double[] sum = new double[cols * k];
        for (Tuple2<Integer, double[]> t : ordered) {
            double[] v = t._2();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += v[j]; // z_j = ((0 + s_0j) + s_1j) + …, partition order, as sumInPartitionOrder
            }
        }
        return sum;
    }

    /** One partition's partial {@code Aᵀ·X} ({@code cols × k}), or null when its block holds no entries. */
    private static double[] partial(Iterator<RowBlock> bs, Iterator<double[]> xs, int cols, int k) {
        double[] z = null;
        while (bs.hasNext() && xs.hasNext()) {
            RowBlock b = bs.next();
            double[] xb = xs.next();
            if (b.nnz() == 0) {
                continue;
            }
            CsrMatrix m = b.matrix();
            double[] zb = new double[cols * k];
            if (k == 1) {
                Spmv.applyTranspose(m.rows(), cols, m.rowPointers(), m.columnIndices(), m.values(), xb, zb);
            } else {
                Spmm.applyTranspose(m.rows(), cols, m.rowPointers(), m.columnIndices(), m.values(), xb, zb, k, 1);
            }
            if (z == null) {
                z = zb;
            } else {
                Blas.axpy(1.0, zb, z);
            }
        }
        return z;
    }

    /**
     * {@code Z = Aᵀ·X}, {@code X} given per partition as its rows' slice ({@code rows × k} row-major):
     * partial products per partition, cut into column ranges, added per range in partition order.
     */
    private DistributedVector transposeProduct(JavaRDD<double[]> slices, int k, Broadcast<?> source) {
        int[] colSplit = RowRanges.even(cols, reductionParts());
        int chunks = colSplit.length - 1;
        int cols = this.cols;
        JavaPairRDD<Integer, VectorBlock> partials = blocks.zipPartitions(slices,
                (bs, xs) -> pieces(partial(bs, xs, cols, k), colSplit, k, TaskContext.getPartitionId()).iterator())
                .mapToPair(t -> t);
        JavaRDD<VectorBlock> z = partials.groupByKey(new HashPartitioner(chunks))
                .map(g -> sumInPartitionOrder(g._2(), colSplit[g._1()] * k, (colSplit[g._1() + 1] - colSplit[g._1()]) * k));
        int[] splits = new int[colSplit.length];
        for (int c = 0; c < splits.length; c++) {
            splits[c] = colSplit[c] * k;
        }
        return new DistributedVector(z, cols * k, splits, source);
    }

    /** A partition's partial product cut into the reduction's column ranges, tagged with the partition. */
    private static List<Tuple2<Integer, VectorBlock>> pieces(double[] z, int[] colSplit, int k, int partition) {
        List<Tuple2<Integer, VectorBlock>> out = new ArrayList<>();
        if (z != null) {
            for (int c = 0; c + 1 < colSplit.length; c++) {
                // first = the partition index: the reduction adds the pieces in this order
                out.add(new Tuple2<>(c, new VectorBlock(partition,
                        Arrays.copyOfRange(z, colSplit[c] * k, colSplit[c + 1] * k))));
            }
        }
        return out;
    }

    /**
     * The transpose Aᵀ, distributed: each block's entries swapped and shuffled to the partitions
     * owning their new rows (cut by work), where Sparrow's COO → CSR conversion builds the blocks.
     * Equal to {@link CsrMatrix#transpose()} of the collected matrix.
     *
     * @return Aᵀ, {@code cols() × rows()}, with as many partitions as this matrix, persisted
     */
    public DistributedCsrMatrix transpose() {
        JavaRDD<CooPiece> swapped = blocks.map(b -> {
            CsrMatrix m = b.matrix();
            int n = b.nnz();
            int[] r = new int[n];
            int[] c = new int[n];
            int[] rp = m.rowPointers();
            for (int i = 0; i < m.rows(); i++) {
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    r[p] = m.columnIndices()[p];
                    c[p] = b.firstRow() + i;
                }
            }
            // Tag = first row: rows of Aᵀ get their entries in A's row order, so they come out sorted.
            return new CooPiece(b.firstRow(), n, r, c, Arrays.copyOf(m.values(), n));
        });
        try {
            return RowAssembly.assemble(swapped, cols, rows, RowAssembly.Mirror.NONE, partitions());
        } catch (MatrixMarketException e) { // no file is read here
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * {@code C = A·B} with {@link DistributedSpgemmOptions#defaults()}: B broadcast when its CSR
     * arrays fit 256 MiB, else shuffled in column blocks.
     *
     * @param b the right factor, {@code cols() × p}
     * @return C, {@code rows() × p}, split as this matrix's rows, persisted
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public DistributedCsrMatrix multiply(DistributedCsrMatrix b) {
        return multiply(b, DistributedSpgemmOptions.defaults());
    }

    /**
     * {@code C = A·B}: each partition multiplies its row block of A with Sparrow's SMASH SpGEMM
     * ({@link org.sparrow.core.ops.Spgemm#multiply}, one thread), B reaching it as the options' plan
     * says. Every entry of C sums its products in A's row order and B's row order, as the local kernel
     * does, so C is bit-identical to {@code Spgemm.multiply(A, B)} on one thread, whatever the plan.
     *
     * @param b       the right factor, {@code cols() × p}
     * @param options the plan, the broadcast limit, sorted rows
     * @return C, {@code rows() × p}, split as this matrix's rows, persisted
     * @throws IllegalArgumentException if an argument is null or the inner dimensions differ
     */
    public DistributedCsrMatrix multiply(DistributedCsrMatrix b, DistributedSpgemmOptions options) {
        if (b == null || options == null) {
            throw new IllegalArgumentException("A·B needs B and the options, got " + (b == null ? "no B" : "no options"));
        }
        checkInner(b.rows(), b.cols());
        return DistributedSpgemm.multiply(this, b, options);
    }

    /**
     * {@code C = A·B} for a B held on the driver: broadcast (unless the options say
     * {@link SpgemmPlan#SHUFFLE}, or {@link SpgemmPlan#AUTO} finds it over the limit: then it is
     * distributed first), as {@link #multiply(DistributedCsrMatrix, DistributedSpgemmOptions)}.
     *
     * @param b       the right factor, {@code cols() × p}
     * @param options the plan, the broadcast limit, sorted rows
     * @return C, {@code rows() × p}, split as this matrix's rows, persisted
     * @throws IllegalArgumentException if an argument is null or the inner dimensions differ
     */
    public DistributedCsrMatrix multiply(CsrMatrix b, DistributedSpgemmOptions options) {
        if (b == null || options == null) {
            throw new IllegalArgumentException("A·B needs B and the options, got " + (b == null ? "no B" : "no options"));
        }
        checkInner(b.rows(), b.cols());
        return DistributedSpgemm.multiply(this, b, options);
    }

    private void checkInner(int bRows, int bCols) {
        if (bRows != cols) {
            throw new IllegalArgumentException("A is " + rows + "×" + cols + " and B is " + bRows + "×" + bCols
                    + ": A·B needs B with " + cols + " rows (A's column count)");
        }
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
