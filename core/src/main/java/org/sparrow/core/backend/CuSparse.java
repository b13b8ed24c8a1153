package org.sparrow.core.backend;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The cuSPARSE functions SpMM needs — the generic API's CSR and dense-matrix descriptors and
 * {@code cusparseSpMM} — bound with the FFM API.
 *
 * <p>Signatures and enumerator values are those of {@code cusparse.h} and {@code library_types.h}
 * as documented in the cuSPARSE Library reference (https://docs.nvidia.com/cuda/cusparse/,
 * "cuSPARSE Types Reference", "cuSPARSE Generic APIs": cusparseCreateCsr, cusparseCreateDnMat,
 * cusparseSpMM); {@code int64_t} and {@code size_t} are {@code JAVA_LONG}, enums {@code JAVA_INT},
 * handles and descriptors (opaque pointers) {@code ADDRESS}. The values below have not changed
 * since the generic API appeared (CUDA 10.1) and are the same in cuSPARSE 12.
 */
final class CuSparse {

    /** {@code CUSPARSE_STATUS_SUCCESS} ({@code cusparseStatus_t}). */
    static final int STATUS_SUCCESS = 0;
    /** {@code CUSPARSE_STATUS_NOT_SUPPORTED}: e.g. an algorithm that does not accept these layouts. */
    static final int STATUS_NOT_SUPPORTED = 10;
    /** {@code CUSPARSE_INDEX_32I} ({@code cusparseIndexType_t}): Sparrow's {@code int} indices. */
    static final int INDEX_32I = 2;
    /** {@code CUSPARSE_INDEX_BASE_ZERO} ({@code cusparseIndexBase_t}). */
    static final int INDEX_BASE_ZERO = 0;
    /** {@code CUDA_R_64F} ({@code cudaDataType}, library_types.h): real fp64 values and compute type. */
    static final int CUDA_R_64F = 1;
    /** {@code CUSPARSE_ORDER_ROW} ({@code cusparseOrder_t}): Sparrow's row-major blocks. */
    static final int ORDER_ROW = 2;
    /** {@code CUSPARSE_OPERATION_NON_TRANSPOSE} ({@code cusparseOperation_t}). */
    static final int OPERATION_NON_TRANSPOSE = 0;
    /** {@code CUSPARSE_SPMM_ALG_DEFAULT} ({@code cusparseSpMMAlg_t}). */
    static final int SPMM_ALG_DEFAULT = 0;
    /**
     * {@code CUSPARSE_SPMM_CSR_ALG2}: the CSR algorithm for row-major dense blocks. The cuSPARSE
     * reference's {@code cusparseSpMM} algorithm table gives it deterministic results and
     * {@code opA} non-transpose only (what Sparrow uses); NVIDIA's RAFT
     * ({@code raft/sparse/linalg/detail/spmm.hpp}) picks it for row-major operands and ALG1 for
     * column-major. Where a cuSPARSE version refuses it ({@code CUSPARSE_STATUS_NOT_SUPPORTED}),
     * {@link CudaDeviceMatrix} falls back to {@link #SPMM_ALG_DEFAULT}. Not yet run on a GPU.
     */
    static final int SPMM_CSR_ALG2 = 6;
    /** {@code MAJOR_VERSION}, {@code MINOR_VERSION}, {@code PATCH_LEVEL} ({@code libraryPropertyType}). */
    private static final int[] VERSION_PROPERTIES = {0, 1, 2};

    /** {@code cusparseStatus_t} names 0–11 (cusparse.h), for when {@code cusparseGetErrorName} is missing. */
    private static final String[] STATUS_NAMES = {
        "CUSPARSE_STATUS_SUCCESS", "CUSPARSE_STATUS_NOT_INITIALIZED", "CUSPARSE_STATUS_ALLOC_FAILED",
        "CUSPARSE_STATUS_INVALID_VALUE", "CUSPARSE_STATUS_ARCH_MISMATCH", "CUSPARSE_STATUS_MAPPING_ERROR",
        "CUSPARSE_STATUS_EXECUTION_FAILED", "CUSPARSE_STATUS_INTERNAL_ERROR",
        "CUSPARSE_STATUS_MATRIX_TYPE_NOT_SUPPORTED", "CUSPARSE_STATUS_ZERO_PIVOT", "CUSPARSE_STATUS_NOT_SUPPORTED",
        "CUSPARSE_STATUS_INSUFFICIENT_RESOURCES",
    };

    private static final String NEEDS = "cuSPARSE with the generic SpMM API, CUDA 11 or newer";

