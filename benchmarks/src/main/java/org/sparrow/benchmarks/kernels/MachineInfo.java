package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The machine and software a run measured on, for the report's header: CPU model, cores,
 * last-level cache, memory, OS, JDK, heap, the peers' versions, and the copy bandwidth measured in
 * the same run.
 *
 * @param cpu            CPU model name (from {@code /proc/cpuinfo}), or "unknown"
 * @param cores          {@code Runtime.availableProcessors()}
 * @param lastLevelCache size of the largest cache level (from sysfs), or "unknown"
 * @param memory         total memory (from {@code /proc/meminfo}), or "unknown"
 * @param os             OS name, version and architecture
 * @param jdk            JVM name and runtime version
 * @param maxHeapBytes   {@code Runtime.maxMemory()}
 * @param versions       the peers' versions (from the build)
 * @param copy1          1-thread copy bandwidth, GB/s
 * @param copyT          T-thread copy bandwidth, GB/s
 * @param threads        T, the suite's thread count
 */
public record MachineInfo(String cpu, int cores, String lastLevelCache, String memory, String os, String jdk,
                   long maxHeapBytes, Properties versions, double copy1, double copyT, int threads) {

    /** Describes this machine, with the copy bandwidths measured by the caller. */
    static MachineInfo probe(double copy1, double copyT, int threads) {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readLastLevelCache(), readMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory(), readVersions(), copy1, copyT, threads);
    }

    /** A version from the build ("ejml", "ojalgo", "mtj", "commons-math3", "xchart", "jmh"). */
    String version(String key) {
        return versions.getProperty(key, "?");
    }

    /** The Markdown lines describing the machine. */
    String markdown() {
        return String.format(Locale.ROOT, """
                - CPU: %s; %d cores available to the JVM; last-level cache %s; memory %s
                - OS: %s
                - JDK: %s; max heap %.1f GiB
                - Peers: EJML %s, ojAlgo %s, MTJ %s, Apache Commons Math %s
                - Copy bandwidth (STREAM-style Copy, c[i] = a[i] on two 128 MiB arrays, best of several runs, \
                bytes = 2 × array bytes): **%.1f GB/s on %d threads**, %.1f GB/s on 1 thread
                """, cpu, cores, lastLevelCache, memory, os, jdk, maxHeapBytes / (double) (1L << 30),
                version("ejml"), version("ojalgo"), version("mtj"), version("commons-math3"), copyT, threads, copy1);
    }

    /** The CPU model from /proc/cpuinfo, or "unknown" (not Linux). Shared by every suite's report. */
    public static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable.
        }
        return "unknown";
    }

    private static String readLastLevelCache() {
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        String best = "unknown";
        int bestLevel = -1;
        try (var entries = Files.list(dir)) {
            for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).toList()) {
                int level = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                if (level > bestLevel) {
                    bestLevel = level;
                    best = "L" + level + " " + Files.readString(index.resolve("size")).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable.
        }
        return best;
    }

    /** Total memory from /proc/meminfo as "23.5 GiB", or "unknown" (not Linux). */
    public static String readMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    List<String> f = List.of(line.trim().split("\\s+"));
                    return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(f.get(1)) / (1024.0 * 1024.0));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable.
        }
        return "unknown";
    }

    /** The peers' pinned versions, from the build's filtered {@code kernels-versions.properties}. */
    public static Properties readVersions() {
        Properties p = new Properties();
        try (InputStream in = MachineInfo.class.getResourceAsStream("kernels-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The report then shows "?".
        }
        return p;
    }
}
