package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparrow.spark.DistributedCsrMatrixTest.assertClose;
import static org.sparrow.spark.DistributedCsrMatrixTest.randomVector;
import static org.sparrow.spark.DistributedCsrMatrixTest.real;

import java.io.IOException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.Spmm;

/** SpGEMM, SpMM, transpose and task re-execution against the local kernels. */
class DistributedKernelsTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SharedSpark.context();
    }

    private static CsrMatrix localProduct(CsrMatrix a, CsrMatrix b) {
        return Spgemm.multiply(a, b, new SpgemmOptions(1, true, false));
    }

    @Test
    void spgemmIsBitIdenticalToTheLocalKernelUnderEveryPlan() throws IOException {
        CsrMatrix a = real("small/2dcyl1.mtx");
        CsrMatrix expected = localProduct(a, a);
        assertEquals(expected, Spgemm.multiply(a, a), "the local kernel agrees with itself on two threads here");
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 3);
        DistributedSpgemmOptions o = DistributedSpgemmOptions.defaults();
        DistributedCsrMatrix[] products = {
            da.multiply(da),                                                     // AUTO: broadcast
            da.multiply(da, o.withPlan(SpgemmPlan.BROADCAST)),
            da.multiply(da, o.withPlan(SpgemmPlan.SHUFFLE).withColumnBlocks(3)),
            da.multiply(da, o.withBroadcastLimitBytes(100_000)),                  // AUTO over the limit: shuffle, 5 blocks
            da.multiply(a, o.withPlan(SpgemmPlan.SHUFFLE).withColumnBlocks(2)),  // a local B, distributed first
        };
        for (DistributedCsrMatrix c : products) {
            assertEquals(expected.nnz(), c.nnz());
            assertArrayEquals(da.rowSplits(), c.rowSplits());
            assertEquals(expected, c.collect());
            c.unpersist();
        }
        da.unpersist();
    }

    @Test
    void spgemmOfARectangularMatrixAndItsDistributedTranspose() throws IOException {
        CsrMatrix a = real("small/abb313.mtx"); // 313 × 176
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 4);
        DistributedCsrMatrix dt = da.transpose();
        assertEquals(a.transpose(), dt.collect());
        CsrMatrix expected = localProduct(a, a.transpose());
        for (SpgemmPlan plan : new SpgemmPlan[] {SpgemmPlan.BROADCAST, SpgemmPlan.SHUFFLE}) {
            DistributedCsrMatrix c = da.multiply(dt, DistributedSpgemmOptions.defaults().withPlan(plan).withColumnBlocks(4));
            assertEquals(expected, c.collect(), plan.toString());
            c.unpersist();
        }
        // More partitions than rows: empty row blocks take part in both plans.
        CsrMatrix small = real("small/bcsstk01.mtx");
        DistributedCsrMatrix ds = DistributedCsrMatrix.fromLocal(sc, small, 50);
        DistributedCsrMatrix c = ds.multiply(ds, DistributedSpgemmOptions.defaults().withPlan(SpgemmPlan.SHUFFLE)
                .withColumnBlocks(2));
        assertEquals(localProduct(small, small), c.collect());
        c.unpersist();
        ds.unpersist();
        dt.unpersist();
        da.unpersist();
    }

    @Test
    void transposeEqualsTheLocalTranspose() throws IOException {
        CsrMatrix a = real("small/1138_bus.mtx");
        for (int p : new int[] {1, 5}) {
            DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, p);
            DistributedCsrMatrix t = d.transpose();
            assertEquals(a.cols(), t.rows());
            assertEquals(p, t.partitions());
            assertEquals(a.transpose(), t.collect());
            t.unpersist();
            d.unpersist();
        }
    }

    @Test
    void spmmWithADenseBlockMatchesTheLocalKernel() throws IOException {
        CsrMatrix a = real("small/2dcyl1.mtx");
        int k = 3;
        DenseMatrix x = new DenseMatrix(a.cols(), k, randomVector(a.cols() * k, 21));
        double[] y = new double[a.rows() * k];
        a.applyBlock(x.data(), y, k);
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 3);
        assertArrayEquals(y, d.multiply(x).data(), "A·X bit for bit");
        DenseMatrix w = new DenseMatrix(a.rows(), k, randomVector(a.rows() * k, 22));
        double[] z = new double[a.cols() * k];
        Spmm.applyTranspose(a, w.data(), z, k, 1);
        DenseMatrix onDriver = d.multiplyTranspose(w);
        assertClose(z, onDriver.data(), 1e-13);
        DistributedCsrMatrix.driverReductionMax = 0; // the executors' reduction, column range by column range
        try {
            assertArrayEquals(onDriver.data(), d.multiplyTranspose(w).data(), "both reductions add in partition order");
            double[] v = randomVector(a.rows(), 23);
            assertArrayEquals(d.multiplyTransposeBlocks(v).toLocal(), d.multiplyTranspose(v));
        } finally {
            DistributedCsrMatrix.driverReductionMax = DistributedCsrMatrix.DRIVER_REDUCTION_MAX;
        }
        d.unpersist();
    }

    @Test
    void spmtvOfADistributedVectorEqualsTheBroadcastForm() throws IOException {
        CsrMatrix a = real("small/abb313.mtx");
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 3);
        double[] y = randomVector(a.rows(), 8);
        DistributedVector dy = DistributedVector.fromLocal(sc, y, d.rowSplits());
        assertArrayEquals(d.multiplyTranspose(y), d.multiplyTranspose(dy).toLocal());
        double[] x = randomVector(a.cols(), 9);
        DistributedVector dx = DistributedVector.fromLocal(sc, x, new int[] {0, 100, a.cols()});
        assertArrayEquals(d.multiply(x), d.multiply(dx).toLocal());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.multiplyTranspose(DistributedVector.fromLocal(sc, y, new int[] {0, a.rows()})));
        assertEquals("Aᵀ·y needs y split as the matrix's rows (length 313, 3 pieces), got length 313 in 1 pieces;"
                + " distribute it with DistributedVector.fromLocal(sc, y, A.rowSplits())", e.getMessage());
        d.unpersist();
    }

    @Test
    void aFailedTaskReExecutesWithoutChangingAnyResult() throws IOException {
        CsrMatrix a = real("small/2dcyl1.mtx");
        DistributedCsrMatrix healthy = DistributedCsrMatrix.fromLocal(sc, a, 3);
        // The same blocks through a step whose partition 1 fails on its first attempt in every job
        // (not persisted, so every job recomputes it): Spark re-executes the task (local[2,4]).
        JavaRDD<RowBlock> flaky = healthy.blocks().map(b -> {
            TaskContext t = TaskContext.get();
            if (t.partitionId() == 1 && t.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
            return b;
        });
        DistributedCsrMatrix d = new DistributedCsrMatrix(flaky, a.rows(), a.cols(), a.nnz(), healthy.rowSplits());
        double[] x = randomVector(a.cols(), 31);
        double[] y = randomVector(a.rows(), 32);
        assertArrayEquals(healthy.multiply(x), d.multiply(x));
        assertArrayEquals(healthy.multiplyTranspose(y), d.multiplyTranspose(y));
        DistributedCsrMatrix c = d.multiply(d, DistributedSpgemmOptions.defaults().withPlan(SpgemmPlan.SHUFFLE)
                .withColumnBlocks(2));
        assertEquals(localProduct(a, a), c.collect());
        c.unpersist();
        healthy.unpersist();
    }

    @Test
    void mismatchedShapesAreOneClearSentence() throws IOException {
        CsrMatrix a = real("small/abb313.mtx"); // 313 × 176
        DistributedCsrMatrix d = DistributedCsrMatrix.fromLocal(sc, a, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.multiply(d));
        assertEquals("A is 313×176 and B is 313×176: A·B needs B with 176 rows (A's column count)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.multiply(new DenseMatrix(313, 2, new double[626])));
        assertEquals("A·X needs X with 176 rows (the distributed matrix is 313×176), got 313×2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedSpgemmOptions.defaults().withColumnBlocks(-1));
        assertEquals("the number of column blocks must be ≥ 0 (0: chosen from the limit), got -1", e.getMessage());
        d.unpersist();
    }
}
