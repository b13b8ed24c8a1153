package org.sparrow.core;

import java.util.Locale;

/**
 * How parallel a call is: {@link #SEQ sequential}, {@link #AUTO automatic}, or {@link #threads(int)
 * n threads} (faer-rs's {@code Par::Seq} / {@code Par::Rayon(n)}). Every threaded kernel takes one;
 * {@link Parallelism} turns it into a thread count for the work at hand.
 *
 * <ul>
 *   <li>{@link #SEQ}: the caller's thread only, no pool.</li>
 *   <li>{@link #AUTO}: one thread below {@link Parallelism#PARALLEL_MIN_WORK} units of work (stored
 *       entries, multiply-adds), else {@link Parallelism#defaultThreads()}.</li>
 *   <li>{@link #threads(int) threads(n)}: exactly n threads whatever the size ({@code threads(1)} is
 *       {@link #SEQ}).</li>
 * </ul>
 */
public sealed interface Par permits Par.Sequential, Par.Automatic, Par.Threads {

    /** On the caller's thread, with no pool. */
    Par SEQ = new Sequential();

    /** Sparrow decides from the size of the work (see {@link #threadsFor(long)}). */
    Par AUTO = new Automatic();

    /**
     * Exactly {@code n} threads.
     *
     * @param n ≥ 1; 1 gives {@link #SEQ}
     * @return the parallelism of exactly {@code n} threads
     * @throws IllegalArgumentException if {@code n < 1}
     */
    static Par threads(int n) {
        Parallelism.checkThreads(n);
        return n == 1 ? SEQ : new Threads(n);
    }

    /**
     * Reads a parallelism as people and the CLI write it: {@code auto}, {@code seq} (or
     * {@code sequential}), or a positive thread count. Case and surrounding blanks do not matter.
     *
     * @param text the text, e.g. {@code "auto"}, {@code "seq"} or {@code "4"}
     * @return the parallelism the text names
     * @throws IllegalArgumentException if the text is none of these (the message quotes it)
     */
    static Par parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "auto":
                return AUTO;
            case "seq":
            case "sequential":
                return SEQ;
            default:
                break;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return threads(n);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("threads must be 'auto', 'seq' or a positive integer, got '" + text + "'");
    }

    /**
     * The thread count for a call doing {@code work} units (stored entries or multiply-adds): 1 for
     * {@link #SEQ}, n for {@code threads(n)}, and for {@link #AUTO} 1 below
     * {@link Parallelism#PARALLEL_MIN_WORK}, else {@link Parallelism#defaultThreads()}.
     *
     * @param work the size of the call, ≥ 0
     * @return ≥ 1
     */
    int threadsFor(long work);

    /** Sequential: one thread. */
    record Sequential() implements Par {
        @Override
        public int threadsFor(long work) {
            return 1;
        }

        @Override
        public String toString() {
            return "seq";
        }
    }

    /** Automatic: decided by the size of the work. */
    record Automatic() implements Par {
        @Override
        public int threadsFor(long work) {
            return work < Parallelism.PARALLEL_MIN_WORK ? 1 : Parallelism.defaultThreads();
        }

        @Override
        public String toString() {
            return "auto";
        }
    }

    /**
     * A fixed thread count.
     *
     * @param count ≥ 1
     */
    record Threads(int count) implements Par {
        /** Checks {@code count ≥ 1}. */
        public Threads {
            Parallelism.checkThreads(count);
        }

        @Override
        public int threadsFor(long work) {
            return count;
        }

        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }
}
