package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as a user would, on the 1138-bus matrix that ships in Sparrow's examples folder. */
class MainTest {

    /** Sparrow's bundled example, one level up from this project. */
    private static final Path BUS = Path.of("..", "1138_bus.mtx");

    @Test
    void solves1138BusAndEjmlConfirmsTheAnswer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(BUS, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.print(report); // the verdict, in the build log
        assertEquals(0, status, report + err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("1138_bus.mtx: 1138×1138, 4054 stored entries"), report);
        assertTrue(report.contains("Sparrow CG + IC(0): converged"), report);
        assertTrue(report.contains("verdict: solved"), report);
    }

    @Test
    void malformedFileIsReportedWithItsLineAndStatus2(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.mtx");
        Files.writeString(bad, "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(bad, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status);
        assertTrue(message.contains("bad.mtx, line 3"), message);
    }
}
