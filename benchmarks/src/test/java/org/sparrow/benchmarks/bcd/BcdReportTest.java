package org.sparrow.benchmarks.bcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.benchmarks.harness.MachineInfo;

class BcdReportTest {

    @TempDir
    Path dir;

    private BcdSuite.Settings settings() {
        return new BcdSuite.Settings(dir, false, 500, true, List.of(), dir, true);
    }

    private static BcdSuite.LassoRow row(String config, double seconds) {
        return new BcdSuite.LassoRow("100x10", 50, 2.5, config, 0.030, 7.0, 8, 7.0, 40, 40, seconds, 7.0);
    }

    @Test
    void lassoOnlyRefreshReplacesTheLassoSectionAndKeepsTheOthers() throws IOException {
        String before = "# Title\n\n## The paper's orderings\n\nORDERINGS KEPT\n\n" + BcdReport.LASSO_HEADING
                + "OLD LASSO TABLE\n\n## Runs\n\nRUNS KEPT\n";
        Files.writeString(dir.resolve("bcd.md"), before);
        BcdReport.refreshLasso(settings(), MachineInfo.probe(),
                List.of(row("cyclic order/1 lipschitz", 0.060), row("working-set CD", 0.010)),
                List.of("a note"), "scikit-learn 1.2.1", 0.5);
        String after = Files.readString(dir.resolve("bcd.md"));
        assertTrue(after.startsWith("# Title\n\n## The paper's orderings\n\nORDERINGS KEPT\n\n"), after);
        assertTrue(after.endsWith("## Runs\n\nRUNS KEPT\n"), after);
        assertFalse(after.contains("OLD LASSO TABLE"), after);
        assertTrue(after.contains("| 100x10 | 0.030 | 0.50× | 3.00× |"), after); // the speed-ups: 0.030 / seconds
        assertTrue(after.contains("refreshed alone") && after.contains("- a note"), after);
        assertEquals(1, after.split(BcdReport.LASSO_HEADING, -1).length - 1, "one Lasso section");
        assertTrue(Files.readString(dir.resolve("lasso.csv")).contains("working-set CD"));
    }

    @Test
    void lassoOnlyRefreshWithoutAFullRunSaysSo() {
        IOException e = assertThrows(IOException.class, () -> BcdReport.refreshLasso(settings(), MachineInfo.probe(),
                List.of(), List.of(), "n/a", 0.1));
        assertTrue(e.getMessage().contains("run the full suite first"), e.getMessage());
    }
}
