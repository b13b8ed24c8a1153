package org.sparrow.benchmarks.kernels;

/**
 * An implementation measured by the suite: a Sparrow variant or a peer, with how many threads it
 * uses ({@code T} is the suite's thread count, 2 by default).
 */
enum Impl {
    /** Sparrow on T threads; SpGEMM output sorted (canonical). */
    SPARROW("Sparrow", true, true),
    /** Sparrow on T threads; SpGEMM output unsorted (the like-for-like comparison with EJML and scipy). */
    SPARROW_UNSORTED("Sparrow unsorted", true, true),
    /** Sparrow on 1 thread; SpGEMM output sorted. */
    SPARROW_1T("Sparrow 1T", false, true),
    /** Sparrow on 1 thread; SpGEMM output unsorted. */
    SPARROW_1T_UNSORTED("Sparrow 1T unsorted", false, true),
    /** EJML 0.46 {@code CommonOps_DSCC}, single-threaded, CSC. */
    EJML("EJML", false, false),
    /** EJML 0.46 {@code CommonOps_MT_DSCC}, its multithreaded twin, on T threads. */
    EJML_MT("EJML-MT", true, false),
    /** ojAlgo 55 {@code SparseStore × SparseStore}. */
    OJALGO("ojAlgo", false, false),
    /** Apache Commons Math 3.6.1 {@code OpenMapRealMatrix}, in a child JVM with a time cap. */
    COMMONS_MATH("Commons Math", false, false),
    /** MTJ 1.0.4 {@code CompRowMatrix}. */
    MTJ("MTJ", false, false),
    /** scipy.sparse via python3 ({@code A @ A}, {@code A @ x}, {@code A @ X}), single-threaded. */
    SCIPY("scipy", false, false);

    private final String label;
    private final boolean multiThreaded;
    private final boolean sparrow;

    Impl(String label, boolean multiThreaded, boolean sparrow) {
        this.label = label;
        this.multiThreaded = multiThreaded;
        this.sparrow = sparrow;
    }

    /** The column label, e.g. "EJML-MT". */
    String label() {
        return label;
    }

    /** Threads this implementation runs on when the suite's thread count is {@code threads}. */
    int threads(int threads) {
        return multiThreaded ? threads : 1;
    }

    /** Whether this is one of Sparrow's variants. */
    boolean isSparrow() {
        return sparrow;
    }

    /** The lower-case key used in CSV files. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
