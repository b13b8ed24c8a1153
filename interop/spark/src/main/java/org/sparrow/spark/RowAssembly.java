package org.sparrow.spark;

import org.sparrow.core.ops.RowRanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarketException;
import scala.Tuple2;

/**
 * Triplets anywhere in the cluster into row blocks: (1) a histogram of the entries per row (exact up
 * to 2²⁰ rows, per range of rows beyond) chooses the row splits by work (entries plus rows); (2) each
 * piece of triplets is cut by the partition owning each row — a symmetric or skew-symmetric file's
 * mirrored entry {@code (j, i)} goes to the partition owning row {@code j}, which need not be the one
 * that read it — and shuffled there; (3) each partition sorts its pieces by tag (stored entries in
 * file order, then mirrored ones in file order, as Sparrow's local reader orders them) and builds its
 * {@link CsrMatrix} with the local conversion, duplicates summed. So the blocks hold exactly what the
 * local reader and conversion give, whatever order the tasks ran in.
 */
final class RowAssembly {

    /** How stored entries are mirrored. */
    enum Mirror {
        /** No mirroring (general storage). */
        NONE,
        /** {@code a_ji = a_ij}. */
        SYMMETRIC,
        /** {@code a_ji = −a_ij}. */
        SKEW
    }

    /** Added to a piece's tag for its mirrored entries: after every stored entry. */
    static final long MIRROR_TAG = 1L << 40;
    /** Most histogram buckets: one per row up to this many rows. */
    private static final int MAX_BUCKETS = 1 << 20;

    private RowAssembly() {
    }

    static DistributedCsrMatrix assemble(JavaRDD<CooPiece> pieces, int rows, int cols, Mirror mirror, int partitions)
            throws MatrixMarketException {
        pieces.persist(StorageLevel.MEMORY_AND_DISK()); // read by the histogram and by the shuffle
        try {
            return assemblePersisted(pieces, rows, cols, mirror, partitions);
        } finally {
            pieces.unpersist(false);
        }
    }

    private static DistributedCsrMatrix assemblePersisted(JavaRDD<CooPiece> pieces, int rows, int cols, Mirror mirror,
            int partitions) throws MatrixMarketException {
        int buckets = Math.min(rows, MAX_BUCKETS);
        long[] hist = buckets == 0 ? new long[0] : Jobs.run(() -> pieces
                .map(pc -> histogram(pc, rows, cols, buckets, mirror))
                .fold(new long[buckets], RowAssembly::addInto));
        long[] prefix = new long[buckets + 1];
        for (int b = 0; b < buckets; b++) {
            prefix[b + 1] = prefix[b] + hist[b];
        }
        int[] bucketSplit = RowRanges.byWork(buckets, b -> prefix[b] + firstRowOfBucket(b, rows, buckets), partitions);
        int[] split = new int[partitions + 1];
        for (int p = 0; p <= partitions; p++) {
            split[p] = buckets == 0 ? 0 : firstRowOfBucket(bucketSplit[p], rows, buckets);
        }
        JavaPairRDD<Integer, CooPiece> routed = pieces.flatMapToPair(pc -> route(pc, split, mirror).iterator());
        JavaRDD<RowBlock> blocks = routed.partitionBy(new HashPartitioner(partitions))
                .mapPartitionsWithIndex((p, it) -> {
                    List<CooPiece> mine = new ArrayList<>();
                    it.forEachRemaining(t -> mine.add(t._2()));
                    return List.of(block(mine, split[p], split[p + 1], cols)).iterator();
                }, true);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        long nnz = Jobs.run(() -> blocks.map(b -> (long) b.nnz()).fold(0L, Long::sum));
        return new DistributedCsrMatrix(blocks, rows, cols, nnz, split);
    }

    /** The first row of histogram bucket {@code b}: bucket of row r is {@code ⌊r·buckets/rows⌋}. */
    static int firstRowOfBucket(int b, int rows, int buckets) {
        return (int) (((long) b * rows + buckets - 1) / buckets);
    }

    private static long[] addInto(long[] acc, long[] h) {
        for (int b = 0; b < acc.length; b++) {
            acc[b] += h[b];
        }
        return acc;
    }

