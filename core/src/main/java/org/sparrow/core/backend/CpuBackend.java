package org.sparrow.core.backend;

import java.util.List;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Spmm;

/**
 * The CPU backend, always available: SpMM by Sparrow's Java kernel {@link Spmm#apply(CsrMatrix,
 * double[], double[], int, int)} (no second implementation here), bit-identical for every thread count.
 *
 * <p>How parallel it runs is a {@link Par}: with {@link Par#AUTO} (the default) each product uses
 * {@code Par.AUTO.threadsFor(nnz·k)}, one thread for small products and
 * {@link Parallelism#defaultThreads()} otherwise.
 */
public final class CpuBackend implements Backend {

    /** This backend's name. */
    public static final String NAME = "cpu";

    private static final CpuBackend DEFAULT = new CpuBackend(Par.AUTO);

    private final Par par;

    private CpuBackend(Par par) {
        this.par = par;
    }

    /** {@return the CPU backend on Sparrow's default thread count} */
    public static CpuBackend instance() {
        return DEFAULT;
    }

    /**
     * The CPU backend on a fixed thread count.
     *
     * @param threads ≥ 1, or 0 for the default
     * @return the backend
     * @throws IllegalArgumentException if {@code threads < 0}
     */
    public static CpuBackend withThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("thread count must be ≥ 0 (0: the default), got " + threads);
        }
        return of(threads == 0 ? Par.AUTO : Par.threads(threads));
    }

    /**
     * The CPU backend as parallel as {@code par} says.
     *
     * @param par how parallel the products run
     * @return the backend
     * @throws IllegalArgumentException if {@code par} is null
     */
    public static CpuBackend of(Par par) {
        if (par == null) {
            throw new IllegalArgumentException("the parallelism is null (use Par.AUTO, Par.SEQ or Par.threads(n))");
        }
        return par == Par.AUTO ? DEFAULT : new CpuBackend(par);
    }

    /** {@return how parallel the products run} */
    public Par parallelism() {
        return par;
    }

    /** {@return the fixed thread count, or 0 when each product decides ({@link Par#AUTO})} */
    public int threads() {
        return par == Par.AUTO ? 0 : par.threadsFor(0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isGpu() {
        return false;
    }

    @Override
    public Availability availability() {
        String t = par == Par.AUTO ? "up to " + Parallelism.defaultThreads() + " threads" : threads() + " threads";
        return Availability.available("Java SpMM kernel (org.sparrow.core.ops.Spmm) on " + t, List.of());
    }

    /** Keeps a reference to A (immutable, nothing to copy); upload takes 0 s. */
    @Override
    public DeviceMatrix upload(CsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        return new CpuDeviceMatrix(a);
    }

    @Override
    public String toString() {
        return "CpuBackend[" + (par == Par.AUTO ? "default threads" : threads() + " threads") + "]";
    }

    /** A on the CPU: the matrix itself, and a closed flag so that the lifecycle matches the GPU's. */
    private final class CpuDeviceMatrix implements DeviceMatrix {

        private final CsrMatrix a;
        private volatile boolean closed;

        CpuDeviceMatrix(CsrMatrix a) {
            this.a = a;
        }

        @Override
        public Backend backend() {
            return CpuBackend.this;
        }

        @Override
        public int rows() {
            return a.rows();
        }

        @Override
        public int cols() {
            return a.cols();
        }

        @Override
        public int nnz() {
            return a.nnz();
        }

        @Override
        public double uploadSeconds() {
            return 0.0;
        }

        @Override
        public SpmmTiming multiply(double[] x, double[] y, int k) {
            if (closed) {
                throw new IllegalStateException("this CPU matrix handle (" + a + ") was closed");
            }
            int t = par.threadsFor((long) a.nnz() * Math.max(k, 0));
            long t0 = System.nanoTime();
            Spmm.apply(a, x, y, k, t); // validates k and the lengths
            return new SpmmTiming(0.0, (System.nanoTime() - t0) * 1e-9, 0.0);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            return "cpu " + a + (closed ? " (closed)" : "");
        }
    }
}
