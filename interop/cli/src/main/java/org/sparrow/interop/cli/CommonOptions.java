package org.sparrow.interop.cli;

import java.util.function.Supplier;
import org.sparrow.core.Parallelism;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every {@code sparrow} command accepts: {@code --json}, {@code --threads N}, {@code --verbose}. */
public final class CommonOptions {

    /** The long name of the verbose option, which the error handler looks for. */
    static final String VERBOSE = "--verbose";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--json", description = "Print one JSON object with snake_case keys instead of text.")
    boolean json;

    @Option(names = VERBOSE, description = "On failure, print the stack trace after the message.")
    boolean verbose;

    private int threads;

    /** Creates the mixin (picocli instantiates it). */
    public CommonOptions() {
    }

    /**
     * {@code --threads N}: checks {@code N ≥ 1} (a usage error otherwise) and sets the
     * {@code sparrow.threads} system property that {@link Parallelism#defaultThreads()} reads.
     */
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parallel work, ≥ 1 (default: all cores; sets -Dsparrow.threads).")
    void setThreads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be ≥ 1, got " + n);
        }
        threads = n;
        System.setProperty(Parallelism.THREADS_PROPERTY, Integer.toString(n));
    }

    /**
     * Runs an options record's checked update ({@code withX}) for {@code option}: the record's own
     * {@link IllegalArgumentException} becomes a usage error (exit 2) naming the option, so that the
     * ranges live in the record alone.
     *
     * @param spec   the command whose option it is
     * @param option the option's name, e.g. {@code --tol}
     * @param update the checked update or parse
     * @return what {@code update} returns
     */
    static <T> T valid(CommandSpec spec, String option, Supplier<T> update) {
        try {
            return update.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /**
     * Checks that at most one of a command's inputs reads standard input ({@code -}): the stream can be
     * read once, so a second {@code -} would find it empty. A usage error (exit 2) naming both otherwise.
     *
     * @param spec   the command
     * @param labels the inputs' names as the help shows them ("A", "--rhs"), in the order of {@code inputs}
     * @param inputs the inputs, {@code null} for one not given
     */
    static void checkOneStdin(CommandSpec spec, String[] labels, java.nio.file.Path... inputs) {
        String first = null;
        for (int k = 0; k < inputs.length; k++) {
            if (org.sparrow.core.io.MatrixMarket.STDIN.equals(inputs[k])) {
                if (first != null) {
                    throw new ParameterException(spec.commandLine(), first + " and " + labels[k]
                            + " cannot both read standard input ('-'): it can be read once; name a file for one of them");
                }
                first = labels[k];
            }
        }
    }

    /** The thread count given with {@code --threads}, or 0 when none was given. */
    int threads() {
        return threads;
    }
}
