package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.backend.Availability;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.Backends;
import org.sparrow.core.backend.Blocks;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Spmm;

class SpmmCommandTest {

    @TempDir
    Path tmp;

    private String threadsBefore;
    private String backendBefore;

    /** {@code --threads} and the tests below set JVM-wide properties: put them back after each test. */
    @BeforeEach
    void saveProperties() {
        threadsBefore = System.getProperty(Parallelism.THREADS_PROPERTY);
        backendBefore = System.getProperty(BackendOptions.BACKEND_PROPERTY);
        System.clearProperty(BackendOptions.BACKEND_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        restore(Parallelism.THREADS_PROPERTY, threadsBefore);
        restore(BackendOptions.BACKEND_PROPERTY, backendBefore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    private Path matrix() throws IOException {
        Path p = tmp.resolve("a.mtx");
        MatrixMarket.write(Generators.random(61, 47, 0.1, 5L), p);
        return p;
    }

    @Test
    void cpuJsonHasTheKeysAndTheProductOfTheSeededBlock() throws IOException {
        Path file = matrix();
        Cli.Result r = ok("spmm", file.toString(), "--backend", "cpu", "--k", "3", "--repeat", "2", "--seed", "7",
                "--threads", "2", "--json");
        Map<String, Object> j = JsonReader.parseObject(r.out());
        assertEquals(List.of("backend", "seconds", "gflops", "upload_seconds", "transfer_seconds", "rows", "cols", "nnz",
                "k", "repeats", "threads", "seed", "y_frobenius", "selection", "a"), List.copyOf(j.keySet()));
        CsrMatrix a = MatrixMarket.readCsr(file);
        assertEquals("cpu", j.get("backend"));
        assertEquals(new BigDecimal(61), j.get("rows"));
        assertEquals(new BigDecimal(47), j.get("cols"));
        assertEquals(new BigDecimal(a.nnz()), j.get("nnz"));
        assertEquals(new BigDecimal(3), j.get("k"));
        assertEquals(new BigDecimal(2), j.get("repeats"));
        assertEquals(new BigDecimal(2), j.get("threads"));
        assertEquals(new BigDecimal(7), j.get("seed"));
        assertEquals("cpu requested", j.get("selection"));
        assertEquals(file.toString(), j.get("a"));
        BigDecimal seconds = (BigDecimal) j.get("seconds");
        assertTrue(seconds.signum() >= 0, r::toString);
        Object gflops = j.get("gflops");
        assertTrue(gflops == null && seconds.signum() == 0 || gflops instanceof BigDecimal g && g.signum() > 0, r::toString);
        assertEquals(0, ((BigDecimal) j.get("upload_seconds")).signum(), "the CPU keeps A where it is");
        assertEquals(0, ((BigDecimal) j.get("transfer_seconds")).signum(), "the CPU copies nothing");
        double[] y = new double[61 * 3];
        Spmm.apply(a, Blocks.random(47, 3, 7L), y, 3, 1);
        assertEquals(Blas.norm2(y, 0, y.length), ((BigDecimal) j.get("y_frobenius")).doubleValue());
    }

    @Test
    void widthOneReportsTheSpmvProductOfTheSeededVector() throws IOException {
        Path file = matrix();
        Cli.Result r = ok("spmm", file.toString(), "--backend", "cpu", "--k", "1", "--repeat", "2", "--seed", "11",
                "--threads", "2", "--json");
        Map<String, Object> j = JsonReader.parseObject(r.out());
        CsrMatrix a = MatrixMarket.readCsr(file);
        double[] y = new double[61];
        org.sparrow.core.ops.Spmv.apply(a, Blocks.random(47, 1, 11L), y, 1); // the vector kernel, one thread
        assertEquals(new BigDecimal(1), j.get("k"));
        assertEquals(Blas.norm2(y), ((BigDecimal) j.get("y_frobenius")).doubleValue(), 0.0,
                "spmm --k 1 is SpMV bit for bit");
    }

    @Test
    void gpuWhereNoneIsUsableExitsOneWithTheReasonOnStderr() throws IOException {
        Availability gpu = Backends.gpu().availability();
        assumeFalse(gpu.available(), "skipped: this machine has a usable GPU");
        Cli.Result r = Cli.run("spmm", matrix().toString(), "--backend", "gpu", "--json");
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r::toString);
        assertEquals("sparrow: the GPU backend was requested (cuda) but cannot run here: " + gpu.reason(), r.errLines()[0]);
    }

    @Test
    void theSystemPropertyChoosesTheBackendAndTheOptionWins() throws IOException {
        assumeFalse(Backends.gpu().availability().available(), "skipped: this machine has a usable GPU");
        Path file = matrix();
        System.setProperty("sparrow.backend", "gpu");
        Cli.Result r = Cli.run("spmm", file.toString());
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("sparrow: the GPU backend was requested"), r::toString);
        Map<String, Object> j = JsonReader.parseObject(ok("spmm", file.toString(), "--backend", "cpu", "--json").out());
        assertEquals("cpu", j.get("backend"));
    }

    @Test
    void autoKeepsASmallProductOnTheCpuAndSaysWhy() throws IOException {
        Map<String, Object> j = JsonReader.parseObject(ok("spmm", matrix().toString(), "--json", "--k", "2").out());
        assertEquals("cpu", j.get("backend"));
        String why = (String) j.get("selection");
        assertTrue(why.startsWith("auto: nnz·k = ") && why.endsWith(" is below the GPU threshold "
                + BackendOptions.DEFAULT_GPU_THRESHOLD), why);
        assertInstanceOf(BigDecimal.class, j.get("threads"));
        if (!Backends.gpu().availability().available()) {
            Map<String, Object> above = JsonReader.parseObject(
                    ok("spmm", matrix().toString(), "--json", "--gpu-threshold", "0").out());
            assertEquals("cpu", above.get("backend"));
            assertTrue(((String) above.get("selection")).contains("but the GPU is unavailable"), above::toString);
        }
    }

    @Test
    void textNamesEachFigure() throws IOException {
        Cli.Result r = ok("spmm", matrix().toString(), "--backend", "cpu", "--k", "4", "--repeat", "1");
        for (String label : new String[] {"backend:", "seconds:", "GFLOP/s:", "upload of A:", "copies of X and Y:",
            "Y = A·X:", "repeats:", "threads:", "‖Y‖_F:"}) {
            assertTrue(r.out().contains(label), label + "\n" + r);
        }
        assertTrue(r.out().contains("cpu (cpu requested)"), r::toString);
        assertTrue(r.out().contains("61x4 (A 61x47"), r::toString);
        assertTrue(r.out().contains("median compute time of 1"), r::toString);
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        String a = matrix().toString();
        String[][] cases = {
            {"--k", "0", "--k must be ≥ 1, got 0"},
            {"--repeat", "0", "--repeat must be ≥ 1, got 0"},
            {"--backend", "tpu", "--backend must be auto, cpu or gpu, got 'tpu'"},
            {"--gpu-threshold", "-1", "--gpu-threshold must be a non-negative integer"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("spmm", a, c[0], c[1]);
            assertEquals(SparrowCli.EXIT_USAGE, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().length, r::toString);
            assertTrue(r.err().contains(c[2]), r::toString);
        }
        assertEquals(SparrowCli.EXIT_USAGE, Cli.run("spmm").exitCode(), "A is missing");
    }

    @Test
    void aMissingFileIsAFailureNamingIt() {
        Cli.Result r = Cli.run("spmm", tmp.resolve("nope.mtx").toString(), "--backend", "cpu");
        assertEquals(SparrowCli.EXIT_FAILURE, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("nope.mtx"), r::toString);
        assertTrue(Files.notExists(tmp.resolve("nope.mtx")));
    }
}
