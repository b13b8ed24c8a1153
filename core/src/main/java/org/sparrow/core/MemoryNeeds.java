package org.sparrow.core;

import java.util.Locale;

/**
 * Refuses an allocation that cannot succeed before it is tried: an array set whose size exceeds the
 * Java VM's heap limit ({@link Runtime#maxMemory()}) would end in an {@link OutOfMemoryError}
 * after seconds of work; instead the caller gets one sentence with the memory needed and the remedy.
 */
public final class MemoryNeeds {

    private MemoryNeeds() {
    }

    /**
     * Checks that {@code bytes} can be allocated at all.
     *
     * @param bytes Input: the bytes needed, ≥ 0
     * @param what  Input: what needs them, for the message ("the CSR form of this 2000000000×3 matrix")
     * @throws IllegalStateException when {@code bytes} exceeds the heap limit; the message states both
     */
    public static void require(long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new IllegalStateException(what + " needs " + format(bytes) + " of memory, more than the " + format(max)
                    + " this Java VM may use (raise it with -Xmx; for the sparrow command, SPARROW_JAVA_OPTS=-Xmx…)");
        }
    }

    /**
     * Bytes for a message: {@code 512 B}, {@code 3.4 MB}, {@code 8.0 GB} (powers of 1000).
     *
     * @param bytes the number of bytes, ≥ 0
     * @return the size with its unit: whole bytes below 1000, else one decimal in kB, MB, GB, …
     */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
