package org.sparrow.core.backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;

/**
 * The GPU backend: SpMM by NVIDIA cuSPARSE, bound with the Foreign Function &amp; Memory API (no JNI,
 * no native build step).
 *
 * <p>{@link #probe()} finds {@code libcudart} and {@code libcusparse} ({@link CudaLibraryFinder}: the
 * {@code SPARROW_CUDA_LIBS} override, {@code CUDA_HOME}, the standard install folders, the loader's
 * paths and Python wheels' {@code nvidia/*}{@code /lib}), asks the runtime for the driver version and
 * the devices, and binds the calls SpMM needs. When something is missing the backend is still
 * returned, unavailable, with one sentence saying what and where it looked; nothing is loaded again
 * (use {@link Backends#gpu()}, which probes once per JVM).
 *
 * <p>Runtime candidates are tried in search order until one reports a device, so that a CUDA 13
 * runtime that the installed driver cannot run does not hide a CUDA 12 runtime found later;
 * cuSPARSE is looked for in the chosen runtime's folder first. Products run on device 0 (the first
 * device {@code CUDA_VISIBLE_DEVICES} shows).
 */
public final class CudaBackend implements Backend {

    /** This backend's name. */
    public static final String NAME = "cuda";

    private final Availability availability;
    private final CudaRuntime runtime;
    private final CuSparse cusparse;

    private CudaBackend(Availability availability, CudaRuntime runtime, CuSparse cusparse) {
        this.availability = availability;
        this.runtime = runtime;
        this.cusparse = cusparse;
    }

    /**
     * Finds, loads and checks CUDA on this machine. Never throws for a missing or broken installation:
     * the returned backend is then unavailable and says why. Prefer {@link Backends#gpu()}, which
     * probes once.
     *
     * @return the backend, available or unavailable with the reason
     */
    public static CudaBackend probe() {
        return probe(CudaLibraryFinder.system(), System.getProperty("os.name", ""));
    }

