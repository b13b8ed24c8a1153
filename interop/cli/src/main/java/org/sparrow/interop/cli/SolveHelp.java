package org.sparrow.interop.cli;

import java.util.ListResourceBundle;
import java.util.Locale;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;

/**
 * The help text of {@code sparrow solve --method} and {@code --precond}, built from the registries
 * ({@link SolverMethod}, {@link PreconditionerKind}) so that the help lists exactly what parsing accepts
 * and {@code AutoSolver} runs. Picocli reads it as the command's resource bundle.
 */
public final class SolveHelp extends ListResourceBundle {

    /** The bundle key of the {@code --method} description. */
    static final String METHOD = "solve.method";

    /** The bundle key of the {@code --precond} description. */
    static final String PRECOND = "solve.precond";

    /** Creates the bundle (picocli does, through {@link java.util.ResourceBundle#getBundle}). */
    public SolveHelp() {
    }

    @Override
    protected Object[][] getContents() {
        StringBuilder m = new StringBuilder("The method (default: auto):");
        for (SolverMethod s : SolverMethod.values()) {
            m.append(String.format(Locale.ROOT, "%%n  %-9s %s", s.cliName(), s.description()));
        }
        StringBuilder p = new StringBuilder("The preconditioner, for cg, bicgstab, gmres and minres (default: auto's "
                + "pick with --method auto, which never replaces one named here; else none):");
        for (PreconditionerKind k : PreconditionerKind.named()) {
            p.append(String.format(Locale.ROOT, "%%n  %-9s %s", k.cliName(), k.description()));
        }
        // "%%n" above leaves "%n", which picocli reads as a line break; the text holds no other '%'
        return new Object[][] {{METHOD, m.toString()}, {PRECOND, p.toString()}};
    }
}
