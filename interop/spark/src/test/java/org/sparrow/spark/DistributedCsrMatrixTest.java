package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.SharedData;

/** The row-block matrix and its products against the local library, on shared real matrices. */
class DistributedCsrMatrixTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SharedSpark.context();
    }

    static CsrMatrix real(String name) throws IOException {
        return MatrixMarket.readCsr(SharedData.file(name));
    }

    static double[] randomVector(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length, "length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(scale, Double.MIN_NORMAL);
            if (Math.abs(expected[i] - actual[i]) > tol) {
                throw new AssertionError("entry " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    @Test
    void fromLocalThenCollectGivesTheSameMatrixForEveryPartitionCount() throws IOException {
        CsrMatrix a = real("small/2dcyl1.mtx");
        for (int p : new int[] {1, 2, 7}) {
            DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, p);
            assertEquals(a.rows(), d.rows());
            assertEquals(a.cols(), d.cols());
            assertEquals(a.nnz(), d.nnz());
            assertEquals(p, d.partitions());
            assertEquals(p, d.blocks().getNumPartitions());
            assertEquals(a, d.collect());
            d.unpersist();
        }
    }

    @Test
    void fromLocalBalancesNonzerosNotRows() {
        // 100 rows: the first 10 hold 1000 entries each, the other 90 one entry each.
        int n = 100;
        int[] rp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = rp[i] + (i < 10 ? 1000 : 1);
        }
        int[] ci = new int[rp[n]];
        double[] v = new double[rp[n]];
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                ci[p] = p - rp[i];
                v[p] = 1;
            }
        }
        CsrMatrix a = new CsrMatrix(n, 1000, rp, ci, v);
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 2);
        int[] s = d.rowSplits();
        // Equal work (entries + rows) puts the cut among the heavy rows, not at row 50.
        assertTrue(s[1] <= 6 && s[1] >= 5, "cut at row " + s[1]);
        d.unpersist();
    }

    @Test
    void spmvIsBitIdenticalToTheLocalKernelOnRealMatrices() throws IOException {
        for (String name : new String[] {"small/2dcyl1.mtx", "small/1138_bus.mtx", "small/abb313.mtx"}) {
            CsrMatrix a = real(name);
            double[] x = randomVector(a.cols(), 11);
            double[] expected = new double[a.rows()];
            a.apply(x, expected);
            for (int p : new int[] {1, 3}) {
                DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, p);
                assertArrayEquals(expected, d.multiply(x), name + " on " + p + " partitions");
                d.unpersist();
            }
        }
    }

    @Test
    void spmtvMatchesTheLocalKernelAndIsDeterministic() throws IOException {
        CsrMatrix a = real("small/2dcyl1.mtx");
        double[] y = randomVector(a.rows(), 12);
        double[] expected = new double[a.cols()];
        org.sparrow.core.ops.Spmv.applyTranspose(a, y, expected, 1);
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 4);
        double[] z = d.multiplyTranspose(y);
        assertClose(expected, z, 1e-13);
        assertArrayEquals(z, d.multiplyTranspose(y), "a second run adds in the same order");
        assertArrayEquals(z, d.multiplyTransposeBlocks(y).toLocal(), "the executors' reduction gives the same bits");
        d.unpersist();
        DistributedCsrMatrix one = DistributedCsrMatrix.fromLocal(sc, a, 1);
        assertArrayEquals(expected, one.multiplyTranspose(y), "one partition: the local kernel's own sum");
        one.unpersist();
    }

    @Test
    void morePartitionsThanRowsLeavesEmptyBlocksAndTheSameProducts() throws IOException {
        CsrMatrix a = real("small/bcsstk01.mtx"); // 48 × 48
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 60);
        assertEquals(60, d.partitions());
        assertEquals(a, d.collect());
        double[] x = randomVector(48, 3);
        double[] y = new double[48];
        a.apply(x, y);
        assertArrayEquals(y, d.multiply(x));
        double[] z = new double[48];
        org.sparrow.core.ops.Spmv.applyTranspose(a, x, z, 1);
        assertClose(z, d.multiplyTranspose(x), 1e-13);
        d.unpersist();
    }

    @Test
    void distributedVectorsKeepTheProductOnTheExecutors() throws IOException {
        CsrMatrix a = real("small/1138_bus.mtx");
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 3);
        double[] x = randomVector(a.cols(), 5);
        DistributedVector y = d.multiplyBlocks(x).persist();
        assertArrayEquals(d.rowSplits(), y.splits());
        double[] ly = new double[a.rows()];
        a.apply(x, ly);
        assertArrayEquals(ly, y.toLocal());
        double dot = 0;
        for (double v : ly) {
            dot += v * v;
        }
        assertEquals(Math.sqrt(dot), y.norm2(), 1e-12 * Math.sqrt(dot));
        assertEquals(dot, y.dot(y), 1e-12 * dot);
        DistributedVector w = y.axpy(-2.0, y);
        double[] lw = w.toLocal();
        for (int i = 0; i < lw.length; i++) {
            assertEquals(-ly[i], lw[i], 0.0);
        }
        y.release();
        d.unpersist();
    }

    @Test
    void mismatchedVectorLengthIsOneClearSentence() throws IOException {
        CsrMatrix a = real("small/abb313.mtx"); // 313 × 176
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.multiply(new double[313]));
        assertEquals("x has length 313 but the distributed matrix is 313×176, so A·x needs length 176 (its column count)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.multiplyTranspose(new double[176]));
        assertTrue(e.getMessage().startsWith("y has length 176 but the distributed matrix is 313×176"), e.getMessage());
        d.unpersist();
    }

    @Test
    void aCorruptRowBlockIsRefusedWhenDeserialized() throws Exception {
        CsrMatrix a = new CsrMatrix(2, 3, new int[] {0, 1, 2}, new int[] {0, 2}, new double[] {1, 2});
        RowBlock b = new RowBlock(5, a);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(b);
        }
        byte[] good = bytes.toByteArray();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(good))) {
            RowBlock back = (RowBlock) in.readObject();
            assertEquals(a, back.matrix());
            assertEquals(5, back.firstRow());
        }
        // Column index 2 → 7 (out of range for 3 columns): find the int array [0, 2] in the stream.
        byte[] bad = good.clone();
        int at = indexOf(bad, new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        assertTrue(at >= 0);
        bad[at + 7] = 7;
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bad))) {
                in.readObject();
            }
        });
        assertTrue(e.getMessage().startsWith("the row block of rows 6..7 arrived corrupt: "), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
