package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.sketching.Sketch;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.Sketches;

/**
 * {@link DistributedSketch}: S·A of a row-partitioned matrix equals the local sketch of the same seed, entry by
 * entry within {@code 1e-13·(|S|·|A|)ᵢⱼ} (the reordering of the sums is all that differs), for every kind, on
 * a real tall matrix, with one partition, several, and more partitions than rows (empty blocks).
 */
class DistributedSketchTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SharedSpark.context();
    }

    @Test
    void distributedSketchEqualsTheLocalSketchForEveryKindAndPartitionCount() throws IOException {
        // illc1033: 1033×320, the Harwell–Boeing least-squares matrix
        CsrMatrix a = DistributedCsrMatrixTest.real("small/illc1033.mtx");
        for (int partitions : new int[] {1, 3, 7}) {
            DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, partitions);
            try {
                for (SketchKind kind : SketchKind.values()) {
                    Sketch s = Sketches.create(kind, 400, a.rows(), 42);
                    DenseMatrix local = s.sketch(a, 1);
                    DenseMatrix distributed = DistributedSketch.sketch(da, kind, 400, 42);
                    assertWithin(local, distributed, s, a, kind + " with " + partitions + " partitions");
                }
            } finally {
                da.unpersist();
            }
        }
    }

    @Test
    void morePartitionsThanRowsLeaveEmptyBlocksThatAddNothing() {
        CsrMatrix a = new CsrMatrix(5, 3, new int[] {0, 2, 3, 3, 5, 6}, new int[] {0, 2, 1, 0, 1, 2},
                new double[] {1.5, -2, 4, 3, -1, 0.25});
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 8);
        try {
            for (SketchKind kind : SketchKind.values()) {
                Sketch s = Sketches.create(kind, 4, 5, 7);
                assertWithin(s.sketch(a, 1), DistributedSketch.sketch(da, s), s, a, kind + " with 8 partitions");
            }
        } finally {
            da.unpersist();
        }
    }

    @Test
    void theDistributedSketchIsTheSameOnEveryRun() throws IOException {
        CsrMatrix a = DistributedCsrMatrixTest.real("small/illc1033.mtx");
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 4);
        try {
            double[] first = DistributedSketch.sketch(da, SketchKind.GAUSSIAN, 64, 3).data();
            double[] second = DistributedSketch.sketch(da, SketchKind.GAUSSIAN, 64, 3).data();
            assertArrayEquals(first, second, "pieces are added in partition order, whatever order tasks finish in");
        } finally {
            da.unpersist();
        }
    }

    @Test
    void aSketchOfTheWrongWidthIsRefusedInOneSentence() {
        CsrMatrix a = CsrMatrix.identity(10);
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 2);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DistributedSketch.sketch(da, Sketches.gaussian(4, 9, 1)));
            assertEquals("a 4×9 sketch cannot sketch the 10×10 distributed matrix: it needs 10 columns", e.getMessage());
        } finally {
            da.unpersist();
        }
    }

    /** |local − distributed| ≤ 1e-13·(|S|·|A|) entry by entry, |S| from S itself. */
    static void assertWithin(DenseMatrix local, DenseMatrix distributed, Sketch s, CsrMatrix a, String what) {
        assertEquals(local.rows(), distributed.rows(), what + ": rows");
        assertEquals(local.cols(), distributed.cols(), what + ": cols");
        DenseMatrix sd = s.toDense();
        int m = s.rows();
        int d = a.cols();
        double[] bound = new double[m * d];
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < a.rows(); j++) {
                double sij = Math.abs(sd.get(i, j));
                for (int p = rp[j]; p < rp[j + 1]; p++) {
                    bound[i * d + ci[p]] += sij * Math.abs(v[p]);
                }
            }
        }
        for (int k = 0; k < m * d; k++) {
            double err = Math.abs(local.data()[k] - distributed.data()[k]);
            assertTrue(err <= 1e-13 * bound[k] + 1e-300, what + ": entry (" + (k / d + 1) + ", " + (k % d + 1) + ") is "
                    + distributed.data()[k] + ", locally " + local.data()[k]);
        }
    }
}
