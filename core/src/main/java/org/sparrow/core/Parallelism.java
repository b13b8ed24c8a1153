package org.sparrow.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The one place that decides how many threads Sparrow uses and owns the pool they run in.
 *
 * <p>The default thread count is the system property {@code sparrow.threads} when set (a positive
 * integer), else the number of available processors. A call says how parallel it is with a
 * {@link Par} (sequential, automatic, n threads), resolved here against the size thresholds below;
 * a count of 1 runs inline on the caller's thread, with no pool at all.
 */
public final class Parallelism {

    /** The system property that sets the default thread count. */
    public static final String THREADS_PROPERTY = "sparrow.threads";

    /**
     * Below this much work (stored entries of a sparse operand, times the block width for SpMM;
     * entries of a dense matrix) {@link Par#AUTO} runs on one thread: the pool's hand-offs would
     * cost more than they save.
     */
    public static final int PARALLEL_MIN_WORK = 50_000;

    /**
     * Dense products ({@code core.ops.DenseProducts}) cut a matrix into row chunks of about half
     * this many entries, by shape alone; below it a product is one chunk on the caller's thread.
     */
    public static final long DENSE_CHUNK_MIN_ENTRIES = 1L << 17;

    private Parallelism() {
    }

    /**
     * {@code sparrow.threads} if set, else the available processors.
     *
     * @return the thread count kernels use when a call does not say, ≥ 1
     */
    public static int defaultThreads() {
        String s = System.getProperty(THREADS_PROPERTY);
        if (s == null || s.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be a positive integer, got '"
                + s + "'");
    }

    /**
     * The thread count for a call of {@code work} units as parallel as {@code par} says:
     * {@link Par#threadsFor(long)}, with a clear error for a missing {@code par}.
     *
     * @param par how parallel the call may be
     * @param work the call's work, in the units {@code par}'s threshold counts (usually entries)
     * @return the number of threads to run on, ≥ 1
     * @throws IllegalArgumentException if {@code par} is null
     */
    public static int threads(Par par, long work) {
        if (par == null) {
            throw new IllegalArgumentException("the parallelism is null (use Par.AUTO, Par.SEQ or Par.threads(n))");
        }
        return par.threadsFor(work);
    }

    /**
     * Checks a user-given thread count.
     *
     * @param threads the thread count, ≥ 1
     * @return {@code threads}, unchanged
     * @throws IllegalArgumentException if {@code threads} is below 1, with the value in the message
     */
    public static int checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + threads);
        }
        return threads;
    }

    /**
     * Runs {@code body.accept(t)} for every task index {@code t} in {@code [0, tasks)} on at most
     * {@code threads} threads, and returns when all have finished. Tasks are handed out
     * dynamically, so unequal tasks still balance. The first exception a task throws is rethrown
     * (unchecked exceptions as they are) after the others have stopped.
     *
     * @param threads the most threads to run on, ≥ 1
     * @param tasks number of tasks, ≥ 0
     * @param body what each task does, given its index
     */
    public static void forEachTask(int threads, int tasks, IntConsumer body) {
        forEachWorkerTask(threads, tasks, (worker, task) -> body.accept(task));
    }

    /** A task body that is also told which worker runs it, to index per-worker workspaces. */
    @FunctionalInterface
    public interface WorkerTask {
        /**
         * Runs one task.
         *
         * @param worker the running worker, in {@code [0, min(threads, tasks))}; one worker runs one task at a time
         * @param task   the task index
         */
        void run(int worker, int task);
    }

    /**
     * Like {@link #forEachTask(int, int, IntConsumer)}, but the body also receives the worker index,
     * so a kernel can allocate one workspace per worker ({@link #workers(int, int)} of them) and reuse
     * it across that worker's tasks.
     *
     * @param threads the most threads to run on, ≥ 1
     * @param tasks number of tasks, ≥ 0
     * @param body what each task does, given its index and the index of the worker that runs it
     */
    public static void forEachWorkerTask(int threads, int tasks, WorkerTask body) {
        checkThreads(threads);
        int workers = Math.min(threads, tasks);
        if (workers <= 1) {
            for (int t = 0; t < tasks; t++) {
                body.run(0, t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicInteger workerIds = new AtomicInteger();
        Runnable worker = () -> {
            int id = workerIds.getAndIncrement();
            try {
                for (int t; (t = next.getAndIncrement()) < tasks; ) {
                    body.run(id, t);
                }
            } catch (Throwable e) {
                // Keep the task's own exception (a Future would hand back a wrapped copy) and stop the others.
                firstFailure.compareAndSet(null, e);
                next.set(tasks);
            }
        };
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            futures.add(Holder.POOL.submit(worker));
        }
        worker.run(); // the caller works too
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                firstFailure.compareAndSet(null, e.getCause()); // unreachable: the worker catches everything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                firstFailure.compareAndSet(null, e);
            }
        }
        Throwable failure = firstFailure.get();
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("a parallel task failed", failure);
        }
    }

    /**
     * How many workers {@code forEachTask(threads, tasks, …)} uses: {@code min(threads, tasks)}, at least 1.
     *
     * @param threads the most threads to run on, ≥ 1
     * @param tasks number of tasks, ≥ 0
     * @return the number of workers
     */
    public static int workers(int threads, int tasks) {
        return Math.max(1, Math.min(checkThreads(threads), tasks));
    }

    /**
     * The pool, created on first use (Lucene's holder idiom), one thread per processor: task counts
     * above that queue, and the calling thread always works too. Sized without reading the
     * property, so a bad {@code sparrow.threads} cannot break the class for good.
     */
    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
                pool -> {
                    var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setName("sparrow-worker-" + t.getPoolIndex());
                    t.setDaemon(true);
                    return t;
                }, null, false);
    }
}
