package org.sparrow.benchmarks.sbl;

import org.sparrow.solvers.sbl.SblMethod;

/** What the Kronecker SBL benchmark runs on every trial; the report's rows and the plots' series. */
public enum Method {
    /** Sparrow's classic SBL (Tipping 2001 / Wipf–Rao EM) on the dense A = A₁⊗A₂⊗A₃. */
    CLASSIC("classic", "classic SBL (Sparrow)", SblMethod.CLASSIC),
    /** Sparrow's AM-KroSBL. */
    AM("am", "AM-KroSBL (Sparrow)", SblMethod.AM),
    /** Sparrow's SVD-KroSBL. */
    SVD("svd", "SVD-KroSBL (Sparrow)", SblMethod.SVD),
    /** Sparrow's PC-KroSBL (block sparsity). */
    PC("pc", "PC-KroSBL (Sparrow)", SblMethod.PC),
    /** Least squares on the true support ({@link OracleLeastSquares}). */
    ORACLE("oracle", "oracle LS (true support)", null),
    /** scikit-learn's ARDRegression on the dense A ({@code sbl_ard.py}). */
    ARD("ard", "ARDRegression (scikit-learn)", null);

    private final String key;
    private final String label;
    private final SblMethod sparrow;

    Method(String key, String label, SblMethod sparrow) {
        this.key = key;
        this.label = label;
        this.sparrow = sparrow;
    }

    /** The method's name in the CSV files. */
    public String key() {
        return key;
    }

    /** The method's name in tables and legends. */
    public String label() {
        return label;
    }

    /** Sparrow's method, or {@code null} for the oracle and scikit-learn. */
    public SblMethod sparrow() {
        return sparrow;
    }

    /** Whether the method works on the factors only (cheap at N = 15³), so it runs every trial of every point. */
    public boolean kronecker() {
        return this == AM || this == SVD || this == PC || this == ORACLE;
    }
}
