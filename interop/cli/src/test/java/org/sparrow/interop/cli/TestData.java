package org.sparrow.interop.cli;


import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparrow.testing.SharedData;

/** Where the tests find their matrices: the shared collection and the bundled example. */
final class TestData {

    private TestData() {
    }

    /**
     * The shared matrix collection ({@code sparrow.data.dir}, set by Surefire); skips the calling
     * test when it is absent, or fails it in CI ({@link SharedData}).
     */
    static Path dataDir() {
        return SharedData.dir();
    }

    /** A file of the shared collection, e.g. {@code small/bcsstk01.mtx}; skips (CI: fails) when absent. */
    static Path shared(String file) {
        return SharedData.file(file);
    }

    /** The rows of MANIFEST.tsv, keyed by the {@code file} column, each a map from column name to value. */
    static Map<String, Map<String, String>> manifest() throws IOException {
        List<String> lines = Files.readAllLines(dataDir().resolve("MANIFEST.tsv"));
        String[] names = lines.get(0).split("\t", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < names.length; k++) {
                row.put(names[k], k < cells.length ? cells[k] : "");
            }
            rows.put(row.get("file"), row);
        }
        return rows;
    }

    /** The example matrix committed under {@code examples/} at the repository root (tracked: asserted). */
    static Path example() {
        return tracked("examples", "bcsstk01.mtx");
    }

    /**
     * A file tracked in the repository, relative to its root; the calling test fails when it is missing
     * (it is part of the checkout, not shared data).
     */
    static Path tracked(String... parts) {
        Path p = Path.of(System.getProperty("basedir", "."), "..", "..").resolve(Path.of("", parts)).normalize();
        assertTrue(Files.isRegularFile(p), p + " is missing from the checkout");
        return p;
    }
}
