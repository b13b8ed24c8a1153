package org.sparrow.benchmarks.kernels;

/** The kernels the suite compares with peers. */
enum Kernel {
    /** Sparse × sparse, {@code C = A·A}. */
    SPGEMM("SpGEMM C = A·A"),
    /** Sparse × vector, {@code y = A·x}. */
    SPMV("SpMV y = A·x"),
    /** Sparse × dense block, {@code Y = A·X} with X of {@code k} columns. */
    SPMM("SpMM Y = A·X");

    private final String title;

    Kernel(String title) {
        this.title = title;
    }

    /** A human title, e.g. "SpMV y = A·x". */
    String title() {
        return title;
    }

    /** The lower-case key used in CSV files and by the scipy script. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
