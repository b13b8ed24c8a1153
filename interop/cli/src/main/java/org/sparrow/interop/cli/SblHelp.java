package org.sparrow.interop.cli;

import java.util.ListResourceBundle;
import java.util.Locale;
import org.sparrow.solvers.sbl.SblMethod;

/**
 * The help text of {@code sparrow sbl --method}, built from the registry {@link SblMethod} so that the
 * help lists exactly the names that parsing accepts and {@code Sbl.solve} dispatches on. Picocli reads
 * it as the command's resource bundle (as {@link SolveHelp} for {@code solve}).
 */
public final class SblHelp extends ListResourceBundle {

    /** The bundle key of the {@code --method} description. */
    static final String METHOD = "sbl.method";

    /** Creates the bundle (picocli does, through {@link java.util.ResourceBundle#getBundle}). */
    public SblHelp() {
    }

    @Override
    protected Object[][] getContents() {
        StringBuilder m = new StringBuilder("The method (default: " + SblCommand.DEFAULTS.method().cliName() + "):");
        for (SblMethod s : SblMethod.values()) {
            m.append(String.format(Locale.ROOT, "%%n  %-8s %s", s.cliName(), s.description().replace("%", "%%")));
        }
        // "%%n" leaves "%n", which picocli reads as a line break; a "%" of a description is doubled to stay one
        return new Object[][] {{METHOD, m.toString()}};
    }
}