    /** The probe with a given search (tests point it at fake folders). */
    static CudaBackend probe(CudaLibraryFinder finder, String osName) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return unavailable("the CUDA backend runs on Linux only (this is " + osName + ")", List.of());
        }
        List<String> details = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean notFound = false;

        CudaRuntime runtime = null;
        CudaRuntime.DeviceProbe devices = null;
        String runtimeProblem = null;
        List<Path> runtimes = finder.find(CudaLibraryFinder.CUDART);
        if (runtimes.isEmpty()) {
            runtimeProblem = "the CUDA runtime (libcudart.so) was not found";
            details.add("libcudart: not found");
            notFound = true;
        }
        for (Path p : runtimes) {
            try {
                CudaRuntime rt = CudaRuntime.load(p);
                CudaRuntime.DeviceProbe d = rt.probeDevices();
                details.add("libcudart: " + p + " (CUDA runtime " + NativeCalls.cudaVersion(d.runtimeVersion())
                        + "; driver " + (d.driverVersion() == 0 ? "none" : "supports CUDA " + NativeCalls.cudaVersion(d.driverVersion()))
                        + "; " + (d.status() == CudaRuntime.SUCCESS ? d.count() + " device(s)" : rt.errorText(d.status())) + ")");
                if (d.status() == CudaRuntime.SUCCESS && d.count() > 0) {
                    runtime = rt;
                    devices = d;
                    break;
                }
                if (runtimeProblem == null) {
                    runtimeProblem = deviceProblem(rt, d);
                }
            } catch (CudaLibraryFinder.LoadFailure e) {
                details.add("libcudart: " + e.getMessage());
                if (runtimeProblem == null) {
                    runtimeProblem = e.getMessage();
                }
            }
        }
        if (runtime == null) {
            problems.add(runtimeProblem);
        }

        CuSparse cusparse = null;
        String cusparseProblem = null;
        Path preferredDir = runtime != null ? runtime.file.getParent() : runtimes.isEmpty() ? null : runtimes.get(0).getParent();
        List<Path> candidates = preferFolder(finder.find(CudaLibraryFinder.CUSPARSE), preferredDir);
        if (candidates.isEmpty()) {
            cusparseProblem = "cuSPARSE (libcusparse.so) was not found";
            details.add("libcusparse: not found");
            notFound = true;
        }
        for (Path p : candidates) {
            try {
                preloadNvJitLink(p, details);
                CuSparse sp = CuSparse.load(p);
                details.add("libcusparse: " + p + " (cuSPARSE " + sp.version() + ")");
                cusparse = sp;
                break;
            } catch (CudaLibraryFinder.LoadFailure e) {
                details.add("libcusparse: " + e.getMessage());
                if (cusparseProblem == null) {
                    cusparseProblem = e.getMessage();
                }
            }
        }
        if (cusparse == null) {
            problems.add(cusparseProblem);
        }
        details.add("searched: " + finder.describe());

        if (problems.isEmpty()) {
            String device = runtime.describeDevice(0);
            String description = device + (devices.count() > 1 ? " (device 0 of " + devices.count() + ")" : "")
                    + ", CUDA runtime " + NativeCalls.cudaVersion(devices.runtimeVersion()) + " (driver "
                    + NativeCalls.cudaVersion(devices.driverVersion()) + "), cuSPARSE " + cusparse.version();
            return new CudaBackend(Availability.available(description, details), runtime, cusparse);
        }
        String reason = String.join("; and ", problems);
        if (notFound) {
            reason += ": looked in " + finder.describe() + " (set " + CudaLibraryFinder.LIBS_ENV
                    + " to the folder that holds libcudart.so and libcusparse.so)";
        }
        return unavailable(reason, details);
    }

    private static CudaBackend unavailable(String reason, List<String> details) {
        return new CudaBackend(Availability.unavailable(reason, details), null, null);
    }

    /** Why a runtime that loaded offers no device, in words that point at the fix. */
    static String deviceProblem(CudaRuntime rt, CudaRuntime.DeviceProbe d) {
        String call = "cudaGetDeviceCount returned " + rt.errorText(d.status());
        String runtimeVersion = "CUDA " + NativeCalls.cudaVersion(d.runtimeVersion());
        return switch (d.status()) {
            case CudaRuntime.SUCCESS -> "no CUDA device: cudaGetDeviceCount reports 0 devices (check nvidia-smi and"
                    + " CUDA_VISIBLE_DEVICES)";
            case CudaRuntime.ERROR_INSUFFICIENT_DRIVER -> d.driverVersion() == 0
                    ? "no NVIDIA driver: " + call + ", and cudaDriverGetVersion reports no driver (" + rt.file + ")"
                    : "the NVIDIA driver is too old: it supports CUDA " + NativeCalls.cudaVersion(d.driverVersion())
                            + " but " + rt.file + " is " + runtimeVersion + " (" + call + "; update the driver, or put an"
                            + " older runtime first in " + CudaLibraryFinder.LIBS_ENV + ")";
            case CudaRuntime.ERROR_NO_DEVICE -> "no CUDA device: " + call + " (check nvidia-smi and CUDA_VISIBLE_DEVICES)";
            case CudaRuntime.ERROR_STUB_LIBRARY -> rt.file + " is the toolkit's stub library, not a runtime: " + call;
            default -> "no usable CUDA device: " + call;
        };
    }

    /** {@code files} with those in {@code dir} first (stable otherwise). */
    private static List<Path> preferFolder(List<Path> files, Path dir) {
        if (dir == null) {
            return files;
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (dir.equals(f.getParent())) {
                out.add(f);
            }
        }
        for (Path f : files) {
            if (!dir.equals(f.getParent())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * cuSPARSE 12 needs {@code libnvJitLink}; in pip's wheels it sits in a sibling package that the
     * loader only finds through cuSPARSE's RPATH. Loading one from cuSPARSE's folder or the wheel
     * sibling first lets the loader resolve it by name. Best effort: a failure is only noted.
     */
    private static void preloadNvJitLink(Path cusparse, List<String> details) {
        Path dir = cusparse.getParent();
        if (dir == null) {
            return;
        }
        List<Path> places = new ArrayList<>(List.of(dir));
        if (dir.getParent() != null && dir.getParent().getParent() != null) {
            places.add(dir.getParent().getParent().resolve("nvjitlink").resolve("lib")); // nvidia/cusparse/lib → nvidia/nvjitlink/lib
        }
        for (Path place : places) {
            for (Path f : new CudaLibraryFinder(List.of(new CudaLibraryFinder.SearchDir(place, "beside cuSPARSE")))
                    .find(CudaLibraryFinder.NVJITLINK)) {
                try {
                    CudaLibraryFinder.load(f);
                    return;
                } catch (CudaLibraryFinder.LoadFailure e) {
                    details.add("libnvJitLink: " + e.getMessage());
                }
            }
        }
        // none beside cuSPARSE: the loader may still find it (ld.so.cache, RPATH)
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isGpu() {
        return true;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    /**
     * Copies A to device 0 (a canonical copy first when A's rows are unsorted) and describes it to cuSPARSE.
     *
     * @throws BackendUnavailableException if this backend is unavailable, with the reason
     * @throws CudaException               if an allocation, copy or cuSPARSE call fails (nothing is left allocated)
     */
    @Override
    public DeviceMatrix upload(CsrMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        if (!availability.available()) {
            throw new BackendUnavailableException(NAME, "the " + NAME + " backend cannot run here: "
                    + availability.reason(), availability.reason());
        }
        return CudaDeviceMatrix.upload(this, runtime, cusparse, a);
    }

    @Override
    public String toString() {
        return "CudaBackend[" + (availability.available() ? availability.description() : "unavailable: "
                + availability.reason()) + "]";
    }
}
