package org.sparrow.spark;

import org.sparrow.core.ops.RowRanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import scala.Tuple2;

/**
 * The two plans of the distributed product {@code C = A·B} ({@link SpgemmPlan}); every partition runs
 * Sparrow's SMASH SpGEMM ({@link Spgemm#multiply}) unchanged, on one thread (Spark runs a task per
 * core).
 *
 * <p><b>Broadcast:</b> B's blocks travel to every executor once; partition {@code p} computes
 * {@code C_p = A_p·B}. <b>Shuffle</b> (for a B larger than the broadcast limit): B's columns are cut
 * into {@code q} ranges and B's row blocks are regrouped into column blocks {@code B_c} (one shuffle of
 * B); the cartesian product pairs every row block {@code A_p} with every {@code B_c} (one task each,
 * holding one of each), {@code C_pc = A_p·B_c}; the pieces of row block {@code p} are then joined side
 * by side in column order (one shuffle of C). Each entry of C sums the same products in the same order
 * under both plans and as the local kernel, so the plans agree bit for bit.
 */
final class DistributedSpgemm {

    private DistributedSpgemm() {
    }

    static DistributedCsrMatrix multiply(DistributedCsrMatrix a, DistributedCsrMatrix b, DistributedSpgemmOptions o) {
        long bytes = DistributedSpgemmOptions.csrBytes(b.rows(), b.nnz());
        if (o.plan() == SpgemmPlan.BROADCAST || o.plan() == SpgemmPlan.AUTO && bytes <= o.broadcastLimitBytes()) {
            return broadcast(a, b.collect(), o.sorted());
        }
        return shuffle(a, b, columnBlocks(b.cols(), bytes, o), o.sorted());
    }

    static DistributedCsrMatrix multiply(DistributedCsrMatrix a, CsrMatrix b, DistributedSpgemmOptions o) {
        long bytes = DistributedSpgemmOptions.csrBytes(b.rows(), b.nnz());
        if (o.plan() == SpgemmPlan.BROADCAST || o.plan() == SpgemmPlan.AUTO && bytes <= o.broadcastLimitBytes()) {
            return broadcast(a, b, o.sorted());
        }
        DistributedCsrMatrix db = DistributedCsrMatrix.fromLocal(a.context(), b, a.partitions());
        return shuffle(a, db, columnBlocks(b.cols(), bytes, o), o.sorted());
    }

    /** The options' column blocks, or the fewest that keep each within the limit (at least 1, at most cols). */
    static int columnBlocks(int cols, long bytes, DistributedSpgemmOptions o) {
        long q = o.columnBlocks() > 0 ? o.columnBlocks() : (bytes + o.broadcastLimitBytes() - 1) / o.broadcastLimitBytes();
        return (int) Math.max(1, Math.min(q, Math.max(1, cols)));
    }

    private static DistributedCsrMatrix broadcast(DistributedCsrMatrix a, CsrMatrix b, boolean sorted) {
        // A RowBlock, so that each executor re-validates B when it deserializes it.
        Broadcast<RowBlock> bb = a.context().broadcast(new RowBlock(0, b));
        JavaRDD<RowBlock> c = a.blocks().map(blk -> new RowBlock(blk.firstRow(),
                Spgemm.multiply(blk.matrix(), bb.value().matrix(), new SpgemmOptions(1, sorted, false))));
        return finish(c, a, b.cols());
    }

    private static DistributedCsrMatrix shuffle(DistributedCsrMatrix a, DistributedCsrMatrix b, int q, boolean sorted) {
        int[] colSplit = RowRanges.even(b.cols(), q);
        int bRows = b.rows();
        // B's row blocks cut by column range, regrouped into column blocks B_c (all rows, local columns).
        JavaPairRDD<Integer, RowBlock> bCols = b.blocks()
                .flatMapToPair(blk -> cutColumns(blk, colSplit).iterator())
                .groupByKey(new HashPartitioner(q))
                .mapValues(pieces -> stackRows(pieces, bRows));
        JavaPairRDD<Integer, RowBlock> aIndexed = a.blocks()
                .mapPartitionsWithIndex((p, it) -> {
                    List<Tuple2<Integer, RowBlock>> out = new ArrayList<>(1);
                    it.forEachRemaining(blk -> out.add(new Tuple2<>(p, blk)));
                    return out.iterator();
                }, true)
                .mapToPair(t -> t);
        int parts = a.partitions();
        int[] rowSplits = a.rowSplits();
        JavaRDD<RowBlock> c = aIndexed.cartesian(bCols)
                .mapToPair(pair -> {
                    int p = pair._1()._1();
                    RowBlock ap = pair._1()._2();
                    int col = pair._2()._1();
                    CsrMatrix cpc = Spgemm.multiply(ap.matrix(), pair._2()._2().matrix(), new SpgemmOptions(1, sorted, false));
                    // first = the column range, so the pieces are joined in column order
                    return new Tuple2<>(p, new RowBlock(col, cpc));
                })
                .groupByKey(new HashPartitioner(parts))
                .mapPartitionsWithIndex((p, it) -> {
                    List<RowBlock> pieces = new ArrayList<>();
                    it.forEachRemaining(t -> t._2().forEach(pieces::add));
                    int first = rowSplits[p];
                    int n = rowSplits[p + 1] - first;
                    return List.of(new RowBlock(first, joinColumns(pieces, n, colSplit, sorted))).iterator();
                }, true);
        return finish(c, a, b.cols());
    }

