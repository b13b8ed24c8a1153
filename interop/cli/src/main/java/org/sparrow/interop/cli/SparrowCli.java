package org.sparrow.interop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Properties;
import org.sparrow.core.io.MatrixMarketException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code sparrow} command: picocli wiring, exit codes and error reporting for the subcommands.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILURE} failure (bad input, I/O),
 * {@value #EXIT_USAGE} usage error, {@value #EXIT_NOT_CONVERGED} a solver did not converge. Every
 * error is one line on stderr, {@code sparrow: <what went wrong>}; {@code --verbose} adds the stack
 * trace. Results go to stdout; so does an output named {@code -} (then the results go to stderr).
 * Running out of memory anywhere is one line too, with the remedy ({@code SPARROW_JAVA_OPTS=-Xmx…}).
 */
@Command(name = "sparrow",
        mixinStandardHelpOptions = true,
        versionProvider = SparrowCli.Version.class,
        description = "Sparse linear algebra from the command line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (bad input, I/O error)",
            "2:usage error",
            "3:a solver did not converge"},
        footer = {"", "Every command accepts --json, --threads N and --verbose; see 'sparrow help COMMAND'."})
public final class SparrowCli {

    /** Exit code: success. */
    public static final int EXIT_OK = 0;
    /** Exit code: the command failed (bad input, I/O error, a library error). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code: the command line itself is wrong (unknown option, missing or bad parameter). */
    public static final int EXIT_USAGE = 2;
    /** Exit code: reserved for a solver that stopped without converging. */
    public static final int EXIT_NOT_CONVERGED = 3;

    /**
     * The subcommands, in the order the help lists them. They are not named in the {@code @Command}
     * annotation because picocli would then build every one's model (reflection over all their
     * options, in a JVM that has not compiled anything yet) on every start, which was half of the
     * start-up time of {@code sparrow --version}; {@link #commandLine} registers only those a
     * command line can reach.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, ConvertCommand.class,
            MultiplyCommand.class, GenerateCommand.class,
            SolveCommand.class, RegressCommand.class, LowrankCommand.class, SblCommand.class,
            EigsCommand.class, SvdsCommand.class,
            OtCommand.class,
            BcdCommand.class,
            MonarchCommand.class, CompleteCommand.class,
            BackendsCommand.class, SpmmCommand.class, CommandLine.HelpCommand.class);

    /** Where an output named {@code -} writes its bytes. */
    private final OutputStream stdout;

    /** Whether stderr is a terminal, so that a progress bar may be drawn on {@link #stderr}. */
    private final boolean stderrTerminal;

