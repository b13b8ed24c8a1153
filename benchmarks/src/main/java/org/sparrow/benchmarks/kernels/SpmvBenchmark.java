package org.sparrow.benchmarks.kernels;

import org.openjdk.jmh.annotations.Benchmark;
import org.sparrow.benchmarks.harness.MediumMatrixBenchmark;
import org.sparrow.core.ops.Spmv;

/**
 * SpMV {@code y = A·x} and SpMᵀV {@code y = Aᵀ·x} ({@link Spmv}) on medium matrices, on 1 and 2
 * threads. The output vector is preallocated and overwritten; it is returned so JMH consumes it.
 * Effective bandwidth is {@code (12·nnz + 4·(rows+1) + 8·cols + 8·rows) / time}; the
 * {@link KernelSuite} reports it against a copy bandwidth measured in the same run.
 */
public class SpmvBenchmark extends MediumMatrixBenchmark {

    private double[] x;
    private double[] y;
    private double[] xt;
    private double[] yt;

    /** Created by JMH, which then sets the {@code @Param} fields and reads the matrix. */
    public SpmvBenchmark() {
    }

    /** Fills the vectors. */
    @Override
    protected void prepare() {
        x = ResultCheck.inputs(a.cols());
        y = new double[a.rows()];
        xt = ResultCheck.inputs(a.rows());
        yt = new double[a.cols()];
    }

    /** {@code y = A·x}. */
    @Benchmark
    public double[] multiply() {
        Spmv.apply(a, x, y, threads);
        return y;
    }

    /** {@code y = Aᵀ·x}. */
    @Benchmark
    public double[] multiplyTranspose() {
        Spmv.applyTranspose(a, xt, yt, threads);
        return yt;
    }
}
