package org.sparrow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.sparrow.core.io.SafeOutput;

/** Locates the shared test matrices for benchmarks, and makes uncompressed copies when asked. */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /**
     * The folder of shared matrices: the system property {@code sparrow.data.dir} if set, else the
     * first of {@code ../shared/data/matrices} and {@code ../../shared/data/matrices} (relative to
     * the working directory) that exists.
     *
     * @throws IllegalStateException with the places looked in, if none exists
     */
    public static Path dataDir() {
        String prop = System.getProperty("sparrow.data.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (String candidate : new String[] {"../shared/data/matrices", "../../shared/data/matrices"}) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("shared matrices not found: set -Dsparrow.data.dir or run from the repository root"
                + " next to ../shared/data/matrices" + (prop != null ? " (sparrow.data.dir=" + prop + " does not exist)" : ""));
    }

    /** A matrix file under the data folder, e.g. {@code medium/bcsstk33.mtx.gz}. */
    public static Path matrix(String relative) {
        Path p = dataDir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("benchmark matrix " + p + " is missing");
        }
        return p;
    }

    /** Decompresses {@code gz} into {@code folder} (once) and returns the plain copy. */
    public static Path gunzipInto(Path gz, Path folder) throws IOException {
        String name = gz.getFileName().toString();
        Path out = folder.resolve(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
        if (!Files.exists(out)) {
            Files.createDirectories(folder);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
                SafeOutput.write(out, in::transferTo); // never a half copy that a later run would trust
            }
        }
        return out;
    }
}
