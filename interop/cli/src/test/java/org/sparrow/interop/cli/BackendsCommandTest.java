package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparrow.core.backend.Availability;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.Backends;

class BackendsCommandTest {

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    @Test
    void textListsEachBackendWithItsStateAndTheGpusReason() {
        Cli.Result r = ok("backends");
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("cpu  +available  +Java SpMM kernel \\(org\\.sparrow\\.core\\.ops\\.Spmm\\) on .*"), lines[0]);
        Availability gpu = Backends.gpu().availability();
        String cuda = null;
        for (String line : lines) {
            if (line.startsWith("cuda ")) {
                cuda = line;
            }
        }
        assertTrue(cuda != null, r::toString);
        if (gpu.available()) {
            assertTrue(cuda.matches("cuda +available +.*") && cuda.endsWith(gpu.description()), cuda);
        } else {
            assertTrue(cuda.matches("cuda +unavailable +.*") && cuda.endsWith(gpu.reason()), cuda);
        }
        for (String detail : gpu.details()) {
            assertTrue(r.out().contains("\n" + " ".repeat(19) + detail + "\n"), detail);
        }
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("default: " + BackendOptions.defaults().backend().label()
                + " (-Dsparrow.backend or --backend); auto uses the GPU when nnz·k ≥ "), last);
    }

    @Test
    void jsonHasOneObjectPerBackendAndTheSelectionSettings() {
        Map<String, Object> j = JsonReader.parseObject(ok("backends", "--json").out());
        assertEquals(List.of("backends", "default_backend", "gpu_threshold", "gpu_threshold_measured"), List.copyOf(j.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> backends = (Map<String, Object>) j.get("backends");
        assertEquals(List.of("cpu", "cuda"), List.copyOf(backends.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> cpu = (Map<String, Object>) backends.get("cpu");
        assertEquals(List.of("available", "gpu", "description", "reason", "details"), List.copyOf(cpu.keySet()));
        assertEquals(Boolean.TRUE, cpu.get("available"));
        assertEquals(Boolean.FALSE, cpu.get("gpu"));
        assertInstanceOf(String.class, cpu.get("description"));
        assertNull(cpu.get("reason"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cuda = (Map<String, Object>) backends.get("cuda");
        Availability av = Backends.gpu().availability();
        assertEquals(av.available(), cuda.get("available"));
        assertEquals(Boolean.TRUE, cuda.get("gpu"));
        assertEquals(av.available() ? av.description() : null, cuda.get("description"));
        assertEquals(av.reason(), cuda.get("reason"));
        assertEquals(String.join("; ", av.details()), cuda.get("details"));
        BackendOptions defaults = BackendOptions.defaults();
        assertEquals(defaults.backend().label(), j.get("default_backend"));
        assertEquals(new BigDecimal(defaults.gpuThreshold()), j.get("gpu_threshold"));
        assertEquals(!defaults.isDefaultThreshold(), j.get("gpu_threshold_measured"));
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result r = ok("--help");
        assertTrue(r.out().contains("backends") && r.out().contains("spmm"), r::toString);
    }
}