    final Path file;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle createCsr;
    private final MethodHandle destroySpMat;
    private final MethodHandle createDnMat;
    private final MethodHandle destroyDnMat;
    private final MethodHandle spmmBufferSize;
    private final MethodHandle spmm;
    private final MethodHandle getErrorName;   // optional
    private final MethodHandle getErrorString; // optional
    private final MethodHandle getProperty;    // optional

    private CuSparse(Path file, SymbolLookup lib) throws CudaLibraryFinder.LoadFailure {
        this.file = file;
        // cusparseStatus_t cusparseCreate(cusparseHandle_t* handle); cusparseDestroy(cusparseHandle_t handle)
        create = NativeCalls.bind(lib, file, "cusparseCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        destroy = NativeCalls.bind(lib, file, "cusparseDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // cusparseCreateCsr(cusparseSpMatDescr_t* spMatDescr, int64_t rows, int64_t cols, int64_t nnz,
        //     void* csrRowOffsets, void* csrColInd, void* csrValues, cusparseIndexType_t csrRowOffsetsType,
        //     cusparseIndexType_t csrColIndType, cusparseIndexBase_t idxBase, cudaDataType valueType)
        createCsr = NativeCalls.bind(lib, file, "cusparseCreateCsr", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                NEEDS);
        // cusparseDestroySpMat(cusparseConstSpMatDescr_t spMatDescr)
        destroySpMat = NativeCalls.bind(lib, file, "cusparseDestroySpMat", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // cusparseCreateDnMat(cusparseDnMatDescr_t* dnMatDescr, int64_t rows, int64_t cols, int64_t ld,
        //     void* values, cudaDataType valueType, cusparseOrder_t order)
        createDnMat = NativeCalls.bind(lib, file, "cusparseCreateDnMat", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT), NEEDS);
        // cusparseDestroyDnMat(cusparseConstDnMatDescr_t dnMatDescr)
        destroyDnMat = NativeCalls.bind(lib, file, "cusparseDestroyDnMat", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // cusparseSpMM_bufferSize(cusparseHandle_t handle, cusparseOperation_t opA, cusparseOperation_t opB,
        //     const void* alpha, cusparseConstSpMatDescr_t matA, cusparseConstDnMatDescr_t matB, const void* beta,
        //     cusparseDnMatDescr_t matC, cudaDataType computeType, cusparseSpMMAlg_t alg, size_t* bufferSize)
        spmmBufferSize = NativeCalls.bind(lib, file, "cusparseSpMM_bufferSize", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), NEEDS);
        // cusparseSpMM(cusparseHandle_t handle, cusparseOperation_t opA, cusparseOperation_t opB, const void* alpha,
        //     cusparseConstSpMatDescr_t matA, cusparseConstDnMatDescr_t matB, const void* beta,
        //     cusparseDnMatDescr_t matC, cudaDataType computeType, cusparseSpMMAlg_t alg, void* externalBuffer)
        spmm = NativeCalls.bind(lib, file, "cusparseSpMM", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), NEEDS);
        // const char* cusparseGetErrorName(cusparseStatus_t status); cusparseGetErrorString(cusparseStatus_t status)
        getErrorName = NativeCalls.bindOptional(lib, "cusparseGetErrorName", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        getErrorString = NativeCalls.bindOptional(lib, "cusparseGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        // cusparseStatus_t cusparseGetProperty(libraryPropertyType type, int* value)
        getProperty = NativeCalls.bindOptional(lib, "cusparseGetProperty", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    /**
     * Loads and binds cuSPARSE from {@code file}.
     *
     * @throws CudaLibraryFinder.LoadFailure if it cannot be loaded or lacks a function
     */
    static CuSparse load(Path file) throws CudaLibraryFinder.LoadFailure {
        return new CuSparse(file, CudaLibraryFinder.load(file));
    }

    /** The library version, e.g. {@code "12.5.8"}, or {@code "unknown"}. */
    String version() {
        if (getProperty == null) {
            return "unknown";
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            StringBuilder sb = new StringBuilder();
            for (int p : VERSION_PROPERTIES) {
                if (NativeCalls.callInt(getProperty, p, out) != STATUS_SUCCESS) {
                    return "unknown";
                }
                sb.append(sb.isEmpty() ? "" : ".").append(out.get(JAVA_INT, 0));
            }
            return sb.toString();
        }
    }

    /** {@code "CUSPARSE_STATUS_X (n): description"} for a status code. */
    String errorText(int status) {
        String name = getErrorName == null ? null : NativeCalls.string(NativeCalls.callAddress(getErrorName, status));
        if (name == null) {
            name = status >= 0 && status < STATUS_NAMES.length ? STATUS_NAMES[status] : "cusparseStatus";
        }
        String text = getErrorString == null ? null : NativeCalls.string(NativeCalls.callAddress(getErrorString, status));
        return name + " (" + status + ")" + (text == null ? "" : ": " + text);
    }

    /** Throws a {@link CudaException} naming the call, the status and what was being done, unless it is success. */
    void check(int status, String call, String doing) {
        if (status != STATUS_SUCCESS) {
            throw new CudaException(call, status, call + " failed with " + errorText(status) + " (" + doing + ")");
        }
    }

    /** {@code cusparseCreate}: a library handle on the current device. */
    MemorySegment createHandle() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check(NativeCalls.callInt(create, out), "cusparseCreate", "creating the cuSPARSE handle");
            return out.get(ADDRESS, 0);
        }
    }

    /** {@code cusparseDestroy}. */
    void destroyHandle(MemorySegment handle) {
        check(NativeCalls.callInt(destroy, handle), "cusparseDestroy", "releasing the cuSPARSE handle");
    }

    /** {@code cusparseCreateCsr} with 32-bit indices, base 0, fp64 values, on device arrays. */
    MemorySegment createCsr(long rows, long cols, long nnz, MemorySegment rowPtr, MemorySegment colIdx, MemorySegment values) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check(NativeCalls.callInt(createCsr, out, rows, cols, nnz, rowPtr, colIdx, values, INDEX_32I, INDEX_32I,
                    INDEX_BASE_ZERO, CUDA_R_64F), "cusparseCreateCsr",
                    "describing the " + rows + "×" + cols + " CSR matrix with " + nnz + " entries");
            return out.get(ADDRESS, 0);
        }
    }

