package org.sparrow.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The machine and software a run measured on, for every suite's report: CPU model, cores, last-level
 * cache, memory, OS, JDK, heap and the peers' pinned versions. Fields that cannot be read (not Linux)
 * say "unknown"; a version missing from the build says "?".
 *
 * @param cpu            CPU model name (from {@code /proc/cpuinfo}), or "unknown"
 * @param cores          {@code Runtime.availableProcessors()}
 * @param lastLevelCache size of the largest cache level (from sysfs), or "unknown"
 * @param memory         total memory (from {@code /proc/meminfo}), or "unknown"
 * @param os             OS name, version and architecture
 * @param jdk            JVM name and runtime version
 * @param maxHeapBytes   {@code Runtime.maxMemory()}
 * @param versions       the peers' versions (from the build)
 */
public record MachineInfo(String cpu, int cores, String lastLevelCache, String memory, String os, String jdk,
                          long maxHeapBytes, Properties versions) {

    /** Describes this machine. */
    public static MachineInfo probe() {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readLastLevelCache(),
                readMemory(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory(), readVersions());
    }

    /**
     * A peer's version from the build.
     *
     * @param key "ejml", "ojalgo", "mtj", "commons-math3", "xchart" or "jmh"
     * @return the version, or "?"
     */
    public String version(String key) {
        return versions.getProperty(key, "?");
    }

    /** The maximum heap in GiB. */
    public double maxHeapGiB() {
        return maxHeapBytes / (double) (1L << 30);
    }

    /** The CPU model from /proc/cpuinfo, or "unknown" (not Linux). */
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

    /** The peers' pinned versions, from the build's filtered {@code peer-versions.properties}. */
    public static Properties readVersions() {
        Properties p = new Properties();
        try (InputStream in = MachineInfo.class.getResourceAsStream("peer-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The report then shows "?".
        }
        return p;
    }
}