    /** The root command; {@code stdout} is where an output named {@code -} writes. */
    SparrowCli(OutputStream stdout, boolean stderrTerminal) {
        this.stdout = stdout;
        this.stderrTerminal = stderrTerminal;
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        Terminal.logOneLine();
        Thread.setDefaultUncaughtExceptionHandler(SparrowCli::uncaught);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = execute(out, System.out, err, Terminal.stderrIsTerminal(), args);
        } catch (OutOfMemoryError e) { // even the report ran short: the plainest print there is
            System.err.println("sparrow: " + outOfMemory());
            code = EXIT_FAILURE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Says on stderr why a computation did not converge and gives the exit status that says so
     * ({@link #EXIT_NOT_CONVERGED}): the report has been printed, the verdict is one sentence.
     *
     * @param err      standard error
     * @param sentence the verdict, one sentence starting with "sparrow…: "
     * @return {@link #EXIT_NOT_CONVERGED}
     */
    static int notConverged(PrintWriter err, String sentence) {
        err.println(sentence);
        err.flush();
        return EXIT_NOT_CONVERGED;
    }

    /**
     * Runs the command line in this JVM, without exiting: what {@link #main} does, for tests and for
     * embedding.
     *
     * @param out  where results go (stdout)
     * @param err  where errors and usage messages go (stderr)
     * @param args the command-line arguments
     * @return the exit code ({@link #EXIT_OK}, {@link #EXIT_FAILURE}, {@link #EXIT_USAGE}, ...)
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, new WriterStream(out), err, false, args);
    }

    /**
     * {@link #execute(PrintWriter, PrintWriter, String...)} with the byte stream that an output named
     * {@code -} writes to, and whether a progress bar may be drawn on {@code err}.
     */
    static int execute(PrintWriter out, OutputStream stdout, PrintWriter err, boolean stderrTerminal, String... args) {
        CommandLine cl = commandLine(new SparrowCli(stdout, stderrTerminal), args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(SparrowCli::handleUsageError);
        cl.setExecutionExceptionHandler(SparrowCli::handleFailure);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // picocli hands only Exceptions to the handler; Errors escape it
            String sentence = outOfMemory();
            err.print("sparrow: ");
            err.println(sentence);
            code = EXIT_FAILURE;
        }
        if (reserve == null) {
            restoreReserve();
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line for {@code args}: the root command with the one subcommand that
     * {@code args[0]} names, none for a lone {@code --version}, and all of them otherwise (the help,
     * the {@code help} command, an unknown command and its suggestions), so every command line
     * parses as it would with all of them registered.
     */
    static CommandLine commandLine(SparrowCli root, String... args) {
        CommandLine cl = new CommandLine(root);
        String first = args.length > 0 ? args[0] : null;
        if (args.length == 1 && ("--version".equals(first) || "-V".equals(first))) {
            return cl;
        }
        List<Class<?>> all = SUBCOMMANDS;
        Iterator<CommandExtension> extensions = ServiceLoader.load(CommandExtension.class).iterator();
        if (extensions.hasNext()) { // a jar that adds commands (sparrow-spark.jar adds `spark`)
            all = new ArrayList<>(SUBCOMMANDS);
            while (extensions.hasNext()) {
                all.add(all.size() - 1, extensions.next().command()); // before `help`, which stays last
            }
        }
        Class<?> named = null;
        for (Class<?> c : all) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && command.name().equals(first) && c != CommandLine.HelpCommand.class) {
                named = c;
            }
        }
        for (Class<?> c : all) {
            if (named == null || c == named) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    /**
     * A worker thread's uncaught failure: an {@link OutOfMemoryError} is left to the command's thread,
     * which reports it in one sentence (allocating nothing here, where memory has just run out);
     * anything else is one line, not a stack trace.
     */
    private static void uncaught(Thread t, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return;
        }
        System.err.println("sparrow: in thread " + t.getName() + ": " + describe(e));
    }

    /** The root command of {@code spec}'s command line: where {@code -} and the terminal flag live. */
    static SparrowCli of(picocli.CommandLine.Model.CommandSpec spec) {
        return (SparrowCli) spec.root().userObject();
    }

    /** The byte stream behind stdout, for an output named {@code -}. */
    OutputStream stdout() {
        return stdout;
    }

    /** Whether stderr is a terminal (a progress bar may be drawn there). */
    boolean stderrTerminal() {
        return stderrTerminal;
    }

    /** The out-of-memory sentence, made at start-up: when it is needed there may be no memory to make it. */
    private static final String OUT_OF_MEMORY = outOfMemoryMessage();

    /** Memory held back at start-up and let go when memory runs out, so that the sentence can be printed. */
    private static volatile byte[] reserve = new byte[1 << 21];

    /**
     * The one sentence for running out of memory; lets go of the reserve, so that printing it succeeds
     * where the heap has just been exhausted.
     */
    static String outOfMemory() {
        reserve = null;
        return OUT_OF_MEMORY;
    }

    /** Holds memory back again after an out-of-memory report (for the next command in this JVM). */
    private static void restoreReserve() {
        try {
            reserve = new byte[1 << 21];
        } catch (OutOfMemoryError e) {
            // still short of memory: the next report goes without a reserve
        }
    }

    /**
     * The sentence: the heap in use and the remedy, the launcher's {@code SPARROW_JAVA_OPTS} with a
     * larger {@code -Xmx} (twice the current heap, in GiB).
     */
    private static String outOfMemoryMessage() {
        long max = Runtime.getRuntime().maxMemory();
        long gib = 1L << 30;
        long suggest = Math.max(2, (2 * max + gib - 1) / gib);
        String heap = max >= gib ? String.format(java.util.Locale.ROOT, "%.1f GiB", (double) max / gib)
                : (max >> 20) + " MiB";
        return "out of memory (the Java heap is " + heap + "); give Java more memory, e.g. SPARROW_JAVA_OPTS=-Xmx"
                + suggest + "g sparrow ...";
    }

    /** A usage error: one line naming the command and the problem, and where to find help. */
    private static int handleUsageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    /** A failure while running a command: one sentence, and the stack trace only with --verbose. */
    private static int handleFailure(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("sparrow: " + describe(ex));
        if (isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(CommonOptions.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** The one-line message for an exception a command let escape. */
    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) { // e.g. wrapped by a parallel task's join
                return outOfMemory();
            }
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            ex = u.getCause();
        }
        String msg = ex.getMessage();
        String text;
        if (ex instanceof MatrixMarketException) {
            text = msg; // already "file, line N: problem"
        } else if (ex instanceof FileSystemException fs) {
            text = (fs.getFile() == null ? "" : fs.getFile() + ": ") + fileProblem(fs)
                    + (fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")");
        } else if (ex instanceof IOException) {
            text = "I/O error: " + (msg == null ? ex.getClass().getSimpleName() : msg);
        } else if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            text = msg == null ? ex.getClass().getSimpleName() : msg;
        } else {
            text = "internal error: " + ex.getClass().getName() + (msg == null ? "" : ": " + msg)
                    + " (run with --verbose for the stack trace)";
        }
        return oneLine(text);
    }

    private static String fileProblem(FileSystemException fs) {
        return switch (fs) {
            case NoSuchFileException e -> e.getReason() != null ? e.getReason() : "no such file or directory";
            case AccessDeniedException e -> e.getReason() != null ? e.getReason() : "permission denied";
            case FileAlreadyExistsException e -> "already exists";
            case DirectoryNotEmptyException e -> "directory not empty";
            case NotDirectoryException e -> "not a directory";
            default -> fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * The version of the CLI, from {@code version.properties}, which Maven fills in with the project
     * version when it builds the jar; plus the Java runtime in use.
     */
    static final class Version implements IVersionProvider {

        /** The Sparrow version, or {@code "unknown"} when the resource is missing or unfiltered. */
        static String sparrowVersion() {
            try (InputStream in = SparrowCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version", "").strip();
                    if (!v.isEmpty() && !v.startsWith("${")) {
                        return v;
                    }
                }
            } catch (IOException e) {
                // fall through
            }
            return "unknown";
        }

        @Override
        public String[] getVersion() {
            return new String[] {
                "sparrow " + sparrowVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