    /** {@code cusparseDestroySpMat}. */
    void destroySpMat(MemorySegment descr) {
        check(NativeCalls.callInt(destroySpMat, descr), "cusparseDestroySpMat", "releasing the CSR descriptor");
    }

    /** {@code cusparseCreateDnMat}: a row-major fp64 {@code rows × cols} block with leading dimension {@code cols}. */
    MemorySegment createRowMajor(long rows, long cols, MemorySegment values, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            // Row-major: consecutive entries of a row are adjacent, so the leading dimension is the column count.
            check(NativeCalls.callInt(createDnMat, out, rows, cols, cols, values, CUDA_R_64F, ORDER_ROW),
                    "cusparseCreateDnMat", "describing " + what + " as a " + rows + "×" + cols + " row-major block");
            return out.get(ADDRESS, 0);
        }
    }

    /** {@code cusparseDestroyDnMat}. */
    void destroyDnMat(MemorySegment descr) {
        check(NativeCalls.callInt(destroyDnMat, descr), "cusparseDestroyDnMat", "releasing a dense descriptor");
    }

    /**
     * {@code cusparseSpMM_bufferSize} for {@code C = 1·A·B + 0·C}, non-transposed, fp64.
     *
     * @return the workspace in bytes, or −1 when this algorithm reports {@code CUSPARSE_STATUS_NOT_SUPPORTED}
     *     for these operands (the caller then falls back to the default algorithm)
     */
    long spmmBufferSize(MemorySegment handle, MemorySegment alpha, MemorySegment a, MemorySegment b,
                        MemorySegment beta, MemorySegment c, int algorithm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG);
            int status = NativeCalls.callInt(spmmBufferSize, handle, OPERATION_NON_TRANSPOSE, OPERATION_NON_TRANSPOSE,
                    alpha, a, b, beta, c, CUDA_R_64F, algorithm, out);
            if (status == STATUS_NOT_SUPPORTED && algorithm != SPMM_ALG_DEFAULT) {
                return -1;
            }
            check(status, "cusparseSpMM_bufferSize", "sizing the SpMM workspace (algorithm " + algorithm + ")");
            return out.get(JAVA_LONG, 0);
        }
    }

    /** {@code cusparseSpMM}: {@code C = alpha·A·B + beta·C}, non-transposed, fp64; asynchronous. */
    void spmm(MemorySegment handle, MemorySegment alpha, MemorySegment a, MemorySegment b, MemorySegment beta,
              MemorySegment c, int algorithm, MemorySegment workspace, String doing) {
        check(NativeCalls.callInt(spmm, handle, OPERATION_NON_TRANSPOSE, OPERATION_NON_TRANSPOSE, alpha, a, b, beta, c,
                CUDA_R_64F, algorithm, workspace), "cusparseSpMM", doing);
    }
}
