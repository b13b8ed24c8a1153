package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Par}: parsing, validation, and the thread count each kind gives for a size of work. */
class ParTest {

    private String savedProperty;

    @BeforeEach
    void saveProperty() {
        savedProperty = System.getProperty(Parallelism.THREADS_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(Parallelism.THREADS_PROPERTY);
        } else {
            System.setProperty(Parallelism.THREADS_PROPERTY, savedProperty);
        }
    }

    @Test
    void parseReadsAutoSequentialAndThreadCounts() {
        assertSame(Par.AUTO, Par.parse("auto"));
        assertSame(Par.AUTO, Par.parse(" AUTO "));
        assertSame(Par.SEQ, Par.parse("seq"));
        assertSame(Par.SEQ, Par.parse("Sequential"));
        assertSame(Par.SEQ, Par.parse("1"), "one thread is sequential: no pool");
        assertEquals(Par.threads(7), Par.parse("7"));
        assertEquals(new Par.Threads(7), Par.parse(" 7 "));
        assertEquals("7", Par.parse("7").toString());
        assertEquals("auto", Par.AUTO.toString());
        assertEquals("seq", Par.SEQ.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "two", "", "1.5", "99999999999"})
    void parseRefusesAnythingElseQuotingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Par.parse(text));
        assertEquals("threads must be 'auto', 'seq' or a positive integer, got '" + text + "'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Par.parse(null));
    }

    @Test
    void threadCountsBelowOneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Par.threads(0));
        assertEquals("thread count must be ≥ 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Par.Threads(-1));
    }

    @Test
    void threadsForFollowsTheKindAndForAutoTheSizeThreshold() {
        System.setProperty(Parallelism.THREADS_PROPERTY, "3");
        assertEquals(1, Par.SEQ.threadsFor(Long.MAX_VALUE));
        assertEquals(5, Par.threads(5).threadsFor(0), "an explicit count holds whatever the size");
        assertEquals(1, Par.AUTO.threadsFor(Parallelism.PARALLEL_MIN_WORK - 1));
        assertEquals(3, Par.AUTO.threadsFor(Parallelism.PARALLEL_MIN_WORK));
        System.setProperty(Parallelism.THREADS_PROPERTY, "zero");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Par.AUTO.threadsFor(Long.MAX_VALUE));
        assertTrue(e.getMessage().contains(Parallelism.THREADS_PROPERTY), e.getMessage());
    }
}
