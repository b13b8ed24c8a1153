package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The thread-count policy, {@link Par} (parsing, validation, thread counts) and {@link Parallelism#forEachTask}. */
class ParallelismTest {

    private static final int[] THREADS = {1, 2, 7};
    private static final int[] TASKS = {0, 1, 100};

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

    // ---- forEachTask ----

    @Test
    void forEachTaskRunsEveryTaskExactlyOnce() {
        for (int threads : THREADS) {
            for (int tasks : TASKS) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                AtomicInteger outOfRange = new AtomicInteger();
                Parallelism.forEachTask(threads, tasks, t -> {
                    if (t < 0 || t >= tasks) {
                        outOfRange.incrementAndGet();
                    } else {
                        runs.incrementAndGet(t);
                    }
                });
                assertEquals(0, outOfRange.get(), threads + " threads, " + tasks + " tasks: index out of range");
                for (int t = 0; t < tasks; t++) {
                    assertEquals(1, runs.get(t), threads + " threads, " + tasks + " tasks: task " + t);
                }
            }
        }
    }

    @Test
    void forEachTaskReturnsOnlyAfterSlowTasksHaveFinished() {
        for (int threads : THREADS) {
            AtomicInteger done = new AtomicInteger();
            Parallelism.forEachTask(threads, 24, t -> {
                try {
                    Thread.sleep(t % 3 == 0 ? 5 : 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            });
            assertEquals(24, done.get(), threads + " threads");
        }
    }

    @Test
    void oneThreadRunsInlineOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallelism.forEachTask(1, 50, t -> seen.add(Thread.currentThread()));
        assertEquals(Set.of(caller), seen);
        seen.clear();
        Parallelism.forEachTask(7, 1, t -> seen.add(Thread.currentThread()));
        assertEquals(Set.of(caller), seen, "a single task needs no pool either");
    }

    @Test
    void forEachTaskUsesAtMostTheRequestedNumberOfThreads() {
        for (int threads : new int[] {2, 3}) {
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            Parallelism.forEachTask(threads, 60, t -> {
                seen.add(Thread.currentThread());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(seen.size() <= threads, threads + " threads requested, ran on " + seen);
        }
    }

    /**
     * Runs {@code threads} tasks where the first task to start on a pool thread throws {@code boom};
     * with one thread the (only) caller-thread task throws. Tasks on the caller's thread wait until
     * the pool task has thrown, so the failure happens on a pool thread for every {@code threads > 1}.
     */
    private static void runWithOneFailingTask(int threads, Throwable boom) throws InterruptedException {
        Thread caller = Thread.currentThread();
        CountDownLatch thrown = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        Parallelism.forEachTask(threads, threads, t -> {
            boolean onCaller = Thread.currentThread() == caller;
            if (threads == 1 || (!onCaller && once.compareAndSet(false, true))) {
                thrown.countDown();
                sneakyThrow(boom);
            }
            if (onCaller) {
                try {
                    thrown.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void forEachTaskRethrowsATasksRuntimeExceptionAsItIs() {
        // Also when the task ran on a pool thread: the caller must get the task's own exception
        // (same instance, same message), not a copy or a wrapper.
        for (int threads : THREADS) {
            IllegalStateException boom = new IllegalStateException("task failed on purpose");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> runWithOneFailingTask(threads, boom), threads + " threads");
            assertEquals("task failed on purpose", thrown.getMessage(), threads + " threads: message");
            assertSame(boom, thrown, threads + " threads: the task's own exception");
        }
    }

    @Test
    void forEachTaskRethrowsAnErrorAsItIs() {
        for (int threads : THREADS) {
            AssertionError boom = new AssertionError("task failed on purpose");
            AssertionError thrown = assertThrows(AssertionError.class,
                    () -> runWithOneFailingTask(threads, boom), threads + " threads");
            assertSame(boom, thrown, threads + " threads: the task's own error, message '" + thrown.getMessage() + "'");
        }
    }

    @Test
    void forEachTaskRethrowsAnExceptionFromAnyTaskIndex() {
        // The failing task is 37 of 100: whichever thread runs it, the caller sees its type and message.
        for (int threads : THREADS) {
            var thrown = assertThrows(IllegalStateException.class,
                    () -> Parallelism.forEachTask(threads, 100, t -> {
                        if (t == 37) {
                            throw new IllegalStateException("task 37 failed");
                        }
                    }), threads + " threads");
            assertTrue(thrown.getMessage().contains("task 37 failed"), thrown.getMessage());
        }
    }

    @Test
    void forEachTaskStillWorksAfterATaskFailed() {
        assertThrows(RuntimeException.class, () -> Parallelism.forEachTask(2, 10, t -> {
            throw new RuntimeException("first call fails");
        }));
        AtomicIntegerArray runs = new AtomicIntegerArray(40);
        Parallelism.forEachTask(2, 40, runs::incrementAndGet);
        for (int t = 0; t < 40; t++) {
            assertEquals(1, runs.get(t), "task " + t);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void forEachTaskRejectsFewerThanOneThread(int threads) {
        AtomicInteger ran = new AtomicInteger();
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.forEachTask(threads, 5, t -> ran.incrementAndGet()));
        assertTrue(e.getMessage().contains("thread count") && e.getMessage().contains(Integer.toString(threads)),
                e.getMessage());
        assertEquals(0, ran.get(), "nothing runs");
        assertThrows(IllegalArgumentException.class, () -> Parallelism.checkThreads(threads));
    }

    @Test
    void checkThreadsReturnsAValidCount() {
        assertEquals(1, Parallelism.checkThreads(1));
        assertEquals(64, Parallelism.checkThreads(64));
    }

    // ---- defaultThreads ----

    @Test
    void defaultThreadsIsTheProcessorCountWhenThePropertyIsUnsetOrBlank() {
        System.clearProperty(Parallelism.THREADS_PROPERTY);
        assertEquals(Runtime.getRuntime().availableProcessors(), Parallelism.defaultThreads());
        System.setProperty(Parallelism.THREADS_PROPERTY, "  ");
        assertEquals(Runtime.getRuntime().availableProcessors(), Parallelism.defaultThreads());
    }

    @Test
    void defaultThreadsHonoursTheProperty() {
        assertEquals("sparrow.threads", Parallelism.THREADS_PROPERTY);
        System.setProperty(Parallelism.THREADS_PROPERTY, "3");
        assertEquals(3, Parallelism.defaultThreads());
        System.setProperty(Parallelism.THREADS_PROPERTY, " 5 ");
        assertEquals(5, Parallelism.defaultThreads(), "surrounding blanks are ignored");
        System.setProperty(Parallelism.THREADS_PROPERTY, "1");
        assertEquals(1, Parallelism.defaultThreads());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "abc", "1.5", "4 threads", "99999999999"})
    void defaultThreadsRejectsABadValueNamingTheProperty(String value) {
        System.setProperty(Parallelism.THREADS_PROPERTY, value);
        var e = assertThrows(IllegalArgumentException.class, Parallelism::defaultThreads);
        assertTrue(e.getMessage().contains("sparrow.threads"), e.getMessage());
        assertTrue(e.getMessage().contains(value), "the bad value is quoted: " + e.getMessage());
    }

    // ---- Par ----

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
