package org.sparrow.solvers.ot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The entropic optimal transport algorithms {@link EntropicOt} runs; their CLI names are the registry. */
public enum OtMethod {
    /** Log-domain Sinkhorn scaling only (alternating row and column potential updates). */
    SINKHORN("sinkhorn"),
    /** Sinkhorn-Newton-Sparse (Tang et al., ICLR 2024): Sinkhorn steps, then sparsified Newton steps. */
    SNS("sns");

    private final String cliName;

    OtMethod(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used by the CLI and the JSON output: "sinkhorn" or "sns"} */
    public String cliName() {
        return cliName;
    }

    /**
     * The method a CLI name stands for (case and surrounding blanks do not matter).
     *
     * @param s the name, e.g. "sns"
     * @return the method
     * @throws IllegalArgumentException if the name is none of the methods (the message lists them)
     */
    public static OtMethod fromCliName(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (OtMethod m : values()) {
            if (m.cliName.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown transport method '" + s + "' (expected one of "
                + Arrays.stream(values()).map(OtMethod::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
