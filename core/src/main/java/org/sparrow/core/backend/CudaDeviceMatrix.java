package org.sparrow.core.backend;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * A CSR matrix in GPU memory with its cuSPARSE handle and descriptor; products by
 * {@code cusparseSpMM} (fp64, row-major blocks, {@link CuSparse#SPMM_CSR_ALG2} or the default
 * algorithm where that one is not supported).
 *
 * <p>The device buffers for X and Y, their descriptors and the SpMM workspace are kept for the last
 * block width and rebuilt when {@code k} changes, so repeated products of one width allocate
 * nothing. Every device allocation and descriptor is registered in a {@link CleanupStack} the moment
 * it exists: a failure half-way through an upload or a rebuild frees what was made, {@link #close()}
 * frees everything, and a handle that becomes unreachable unclosed is freed by a {@link Cleaner}
 * (a safety net, not the plan: close it).
 */
final class CudaDeviceMatrix implements DeviceMatrix {

    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaBackend backend;
    private final CudaRuntime rt;
    private final CuSparse sp;
    private final int rows;
    private final int cols;
    private final int nnz;
    private final MemorySegment handle; // cusparseHandle_t, NULL when A is empty
    private final MemorySegment matA;   // cusparseSpMatDescr_t, NULL when A is empty
    private final double uploadSeconds;
    private final Release release;
    private final Cleaner.Cleanable cleanable;
    private Block block;
    private int preferredAlgorithm = CuSparse.SPMM_CSR_ALG2;
    private boolean closed;

    /** X, Y, their descriptors and the workspace for one block width. */
    private record Block(int k, MemorySegment dx, MemorySegment dy, MemorySegment matB, MemorySegment matC,
                         int algorithm, MemorySegment workspace, CleanupStack resources) {
    }

    /** What close (or the cleaner) releases: the current block first, then A and the handle. */
    private static final class Release implements Runnable {
        final CleanupStack matrix;
        volatile CleanupStack block;

        Release(CleanupStack matrix) {
            this.matrix = matrix;
        }

        @Override
        public void run() {
            CleanupStack all = new CleanupStack();
            all.push(matrix::close);
            CleanupStack b = block;
            block = null;
            if (b != null) {
                all.push(b::close);
            }
            all.close();
        }
    }

    private CudaDeviceMatrix(CudaBackend backend, CudaRuntime rt, CuSparse sp, CsrMatrix a, MemorySegment handle,
                             MemorySegment matA, CleanupStack resources, double uploadSeconds) {
        this.backend = backend;
        this.rt = rt;
        this.sp = sp;
        this.rows = a.rows();
        this.cols = a.cols();
        this.nnz = a.nnz();
        this.handle = handle;
        this.matA = matA;
        this.uploadSeconds = uploadSeconds;
        this.release = new Release(resources);
        this.cleanable = CLEANER.register(this, release);
    }

    /**
     * Copies A to the device and describes it to cuSPARSE. An empty A (no rows, columns or entries)
     * takes no device memory: its products are zero blocks filled on the host.
     */
    static CudaDeviceMatrix upload(CudaBackend backend, CudaRuntime rt, CuSparse sp, CsrMatrix a) {
        CsrMatrix s = a.sorted(); // cuSPARSE's CSR format expects the columns of a row in increasing order
        int rows = s.rows();
        int cols = s.cols();
        int nnz = s.nnz();
        CleanupStack res = new CleanupStack();
        try {
            MemorySegment handle = MemorySegment.NULL;
            MemorySegment matA = MemorySegment.NULL;
            long t0 = System.nanoTime();
            if (rows > 0 && cols > 0 && nnz > 0) {
                // The first cuSPARSE handle also creates the CUDA context (up to a second): not part of the upload.
                MemorySegment h = sp.createHandle();
                res.push(() -> sp.destroyHandle(h));
                t0 = System.nanoTime();
                String what = "A (" + rows + "×" + cols + ", " + nnz + " entries)";
                MemorySegment rowPtr = rt.malloc(4L * ((long) rows + 1), "the row pointers of " + what);
                res.push(() -> rt.free(rowPtr, "the row pointers of A"));
                MemorySegment colIdx = rt.malloc(4L * nnz, "the column indices of " + what);
                res.push(() -> rt.free(colIdx, "the column indices of A"));
                MemorySegment values = rt.malloc(8L * nnz, "the values of " + what);
                res.push(() -> rt.free(values, "the values of A"));
                rt.copyToDevice(rowPtr, s.rowPointers(), rows + 1, "the row pointers of A");
                rt.copyToDevice(colIdx, s.columnIndices(), nnz, "the column indices of A");
                rt.copyToDevice(values, s.values(), nnz, "the values of A");
                MemorySegment descr = sp.createCsr(rows, cols, nnz, rowPtr, colIdx, values);
                res.push(() -> sp.destroySpMat(descr));
                rt.synchronize("finishing the upload of " + what);
                handle = h;
                matA = descr;
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            return new CudaDeviceMatrix(backend, rt, sp, s, handle, matA, res, seconds);
        } catch (RuntimeException | Error e) {
            res.closeAfter(e);
            throw e;
        }
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public int nnz() {
        return nnz;
    }

    @Override
    public double uploadSeconds() {
        return uploadSeconds;
    }

    @Override
    public synchronized SpmmTiming multiply(double[] x, double[] y, int k) {
        if (closed) {
            throw new IllegalStateException("this GPU matrix handle (" + rows + "×" + cols + ", " + nnz
                    + " entries) was closed");
        }
        Checks.checkBlock("X", x, cols, k);
        Checks.checkBlock("Y", y, rows, k);
        if (k == 0 || rows == 0) {
            return SpmmTiming.NONE;
        }
        if (nnz == 0 || cols == 0) {
            Arrays.fill(y, 0.0); // Y = A·X = 0
            return SpmmTiming.NONE;
        }
        Block b = block(k);
        long t0 = System.nanoTime();
        rt.copyToDevice(b.dx(), x, cols * k, "X (" + cols + "×" + k + ")");
        rt.synchronize("finishing the copy of X");
        long t1 = System.nanoTime();
        try {
            spmm(b);
        } catch (CudaException e) {
            if (e.status() != CuSparse.STATUS_NOT_SUPPORTED || b.algorithm() == CuSparse.SPMM_ALG_DEFAULT) {
                throw e;
            }
            // The algorithm passed cusparseSpMM_bufferSize but not cusparseSpMM: the default accepts every layout.
            preferredAlgorithm = CuSparse.SPMM_ALG_DEFAULT;
            dropBlock();
            b = block(k);
            rt.copyToDevice(b.dx(), x, cols * k, "X (" + cols + "×" + k + ")");
            t1 = System.nanoTime();
            spmm(b);
        }
        rt.synchronize("running cusparseSpMM");
        long t2 = System.nanoTime();
        rt.copyToHost(y, b.dy(), rows * k, "Y (" + rows + "×" + k + ")");
        long t3 = System.nanoTime();
        return new SpmmTiming((t1 - t0) * 1e-9, (t2 - t1) * 1e-9, (t3 - t2) * 1e-9);
    }

    /** {@code Y = 1·A·X + 0·Y} on the block's buffers (asynchronous: the caller synchronizes). */
    private void spmm(Block b) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment alpha = arena.allocateFrom(JAVA_DOUBLE, 1.0); // host pointers: read during the call
            MemorySegment beta = arena.allocateFrom(JAVA_DOUBLE, 0.0);
            sp.spmm(handle, alpha, matA, b.matB(), beta, b.matC(), b.algorithm(), b.workspace(),
                    "multiplying the " + rows + "×" + cols + " matrix by a " + cols + "×" + b.k() + " block");
        }
    }

    /** Releases the buffers of the current width, if any. */
    private void dropBlock() {
        if (block != null) {
            Block old = block;
            block = null;
            release.block = null;
            old.resources().close();
        }
    }

    /** The buffers for width {@code k}: the current ones, or new ones after releasing those of another width. */
    private Block block(int k) {
        if (block != null && block.k() == k) {
            return block;
        }
        dropBlock();
        // Locals, not fields, in the cleanup actions: an action that captured this would keep the
        // handle reachable from the Cleaner, which could then never release it.
        CudaRuntime rt = this.rt;
        CuSparse sp = this.sp;
        CleanupStack res = new CleanupStack();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dx = rt.malloc(8L * cols * k, "X (" + cols + "×" + k + ")");
            res.push(() -> rt.free(dx, "X"));
            MemorySegment dy = rt.malloc(8L * rows * k, "Y (" + rows + "×" + k + ")");
            res.push(() -> rt.free(dy, "Y"));
            MemorySegment matB = sp.createRowMajor(cols, k, dx, "X");
            res.push(() -> sp.destroyDnMat(matB));
            MemorySegment matC = sp.createRowMajor(rows, k, dy, "Y");
            res.push(() -> sp.destroyDnMat(matC));
            MemorySegment alpha = arena.allocateFrom(JAVA_DOUBLE, 1.0);
            MemorySegment beta = arena.allocateFrom(JAVA_DOUBLE, 0.0);
            int algorithm = preferredAlgorithm;
            long size = sp.spmmBufferSize(handle, alpha, matA, matB, beta, matC, algorithm);
            if (size < 0) { // ALG2 refused these operands: the default algorithm accepts every layout
                algorithm = CuSparse.SPMM_ALG_DEFAULT;
                size = sp.spmmBufferSize(handle, alpha, matA, matB, beta, matC, algorithm);
            }
            MemorySegment workspace = MemorySegment.NULL;
            if (size > 0) {
                MemorySegment w = rt.malloc(size, "the SpMM workspace");
                res.push(() -> rt.free(w, "the SpMM workspace"));
                workspace = w;
            }
            block = new Block(k, dx, dy, matB, matC, algorithm, workspace, res);
            release.block = res;
            return block;
        } catch (RuntimeException | Error e) {
            res.closeAfter(e);
            throw e;
        }
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Frees the block buffers, A and the cuSPARSE handle; a failing free is reported after all were tried. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        block = null;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "cuda " + rows + "×" + cols + " CSR matrix, nnz=" + nnz + (closed ? " (closed)" : "");
    }
}
