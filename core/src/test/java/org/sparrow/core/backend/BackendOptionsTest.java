package org.sparrow.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendOptionsTest {

    private String backendBefore;
    private String thresholdBefore;

    @BeforeEach
    void save() {
        backendBefore = System.getProperty(BackendOptions.BACKEND_PROPERTY);
        thresholdBefore = System.getProperty(BackendOptions.GPU_THRESHOLD_PROPERTY);
        System.clearProperty(BackendOptions.BACKEND_PROPERTY);
        System.clearProperty(BackendOptions.GPU_THRESHOLD_PROPERTY);
    }

    @AfterEach
    void restore() {
        restore(BackendOptions.BACKEND_PROPERTY, backendBefore);
        restore(BackendOptions.GPU_THRESHOLD_PROPERTY, thresholdBefore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void defaultsAreAutoWithTheBuiltInThreshold() {
        BackendOptions o = BackendOptions.defaults();
        assertEquals(new BackendOptions(BackendChoice.AUTO, 4_000_000L, 0), o);
        assertTrue(o.isDefaultThreshold());
    }

    @Test
    void systemPropertiesSetTheChoiceAndTheThreshold() {
        System.setProperty("sparrow.backend", " GPU ");
        System.setProperty("sparrow.gpu.threshold", "2.5e6");
        BackendOptions o = BackendOptions.defaults();
        assertEquals(BackendChoice.GPU, o.backend());
        assertEquals(2_500_000L, o.gpuThreshold());
        assertFalse(o.isDefaultThreshold());
        System.setProperty("sparrow.backend", "cpu");
        System.setProperty("sparrow.gpu.threshold", "1_000");
        assertEquals(new BackendOptions(BackendChoice.CPU, 1000, 0), BackendOptions.defaults());
    }

    @Test
    void unreadablePropertiesAreErrorsThatNameThem() {
        System.setProperty("sparrow.backend", "tpu");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BackendOptions::defaults);
        assertEquals("system property sparrow.backend must be auto, cpu or gpu, got 'tpu'", e.getMessage());
        System.clearProperty("sparrow.backend");
        for (String bad : new String[] {"-5", "lots", "1.5", "1e400"}) {
            System.setProperty("sparrow.gpu.threshold", bad);
            e = assertThrows(IllegalArgumentException.class, BackendOptions::defaults, bad);
            assertEquals("system property sparrow.gpu.threshold must be a non-negative integer (nnz·k, e.g. 4000000 or"
                    + " 4e6), got '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void withersChangeOneFieldAndTheRecordChecksItsFields() {
        BackendOptions o = BackendOptions.defaults().withBackend(BackendChoice.CPU).withGpuThreshold(7).withThreads(2);
        assertEquals(new BackendOptions(BackendChoice.CPU, 7, 2), o);
        assertEquals("GPU threshold must be ≥ 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> o.withGpuThreshold(-1)).getMessage());
        assertEquals("thread count must be ≥ 0 (0: the default), got -2",
                assertThrows(IllegalArgumentException.class, () -> o.withThreads(-2)).getMessage());
        assertEquals("backend choice is null",
                assertThrows(IllegalArgumentException.class, () -> o.withBackend(null)).getMessage());
    }

    @Test
    void choicesParseAndPrintInLowerCase() {
        assertEquals(BackendChoice.AUTO, BackendChoice.parse("Auto", "--backend"));
        assertEquals("gpu", BackendChoice.GPU.label());
        assertEquals("--backend must be auto, cpu or gpu, got 'null'",
                assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse(null, "--backend")).getMessage());
    }
}
