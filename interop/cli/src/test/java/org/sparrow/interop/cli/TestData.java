package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the tests find their matrices: the shared collection and the bundled example. */
final class TestData {

    private TestData() {
    }

    /**
     * The shared matrix collection ({@code sparrow.data.dir}, set by Surefire); skips the calling
     * test when it is absent.
     */
    static Path dataDir() {
        String dir = System.getProperty("sparrow.data.dir");
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "MANIFEST.tsv")),
                "skipped: the shared test matrices are not here (system property sparrow.data.dir = " + dir
                        + "; expected ../shared/data/matrices next to the repository)");
        return Path.of(dir);
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

    /** The example matrix committed under {@code examples/} at the repository root. */
    static Path example() {
        Path p = Path.of(System.getProperty("basedir", "."), "..", "..", "examples", "bcsstk01.mtx").normalize();
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is missing");
        return p;
    }
}
