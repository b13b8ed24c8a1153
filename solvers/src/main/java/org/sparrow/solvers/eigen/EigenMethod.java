package org.sparrow.solvers.eigen;

/** The algorithm that produced an {@link EigenResult} or {@link SvdsResult}. */
public enum EigenMethod {
    /** Symmetric Krylov–Schur (thick-restart Lanczos with full re-orthogonalization). */
    LANCZOS("lanczos"),
    /** Nonsymmetric Krylov–Schur (restarted Arnoldi through Stewart's Krylov decompositions). */
    ARNOLDI("arnoldi"),
    /** Locally optimal block preconditioned conjugate gradients. */
    LOBPCG("lobpcg"),
    /** Golub–Kahan–Lanczos bidiagonalization with thick restarts, for singular values. */
    GOLUB_KAHAN("golub-kahan");

    private final String displayName;

    EigenMethod(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The name in results and the CLI's JSON.
     *
     * @return the lower-case name
     */
    public String displayName() {
        return displayName;
    }
}
