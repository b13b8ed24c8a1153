package org.sparrow.core.backend;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** Binding and calling C functions through the FFM linker: the few lines every binding class shares. */
final class NativeCalls {

    private static final Linker LINKER = Linker.nativeLinker();

    private NativeCalls() {
    }

    /**
     * A downcall handle for {@code name} in {@code lib}.
     *
     * @throws CudaLibraryFinder.LoadFailure naming the file and the missing function (a library of the
     *     right name but the wrong kind or a too old version)
     */
    static MethodHandle bind(SymbolLookup lib, Path file, String name, FunctionDescriptor fd, String needs)
            throws CudaLibraryFinder.LoadFailure {
        MemorySegment symbol = lib.find(name).orElseThrow(() -> new CudaLibraryFinder.LoadFailure(
                "could not use " + file + ": it has no function " + name + " (" + needs + ")"));
        return LINKER.downcallHandle(symbol, fd);
    }

    /** A downcall handle for {@code name}, or {@code null} when the library does not have it (optional features). */
    static MethodHandle bindOptional(SymbolLookup lib, String name, FunctionDescriptor fd) {
        return lib.find(name).map(s -> LINKER.downcallHandle(s, fd)).orElse(null);
    }

    /** Calls a function that returns a C {@code int} (a status code). */
    static int callInt(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed: " + t, t);
        }
    }

    /** Calls a function that returns a pointer. */
    static MemorySegment callAddress(MethodHandle h, Object... args) {
        try {
            return (MemorySegment) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed: " + t, t);
        }
    }

    /** The NUL-terminated C string at {@code p}, or {@code null} for a null pointer. */
    static String string(MemorySegment p) {
        if (p == null || p.equals(MemorySegment.NULL)) {
            return null;
        }
        return p.reinterpret(Integer.MAX_VALUE).getString(0); // reads up to the NUL only
    }

    /** A CUDA version number ({@code 12080}) as people write it ({@code "12.8"}). */
    static String cudaVersion(int v) {
        return v / 1000 + "." + (v % 1000) / 10;
    }
}
