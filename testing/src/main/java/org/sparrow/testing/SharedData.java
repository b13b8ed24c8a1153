package org.sparrow.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test matrices ({@code ../shared/data/matrices}, read in place) for every module's tests, and
 * the one decision about their absence. Surefire passes two system properties (parent pom):
 * {@value #DIR_PROPERTY}, the folder holding {@code MANIFEST.tsv}, and {@value #REQUIRED_PROPERTY}. When
 * the folder or a file in it is missing, a test that needs it is <em>skipped</em> with a message naming
 * the path — unless {@value #REQUIRED_PROPERTY} is {@code true} (as in CI, {@code .ci/run}), when it
 * <em>fails</em> with that message, so that a CI machine without the data cannot pass by skipping every
 * real-matrix test. Files tracked in the repository itself ({@code examples/}, {@code README.md}) are not
 * shared data: tests assert them directly.
 */
public final class SharedData {

    /** System property naming the folder of shared matrices. */
    public static final String DIR_PROPERTY = "sparrow.data.dir";

    /** System property which, when {@code true}, turns a missing matrix from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "sparrow.data.required";

    private SharedData() {
    }

    /** {@return whether missing shared data fails a test ({@value #REQUIRED_PROPERTY} is {@code true})} */
    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false").strip());
    }

    /**
     * The folder of shared matrices, or {@code null} when {@value #DIR_PROPERTY} is unset or the folder holds
     * no {@code MANIFEST.tsv}; for callers that decide themselves (then through {@link #require}).
     *
     * @return the folder of shared matrices, or {@code null} when it is not configured or not there
     */
    public static Path dirOrNull() {
        String d = System.getProperty(DIR_PROPERTY);
        return d == null || d.isBlank() || !Files.isRegularFile(Path.of(d, "MANIFEST.tsv")) ? null : Path.of(d);
    }

    /**
     * The folder of shared matrices; skips the calling test when it is missing, or fails it when the data
     * is required, with a message naming the folder.
     *
     * @return the folder, which holds {@code MANIFEST.tsv}
     */
    public static Path dir() {
        return dir(System.getProperty(DIR_PROPERTY), required());
    }

    /**
     * A file of the shared collection, e.g. {@code small/bcsstk01.mtx}; skips or fails as {@link #dir()}
     * when it or the folder is missing.
     *
     * @param relative the path under the folder
     * @return the file
     */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        require(Files.isRegularFile(f), f + " is missing from the shared test matrices");
        return f;
    }

    /**
     * The one decision: nothing when {@code present}; else skips the calling test (a JUnit assumption) or,
     * when the data is required, fails it.
     *
     * @param present whether the data is there
     * @param what    what is missing, e.g. "/data/matrices/small/x.mtx is missing from the shared test matrices"
     */
    public static void require(boolean present, String what) {
        require(present, what, required());
    }

    /** {@link #dir()} for a given property value and requirement (what the tests of this class vary). */
    static Path dir(String property, boolean required) {
        boolean set = property != null && !property.isBlank();
        Path d = set ? Path.of(property).toAbsolutePath().normalize() : null;
        require(set && Files.isRegularFile(d.resolve("MANIFEST.tsv")), set
                ? "the shared test matrices are not at " + d + " (no MANIFEST.tsv there; " + DIR_PROPERTY + " = "
                        + property + ", by default ../shared/data/matrices next to the repository)"
                : "the shared test matrices are not configured (system property " + DIR_PROPERTY + " is not set)",
                required);
        return d;
    }

    /** {@link #require(boolean, String)} for a given requirement. */
    static void require(boolean present, String what, boolean required) {
        if (present) {
            return;
        }
        if (required) {
            fail(what + "; they are required here (" + REQUIRED_PROPERTY + "=true), so the test fails instead of"
                    + " skipping");
        }
        abort("skipped: " + what + " (set -D" + REQUIRED_PROPERTY + "=true to fail instead)");
    }
}
