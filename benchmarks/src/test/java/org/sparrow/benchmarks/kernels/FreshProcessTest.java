package org.sparrow.benchmarks.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshProcessTest {

    @Test
    void jsonNumbersAreFoundByKey() {
        String cli = "{\"rows\": 4, \"nnz\": 12, \"seconds\": 1.25e-1, \"threads\": 2}";
        assertEquals(0.125, FreshProcess.jsonNumber(cli, "seconds"));
        assertEquals(12, FreshProcess.jsonNumber(cli, "nnz"));
        assertTrue(Double.isNaN(FreshProcess.jsonNumber(cli, "missing")));
        String hyperfine = "{\"results\": [{\"command\": \"x\", \"mean\": 0.2, \"times\": [0.21, 0.19,0.2],"
                + " \"exit_codes\": [0, 0, 0]}]}";
        assertEquals(List.of(0.21, 0.19, 0.2), FreshProcess.jsonNumbers(hyperfine, "times"));
        assertEquals(List.of(), FreshProcess.jsonNumbers(hyperfine, "nope"));
    }

    @Test
    void wordsWithSpacesOrQuotesAreQuotedForHyperfine() {
        assertEquals("./sparrow info /tmp/a.mtx", FreshProcess.shellWords(List.of("./sparrow", "info", "/tmp/a.mtx")));
        assertEquals("python3 'my file.mtx' 'it'\"'\"'s'", FreshProcess.shellWords(List.of("python3", "my file.mtx",
                "it's")));
    }

    @Test
    void theProcessTimerKeepsOutputsOfTheTimedRunsAndReportsFailures() throws InterruptedException {
        FreshProcess.Timed t = FreshProcess.time(List.of("sh", "-c", "echo '{\"seconds\": 0.5}'"), 1, 2, 30);
        assertTrue(t.ok(), t.problem());
        assertEquals(2, t.wallSeconds().size());
        assertEquals(0.5, t.medianOfJson("seconds"));
        assertTrue(t.medianWall() > 0);
        FreshProcess.Timed bad = FreshProcess.time(List.of("sh", "-c", "echo oops >&2; exit 4"), 0, 1, 30);
        assertFalse(bad.ok());
        assertTrue(bad.problem().contains("exit status 4") && bad.problem().contains("oops"), bad.problem());
        FreshProcess.Timed missing = FreshProcess.time(List.of("/no/such/program"), 0, 1, 30);
        assertFalse(missing.ok());
        assertTrue(missing.problem().startsWith("could not start"), missing.problem());
    }
}
