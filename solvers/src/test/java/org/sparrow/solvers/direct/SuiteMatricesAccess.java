package org.sparrow.solvers.direct;

import org.sparrow.core.CsrMatrix;

/** The suite matrices for tests in other packages (SuiteMatrices is package-private). */
public final class SuiteMatricesAccess {

    private SuiteMatricesAccess() {
    }

    /**
     * A matrix of the collection by its MANIFEST name; skips (CI: fails) when absent.
     *
     * @param name the MANIFEST name ("small/nos4.mtx")
     * @return the matrix
     */
    public static CsrMatrix read(String name) {
        return SuiteMatrices.read(name);
    }
}
