package org.sparrow.solvers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.precond.Amg;
import org.sparrow.solvers.precond.AmgOptions;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.solvers.precond.Ilu0;
import org.sparrow.solvers.precond.Iluk;
import org.sparrow.solvers.precond.Ilut;
import org.sparrow.solvers.precond.Jacobi;
import org.sparrow.solvers.precond.Preconditioner;
import org.sparrow.solvers.precond.Ssor;

/**
 * The preconditioners a solve can be asked for by name: the one registry (in the style of PETSc's
 * {@code PCRegister}) that the CLI's {@code --precond}, its help, {@link AutoSolver} and
 * {@link SolverResult#preconditioner()} all read. Each constant knows its CLI name, the name messages
 * use, one line of description, and how to build itself from a matrix.
 */
public enum PreconditionerKind {
    /** No preconditioner (M = I). */
    NONE("none", "none", "no preconditioner", a -> null),
    /** {@link Jacobi}: M = diag(A); needs every diagonal entry stored and nonzero. */
    JACOBI("jacobi", "Jacobi", "M = diag(A); needs a nonzero diagonal", Jacobi::of),
    /** {@link Ssor} with ω = {@value AutoSolver#SSOR_OMEGA} (symmetric Gauss–Seidel). */
    SSOR("ssor", "SSOR", "symmetric Gauss–Seidel (SSOR, ω = 1); needs a nonzero diagonal",
            a -> Ssor.of(a, AutoSolver.SSOR_OMEGA)),
    /** {@link Ilu0}: incomplete LU on the pattern of A; needs every diagonal entry stored. */
    ILU0("ilu0", "ILU(0)", "incomplete LU on the pattern of A, for a nonsymmetric A; needs a stored diagonal",
            Ilu0::of),
    /** {@link Ic0}: incomplete Cholesky on the pattern of A, for a symmetric positive definite A. */
    IC0("ic0", "IC(0)", "incomplete Cholesky on the pattern of A, for a symmetric positive definite A", Ic0::of),
    /**
     * {@link Ilut}: dual-threshold incomplete LU, ILUT(τ, p), τ and p from
     * {@link PreconditionerOptions#ilut()}.
     */
    ILUT("ilut", "ILUT", "dual-threshold incomplete LU, ILUT(τ, p): drops below τ·‖row‖, keeps the p largest per row",
            (a, o) -> Ilut.of(a, o.ilut())),
    /** {@link Iluk}: incomplete LU with level of fill k, k from {@link PreconditionerOptions#iluk()}. */
    ILUK("iluk", "ILU(k)", "incomplete LU with level of fill k (ILU(0) when k = 0)", (a, o) -> Iluk.of(a, o.iluk())),
    /**
     * {@link Amg}: one smoothed-aggregation algebraic multigrid V-cycle with {@link AmgOptions#defaults()},
     * for a symmetric positive definite A from an elliptic PDE (and, without guarantees, GMRES on others).
     */
    AMG("amg", "AMG", "smoothed-aggregation algebraic multigrid (one V-cycle), for a symmetric positive definite A",
            a -> Amg.of(a)),
    /**
     * A preconditioner supplied by the caller to a Krylov solver (not one of the above); it cannot be
     * asked for by name.
     */
    CUSTOM("custom", "custom", "a preconditioner supplied by the calling program",
            (BiFunction<CsrMatrix, PreconditionerOptions, Preconditioner>) null);

    private final String cliName;
    private final String displayName;
    private final String description;
    private final BiFunction<CsrMatrix, PreconditionerOptions, Preconditioner> builder;

    /** A kind without parameters. */
    PreconditionerKind(String cliName, String displayName, String description,
                       Function<CsrMatrix, Preconditioner> builder) {
        this(cliName, displayName, description, builder == null ? null : (a, o) -> builder.apply(a));
    }

    /** A kind whose parameters come from {@link PreconditionerOptions}. */
    PreconditionerKind(String cliName, String displayName, String description,
                       BiFunction<CsrMatrix, PreconditionerOptions, Preconditioner> builder) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.description = description;
        this.builder = builder;
    }

    /** {@return the lower-case name of the CLI and the JSON output ("none", "jacobi", "ssor", "ilu0", "ic0", "ilut", "iluk", "amg", "custom")} */
    public String cliName() {
        return cliName;
    }

    /** {@return the name in messages and reports ("Jacobi", "SSOR", "ILU(0)", "IC(0)", "AMG")} */
    public String displayName() {
        return displayName;
    }

    /**
     * One line for the CLI help.
     *
     * @return a one-line description for the CLI help
     */
    public String description() {
        return description;
    }

    /** {@return whether this kind can be asked for by name (every kind but {@link #CUSTOM})} */
    public boolean isNamed() {
        return builder != null;
    }

    /**
     * Builds this preconditioner for {@code a}.
     *
     * @param a Input: a square matrix
     * @return the preconditioner, or {@code null} for {@link #NONE}
     * @throws IllegalArgumentException when it cannot be built for {@code a} (the message says why), or
     *                                  for {@link #CUSTOM}
     */
    public Preconditioner build(CsrMatrix a) {
        return build(a, PreconditionerOptions.defaults());
    }

    /**
     * Builds this preconditioner for {@code a} with the parameters in {@code options} (each kind reads
     * its own part).
     *
     * @param a       Input: a square matrix
     * @param options the parameters; null means {@link PreconditionerOptions#defaults()}
     * @return the preconditioner, or {@code null} for {@link #NONE}
     * @throws IllegalArgumentException when it cannot be built for {@code a} (the message says why), or
     *                                  for {@link #CUSTOM}
     */
    public Preconditioner build(CsrMatrix a, PreconditionerOptions options) {
        if (builder == null) {
            throw new IllegalArgumentException("a custom preconditioner cannot be built by name");
        }
        return builder.apply(a, options == null ? PreconditionerOptions.defaults() : options);
    }

    /** {@return every kind that can be asked for by name, in order} */
    public static List<PreconditionerKind> named() {
        List<PreconditionerKind> l = new ArrayList<>();
        for (PreconditionerKind k : values()) {
            if (k.isNamed()) {
                l.add(k);
            }
        }
        return l;
    }

    /** {@return the names that {@link #parse} accepts, comma-separated: "none, jacobi, ssor, ilu0, ic0, ilut, iluk, amg"} */
    public static String names() {
        StringBuilder s = new StringBuilder();
        for (PreconditionerKind k : named()) {
            s.append(s.isEmpty() ? "" : ", ").append(k.cliName);
        }
        return s.toString();
    }

    /**
     * Parses a CLI name, case-insensitively; the error lists the valid names.
     *
     * @param name the name, e.g. {@code "ilu0"}
     * @return the kind it names
     * @throws IllegalArgumentException for an unknown name (or "custom")
     */
    public static PreconditionerKind parse(String name) {
        if (name != null) {
            String n = name.trim();
            for (PreconditionerKind k : named()) {
                if (k.cliName.equalsIgnoreCase(n)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown preconditioner '" + name + "': expected one of " + names());
    }
}