    private static DistributedCsrMatrix finish(JavaRDD<RowBlock> c, DistributedCsrMatrix a, int cols) {
        c.persist(StorageLevel.MEMORY_AND_DISK());
        long nnz = c.map(blk -> (long) blk.nnz()).fold(0L, Long::sum);
        return new DistributedCsrMatrix(c, a.rows(), cols, nnz, a.rowSplits());
    }

    /** A row block cut into the column ranges: piece c keeps the columns of range c, renumbered from 0. */
    static List<Tuple2<Integer, RowBlock>> cutColumns(RowBlock blk, int[] colSplit) {
        CsrMatrix m = blk.matrix();
        int[] rp = m.rowPointers();
        int[] ci = m.columnIndices();
        double[] v = m.values();
        int q = colSplit.length - 1;
        int rows = m.rows();
        int[][] ptr = new int[q][rows + 1];
        int[] owner = new int[blk.nnz()];
        for (int i = 0; i < rows; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                owner[p] = RowRanges.owner(colSplit, ci[p]);
                ptr[owner[p]][i + 1]++;
            }
        }
        int[][] cc = new int[q][];
        double[][] cv = new double[q][];
        int[][] next = new int[q][];
        for (int c = 0; c < q; c++) {
            for (int i = 0; i < rows; i++) {
                ptr[c][i + 1] += ptr[c][i];
            }
            cc[c] = new int[ptr[c][rows]];
            cv[c] = new double[ptr[c][rows]];
            next[c] = Arrays.copyOf(ptr[c], rows);
        }
        for (int i = 0; i < rows; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int c = owner[p];
                int at = next[c][i]++;
                cc[c][at] = ci[p] - colSplit[c];
                cv[c][at] = v[p];
            }
        }
        List<Tuple2<Integer, RowBlock>> out = new ArrayList<>(q);
        for (int c = 0; c < q; c++) {
            int width = colSplit[c + 1] - colSplit[c];
            CsrMatrix piece = m.isSorted() ? new CsrMatrix(rows, width, ptr[c], cc[c], cv[c])
                    : CsrMatrix.unsorted(rows, width, ptr[c], cc[c], cv[c]);
            out.add(new Tuple2<>(c, new RowBlock(blk.firstRow(), piece)));
        }
        return out;
    }

    /** Row blocks of one column range (any order) stacked into the {@code rows × width} column block. */
    static RowBlock stackRows(Iterable<RowBlock> pieces, int rows) {
        List<RowBlock> list = new ArrayList<>();
        pieces.forEach(list::add);
        list.sort((x, y) -> Integer.compare(x.firstRow(), y.firstRow()));
        int width = list.isEmpty() ? 0 : list.get(0).cols();
        long total = 0;
        boolean sorted = true;
        for (RowBlock blk : list) {
            total += blk.nnz();
            sorted &= blk.matrix().isSorted();
        }
        int[] rp = new int[rows + 1];
        int[] ci = new int[Math.toIntExact(total)];
        double[] v = new double[ci.length];
        int at = 0;
        int row = 0;
        for (RowBlock blk : list) {
            CsrMatrix m = blk.matrix();
            for (; row < blk.firstRow(); row++) {
                rp[row + 1] = at;
            }
            int[] bp = m.rowPointers();
            System.arraycopy(m.columnIndices(), 0, ci, at, blk.nnz());
            System.arraycopy(m.values(), 0, v, at, blk.nnz());
            for (int i = 0; i < blk.rows(); i++) {
                rp[row + i + 1] = at + bp[i + 1];
            }
            row += blk.rows();
            at += blk.nnz();
        }
        for (; row < rows; row++) {
            rp[row + 1] = at;
        }
        CsrMatrix m = sorted ? new CsrMatrix(rows, width, rp, ci, v) : CsrMatrix.unsorted(rows, width, rp, ci, v);
        return new RowBlock(0, m);
    }

    /**
     * The pieces {@code C_pc} of one row block (their {@link RowBlock#firstRow()} holding the column
     * range {@code c}) joined side by side: row i lists range 0's columns, then range 1's, …
     */
    static CsrMatrix joinColumns(List<RowBlock> pieces, int rows, int[] colSplit, boolean sorted) {
        pieces.sort((x, y) -> Integer.compare(x.firstRow(), y.firstRow()));
        int cols = colSplit[colSplit.length - 1];
        int[] rp = new int[rows + 1];
        long total = 0;
        for (RowBlock piece : pieces) {
            int[] pp = piece.matrix().rowPointers();
            for (int i = 0; i < rows; i++) {
                rp[i + 1] += pp[i + 1] - pp[i];
            }
            total += piece.nnz();
        }
        for (int i = 0; i < rows; i++) {
            rp[i + 1] += rp[i];
        }
        int[] ci = new int[Math.toIntExact(total)];
        double[] v = new double[ci.length];
        int[] next = Arrays.copyOf(rp, rows);
        boolean allSorted = true;
        for (RowBlock piece : pieces) {
            CsrMatrix m = piece.matrix();
            allSorted &= m.isSorted();
            int offset = colSplit[piece.firstRow()];
            int[] pp = m.rowPointers();
            for (int i = 0; i < rows; i++) {
                for (int p = pp[i]; p < pp[i + 1]; p++) {
                    int at = next[i]++;
                    ci[at] = m.columnIndices()[p] + offset;
                    v[at] = m.values()[p];
                }
            }
        }
        return sorted && allSorted ? new CsrMatrix(rows, cols, rp, ci, v) : CsrMatrix.unsorted(rows, cols, rp, ci, v);
    }
}
