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
import java.util.Locale;

/**
 * The CUDA runtime ({@code libcudart}) functions SpMM needs, bound with the FFM API.
 *
 * <p>Signatures are those of {@code cuda_runtime_api.h} (CUDA Runtime API reference,
 * https://docs.nvidia.com/cuda/cuda-runtime-api/ — sections "Error Handling", "Device Management",
 * "Memory Management", "Version Management"); C {@code int} and enums are {@code JAVA_INT},
 * {@code size_t} is {@code JAVA_LONG} (LP64), pointers are {@code ADDRESS}. Constants are from
 * {@code driver_types.h} of CUDA 13.0 (the values have been stable since CUDA 10).
 *
 * <p>Host ↔ device copies go through a 16 MiB off-heap staging buffer of a confined arena: FFM
 * cannot pass a Java array to a normal downcall, and a bounded buffer keeps the extra host memory
 * small whatever the block size.
 */
final class CudaRuntime {

    /** {@code cudaSuccess}. */
    static final int SUCCESS = 0;
    /** {@code cudaErrorStubLibrary}: the library is the toolkit's link stub, not a runtime. */
    static final int ERROR_STUB_LIBRARY = 34;
    /** {@code cudaErrorInsufficientDriver}: no driver, or one older than this runtime. */
    static final int ERROR_INSUFFICIENT_DRIVER = 35;
    /** {@code cudaErrorNoDevice}. */
    static final int ERROR_NO_DEVICE = 100;
    /** {@code cudaMemcpyHostToDevice} ({@code enum cudaMemcpyKind}). */
    static final int MEMCPY_HOST_TO_DEVICE = 1;
    /** {@code cudaMemcpyDeviceToHost}. */
    static final int MEMCPY_DEVICE_TO_HOST = 2;
    /** {@code cudaDevAttrComputeCapabilityMajor} ({@code enum cudaDeviceAttr}). */
    static final int ATTR_COMPUTE_CAPABILITY_MAJOR = 75;
    /** {@code cudaDevAttrComputeCapabilityMinor}. */
    static final int ATTR_COMPUTE_CAPABILITY_MINOR = 76;

    /** Bytes staged per {@code cudaMemcpy}. */
    static final long STAGING_BYTES = 16L << 20;

    private static final String NEEDS = "a CUDA runtime library, CUDA 11 or newer";

    final Path file;
    private final MethodHandle getDeviceCount;
    private final MethodHandle driverGetVersion;
    private final MethodHandle runtimeGetVersion;
    private final MethodHandle getErrorName;
    private final MethodHandle getErrorString;
    private final MethodHandle malloc;
    private final MethodHandle free;
    private final MethodHandle memcpy;
    private final MethodHandle deviceSynchronize;
    private final MethodHandle deviceGetAttribute;
    private final MethodHandle getDeviceProperties; // optional: only for the device name