    /** Entries per bucket of rows, mirrors included; checks every index (1-based in the message). */
    private static long[] histogram(CooPiece pc, int rows, int cols, int buckets, Mirror mirror) {
        long[] h = new long[buckets];
        for (int k = 0; k < pc.count; k++) {
            int i = pc.rows[k];
            int j = pc.cols[k];
            if (i < 0 || i >= rows || j < 0 || j >= cols) {
                throw new IllegalArgumentException("entry (" + (i + 1L) + ", " + (j + 1L) + ") lies outside the "
                        + rows + "×" + cols + " matrix (rows and columns count from 1)");
            }
            h[(int) ((long) i * buckets / rows)]++;
            if (mirror != Mirror.NONE && i != j) {
                h[(int) ((long) j * buckets / rows)]++;
            }
        }
        return h;
    }

    /** Cuts a piece by owning partition: its stored entries, and (with a mirror) its mirrored ones. */
    private static List<Tuple2<Integer, CooPiece>> route(CooPiece pc, int[] split, Mirror mirror) {
        int parts = split.length - 1;
        int[] stored = new int[parts];
        int[] mirrored = new int[parts];
        int[] ownI = new int[pc.count];
        int[] ownJ = mirror == Mirror.NONE ? null : new int[pc.count];
        for (int k = 0; k < pc.count; k++) {
            ownI[k] = RowRanges.owner(split, pc.rows[k]);
            stored[ownI[k]]++;
            if (ownJ != null && pc.rows[k] != pc.cols[k]) {
                ownJ[k] = RowRanges.owner(split, pc.cols[k]);
                mirrored[ownJ[k]]++;
            }
        }
        List<Tuple2<Integer, CooPiece>> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            if (stored[p] > 0) {
                out.add(new Tuple2<>(p, select(pc, ownI, p, stored[p], false, 1.0, pc.tag)));
            }
            if (mirrored[p] > 0) {
                double sign = mirror == Mirror.SKEW ? -1.0 : 1.0;
                out.add(new Tuple2<>(p, select(pc, ownJ, p, mirrored[p], true, sign, pc.tag + MIRROR_TAG)));
            }
        }
        return out;
    }

    /** The entries of {@code pc} owned by {@code p}, in order; mirrored ones swapped and signed. */
    private static CooPiece select(CooPiece pc, int[] owner, int p, int n, boolean mirrored, double sign, long tag) {
        int[] r = new int[n];
        int[] c = new int[n];
        double[] v = new double[n];
        int q = 0;
        for (int k = 0; k < pc.count; k++) {
            if (mirrored) {
                if (pc.rows[k] != pc.cols[k] && owner[k] == p) {
                    r[q] = pc.cols[k];
                    c[q] = pc.rows[k];
                    v[q++] = sign * pc.values[k];
                }
            } else if (owner[k] == p) {
                r[q] = pc.rows[k];
                c[q] = pc.cols[k];
                v[q++] = pc.values[k];
            }
        }
        return new CooPiece(tag, n, r, c, v);
    }

    /** Rows {@code [from, to)} from their pieces, in tag order, through Sparrow's COO → CSR conversion. */
    static RowBlock block(List<CooPiece> pieces, int from, int to, int cols) {
        pieces.sort((a, b) -> Long.compare(a.tag, b.tag));
        int n = 0;
        for (CooPiece pc : pieces) {
            n = Math.addExact(n, pc.count);
        }
        int[] r = new int[n];
        int[] c = new int[n];
        double[] v = new double[n];
        int q = 0;
        for (CooPiece pc : pieces) {
            for (int k = 0; k < pc.count; k++) {
                r[q] = pc.rows[k] - from;
                c[q] = pc.cols[k];
                v[q++] = pc.values[k];
            }
        }
        CsrMatrix m = new CooMatrix(to - from, cols, r, c, v).toCsr();
        return new RowBlock(from, m);
    }

    /** Splits triplet arrays into {@code parts} pieces tagged in order. */
    static List<CooPiece> pieces(int[] ri, int[] ci, double[] v, int parts) {
        int[] s = RowRanges.even(ri.length, parts);
        List<CooPiece> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            out.add(new CooPiece(p, s[p + 1] - s[p], Arrays.copyOfRange(ri, s[p], s[p + 1]),
                    Arrays.copyOfRange(ci, s[p], s[p + 1]), Arrays.copyOfRange(v, s[p], s[p + 1])));
        }
        return out;
    }
}
