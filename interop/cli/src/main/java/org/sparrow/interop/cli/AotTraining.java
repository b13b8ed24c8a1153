package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the {@code sparrow} launcher's ahead-of-time cache (JDK 25, JEP 483/514/515:
 * {@code java -XX:AOTCacheOutput=sparrow.aot -cp sparrow.jar org.sparrow.interop.cli.AotTraining}).
 *
 * <p>The JVM records which classes a run loads and links and how its methods behave, and a later
 * {@code -XX:AOTCache=sparrow.aot} run starts from that record instead of loading, verifying and
 * profiling the same classes again. So the training runs what users run first: the version, the
 * help, {@code info} on a small file, and a few commands on a generated matrix large enough for
 * the Matrix Market parser and the CSR conversions to be profiled (a 300 × 300 Poisson grid,
 * 90,000 rows). Output is discarded; the files go to a temporary folder that is removed at the end.
 * Picocli's classes are compiled for Java 5 and cannot be stored in the cache (the JVM skips them),
 * so they are still loaded from the jar.
 */
public final class AotTraining {

    private AotTraining() {
    }

    /**
     * Runs the training commands in this JVM; exits with status 1 when one of them fails, so the
     * launcher keeps no cache made from a broken run.
     *
     * @param args ignored
     * @throws IOException when the temporary folder cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sparrow-aot-training");
        try {
            String small = dir.resolve("small.mtx").toString();
            String grid = dir.resolve("grid.mtx").toString();
            String product = dir.resolve("product.mtx").toString();
            String[][] commands = {
                {"--version"},
                {"--help"},
                {"generate", "poisson2d", "--n", "12", "-o", small},
                {"info", small},
                {"info", "--json", small},
                {"generate", "poisson2d", "--n", "300", "-o", grid},
                {"info", grid},
                {"info", grid},
                {"multiply", grid, grid, "-o", product},
                {"convert", grid, dir.resolve("grid.mtx.gz").toString()},
                {"solve", small},
            };
            for (String[] command : commands) {
                int code = run(command);
                if (code != SparrowCli.EXIT_OK) {
                    System.err.println("sparrow: the start-up cache training failed at 'sparrow "
                            + String.join(" ", command) + "' (exit " + code + ")");
                    System.exit(SparrowCli.EXIT_FAILURE);
                }
            }
        } finally {
            removeTree(dir);
        }
    }

    /** One command through {@link SparrowCli#execute}, its output discarded. */
    private static int run(String... command) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return SparrowCli.execute(nowhere, nowhere, command);
    }

    private static void removeTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