    private CudaRuntime(Path file, SymbolLookup lib) throws CudaLibraryFinder.LoadFailure {
        this.file = file;
        // cudaError_t cudaGetDeviceCount(int* count)
        getDeviceCount = NativeCalls.bind(lib, file, "cudaGetDeviceCount", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // cudaError_t cudaDriverGetVersion(int* driverVersion); cudaRuntimeGetVersion(int* runtimeVersion)
        driverGetVersion = NativeCalls.bind(lib, file, "cudaDriverGetVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        runtimeGetVersion = NativeCalls.bind(lib, file, "cudaRuntimeGetVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // const char* cudaGetErrorName(cudaError_t error); const char* cudaGetErrorString(cudaError_t error)
        getErrorName = NativeCalls.bind(lib, file, "cudaGetErrorName", FunctionDescriptor.of(ADDRESS, JAVA_INT), NEEDS);
        getErrorString = NativeCalls.bind(lib, file, "cudaGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT), NEEDS);
        // cudaError_t cudaMalloc(void** devPtr, size_t size); cudaError_t cudaFree(void* devPtr)
        malloc = NativeCalls.bind(lib, file, "cudaMalloc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), NEEDS);
        free = NativeCalls.bind(lib, file, "cudaFree", FunctionDescriptor.of(JAVA_INT, ADDRESS), NEEDS);
        // cudaError_t cudaMemcpy(void* dst, const void* src, size_t count, enum cudaMemcpyKind kind)
        memcpy = NativeCalls.bind(lib, file, "cudaMemcpy",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT), NEEDS);
        // cudaError_t cudaDeviceSynchronize(void)
        deviceSynchronize = NativeCalls.bind(lib, file, "cudaDeviceSynchronize", FunctionDescriptor.of(JAVA_INT), NEEDS);
        // cudaError_t cudaDeviceGetAttribute(int* value, enum cudaDeviceAttr attr, int device)
        deviceGetAttribute = NativeCalls.bind(lib, file, "cudaDeviceGetAttribute",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), NEEDS);
        // cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp* prop, int device): CUDA 12 headers map it to
        // the _v2 symbol (the plain one keeps the CUDA 11 layout); char name[256] is the first field in both.
        MethodHandle props = NativeCalls.bindOptional(lib, "cudaGetDeviceProperties_v2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        getDeviceProperties = props != null ? props
                : NativeCalls.bindOptional(lib, "cudaGetDeviceProperties", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    /**
     * Loads and binds the runtime in {@code file}.
     *
     * @throws CudaLibraryFinder.LoadFailure if it cannot be loaded or lacks a function
     */
    static CudaRuntime load(Path file) throws CudaLibraryFinder.LoadFailure {
        return new CudaRuntime(file, CudaLibraryFinder.load(file));
    }

    /** What {@code cudaGetDeviceCount} and the version calls said. */
    record DeviceProbe(int status, int count, int runtimeVersion, int driverVersion) {
    }

    /** Asks for the runtime and driver versions and the number of devices; never throws on a CUDA error. */
    DeviceProbe probeDevices() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            int runtime = NativeCalls.callInt(runtimeGetVersion, out) == SUCCESS ? out.get(JAVA_INT, 0) : 0;
            out.set(JAVA_INT, 0, 0);
            int driver = NativeCalls.callInt(driverGetVersion, out) == SUCCESS ? out.get(JAVA_INT, 0) : 0;
            out.set(JAVA_INT, 0, 0);
            int status = NativeCalls.callInt(getDeviceCount, out);
            return new DeviceProbe(status, status == SUCCESS ? out.get(JAVA_INT, 0) : 0, runtime, driver);
        }
    }

    /** Device 0's name and compute capability, e.g. {@code "NVIDIA H200 (compute capability 9.0)"}. */
    String describeDevice(int device) {
        String name = "device " + device;
        try (Arena arena = Arena.ofConfined()) {
            if (getDeviceProperties != null) {
                // sizeof(cudaDeviceProp) is about 1 KiB in CUDA 11–13; 16 KiB leaves room for later growth.
                MemorySegment prop = arena.allocate(16 << 10, 16);
                if (NativeCalls.callInt(getDeviceProperties, prop, device) == SUCCESS) {
                    name = prop.getString(0);
                }
            }
            MemorySegment out = arena.allocate(JAVA_INT);
            check(NativeCalls.callInt(deviceGetAttribute, out, ATTR_COMPUTE_CAPABILITY_MAJOR, device),
                    "cudaDeviceGetAttribute", "reading the compute capability");
            int major = out.get(JAVA_INT, 0);
            check(NativeCalls.callInt(deviceGetAttribute, out, ATTR_COMPUTE_CAPABILITY_MINOR, device),
                    "cudaDeviceGetAttribute", "reading the compute capability");
            return name + " (compute capability " + major + "." + out.get(JAVA_INT, 0) + ")";
        }
    }

    /** {@code "cudaErrorX (n): CUDA's description"} for a status code. */
    String errorText(int status) {
        String name = NativeCalls.string(NativeCalls.callAddress(getErrorName, status));
        String text = NativeCalls.string(NativeCalls.callAddress(getErrorString, status));
        return (name == null ? "cudaError" : name) + " (" + status + ")" + (text == null ? "" : ": " + text);
    }

    /** Throws a {@link CudaException} naming the call, the error and what was being done, unless {@code status} is success. */
    void check(int status, String call, String doing) {
        if (status != SUCCESS) {
            throw new CudaException(call, status, call + " failed with " + errorText(status) + " (" + doing + ")");
        }
    }

    /**
     * {@code cudaMalloc}: {@code bytes} of device memory (at least 1, so that the pointer is real).
     *
     * @return the device pointer as a zero-length segment (device memory is not host-addressable)
     */
    MemorySegment malloc(long bytes, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check(NativeCalls.callInt(malloc, out, Math.max(bytes, 1L)), "cudaMalloc",
                    "allocating " + bytes(bytes) + " of device memory for " + what);
            return out.get(ADDRESS, 0);
        }
    }

    /** {@code cudaFree}. */
    void free(MemorySegment devicePointer, String what) {
        check(NativeCalls.callInt(free, devicePointer), "cudaFree", "freeing the device memory of " + what);
    }

    /** {@code cudaDeviceSynchronize}: waits for the device, and reports an error of earlier asynchronous work. */
    void synchronize(String doing) {
        check(NativeCalls.callInt(deviceSynchronize), "cudaDeviceSynchronize", doing);
    }

    /** Copies {@code count} doubles of {@code src} to device memory {@code dst}. */
    void copyToDevice(MemorySegment dst, double[] src, int count, String what) {
        copy(dst, MemorySegment.ofArray(src), (long) count * Double.BYTES, true, what);
    }

    /** Copies {@code count} ints of {@code src} to device memory {@code dst}. */
    void copyToDevice(MemorySegment dst, int[] src, int count, String what) {
        copy(dst, MemorySegment.ofArray(src), (long) count * Integer.BYTES, true, what);
    }

    /** Copies {@code count} doubles from device memory {@code src} into {@code dst}. */
    void copyToHost(double[] dst, MemorySegment src, int count, String what) {
        copy(src, MemorySegment.ofArray(dst), (long) count * Double.BYTES, false, what);
    }

    private void copy(MemorySegment device, MemorySegment heap, long bytes, boolean toDevice, String what) {
        if (bytes == 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            long chunk = Math.min(bytes, STAGING_BYTES);
            MemorySegment stage = arena.allocate(chunk, 16);
            for (long off = 0; off < bytes; off += chunk) {
                long n = Math.min(chunk, bytes - off);
                MemorySegment dev = MemorySegment.ofAddress(device.address() + off);
                if (toDevice) {
                    MemorySegment.copy(heap, off, stage, 0, n);
                    // From pageable memory cudaMemcpy returns once the source is staged, so the buffer may be reused.
                    check(NativeCalls.callInt(memcpy, dev, stage, n, MEMCPY_HOST_TO_DEVICE), "cudaMemcpy",
                            "copying " + what + " to the device");
                } else {
                    check(NativeCalls.callInt(memcpy, stage, dev, n, MEMCPY_DEVICE_TO_HOST), "cudaMemcpy",
                            "copying " + what + " from the device");
                    MemorySegment.copy(stage, 0, heap, off, n);
                }
            }
        }
    }

    /** A byte count for messages: {@code 1.5 GiB}, {@code 12 KiB}, {@code 100 B}. */
    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }
}
