package org.sparrow.benchmarks.kernels;

/**
 * Sizes of one suite matrix and the work of each kernel on it.
 *
 * @param name  short name (the file name without {@code .mtx.gz})
 * @param rows  rows
 * @param cols  columns
 * @param nnz   stored entries after symmetric expansion
 * @param flops multiply-adds of {@code A·A} ({@code SpgemmFlops.count(A, A)})
 * @param nnzC  stored entries of Sparrow's {@code A·A} (explicit zeros kept)
 * @param k     block width of the SpMM
 */
record MatrixInfo(String name, int rows, int cols, long nnz, long flops, long nnzC, int k) {

    /** Bytes an SpMV reads and writes once: {@code 12·nnz + 4·(rows+1) + 8·cols + 8·rows}. */
    double spmvBytes() {
        return 12.0 * nnz + 4.0 * (rows + 1) + 8.0 * cols + 8.0 * rows;
    }

    /** Bytes an SpMM reads and writes once: {@code 12·nnz + 4·(rows+1) + 8·k·(cols + rows)}. */
    double spmmBytes() {
        return 12.0 * nnz + 4.0 * (rows + 1) + 8.0 * k * ((double) cols + rows);
    }

    /** Floating-point operations of a kernel: 2·flops, 2·nnz, 2·nnz·k. */
    double floatingPointOps(Kernel kernel) {
        return switch (kernel) {
            case SPGEMM -> 2.0 * flops;
            case SPMV -> 2.0 * nnz;
            case SPMM -> 2.0 * nnz * k;
        };
    }

    /** Bytes moved by a kernel (NaN for SpGEMM, whose traffic depends on the accumulator). */
    double bytes(Kernel kernel) {
        return switch (kernel) {
            case SPGEMM -> Double.NaN;
            case SPMV -> spmvBytes();
            case SPMM -> spmmBytes();
        };
    }
}
