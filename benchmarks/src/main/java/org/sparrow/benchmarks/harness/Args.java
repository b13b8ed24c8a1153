package org.sparrow.benchmarks.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A suite's command line: at most one leading positional argument (the results folder), flags
 * ({@code --quick}), options with a value ({@code --threads 2}) and options whose value may be left out
 * ({@code --check [BASELINE]}: the next argument is its value unless it starts with {@code --}). Every
 * mistake — an unknown argument, a missing or malformed value, a value out of range — is an
 * {@link UsageError} naming the option and what it needs; the suite prints it with its usage and exits 2.
 *
 * <pre>{@code
 * Args a = Args.spec("KernelSuite", USAGE).flags("--quick").options("--threads").parse(args);
 * int threads = a.integer("--threads", 2, 1);
 * }</pre>
 */
public final class Args {

    /** A command-line mistake; the message names the argument and what was wrong. */
    public static final class UsageError extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String usage;

        UsageError(String message, String usage) {
            super(message);
            this.usage = usage;
        }

        /** The suite's usage text. */
        public String usage() {
            return usage;
        }
    }

    /**
     * What a suite accepts.
     *
     * @param program        the suite's name for messages
     * @param usage          its usage text
     * @param flags          options without a value
     * @param options        options that need a value
     * @param optionalValues options whose value may be left out
     * @param positional     the name of the one leading positional argument, or {@code null} for none
     */
    public record Spec(String program, String usage, Set<String> flags, Set<String> options, Set<String> optionalValues,
                       String positional) {

        /** Adds flags. */
        public Spec flags(String... names) {
            return new Spec(program, usage, union(flags, names), options, optionalValues, positional);
        }

        /** Adds options that need a value. */
        public Spec options(String... names) {
            return new Spec(program, usage, flags, union(options, names), optionalValues, positional);
        }

        /** Adds options whose value may be left out. */
        public Spec optionalValues(String... names) {
            return new Spec(program, usage, flags, options, union(optionalValues, names), positional);
        }

        /** Accepts one leading positional argument, called {@code name} in messages. */
        public Spec positional(String name) {
            return new Spec(program, usage, flags, options, optionalValues, name);
        }

        /**
         * Parses {@code argv}.
         *
         * @param argv Input: the arguments
         * @return the parsed arguments
         * @throws UsageError on an unknown argument or a missing value
         */
        public Args parse(String... argv) {
            Map<String, String> values = new HashMap<>();
            String pos = null;
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                if (flags.contains(a)) {
                    values.put(a, "");
                } else if (options.contains(a)) {
                    if (i + 1 >= argv.length) {
                        throw new UsageError(a + " needs a value", usage);
                    }
                    values.put(a, argv[++i]);
                } else if (optionalValues.contains(a)) {
                    boolean hasValue = i + 1 < argv.length && !argv[i + 1].startsWith("--");
                    values.put(a, hasValue ? argv[++i] : "");
                } else if (i == 0 && positional != null && !a.startsWith("--")) {
                    pos = a;
                } else {
                    throw new UsageError("unknown argument '" + a + "'", usage);
                }
            }
            return new Args(this, values, pos);
        }

        /**
         * Parses {@code argv}, or on a mistake prints "PROGRAM: what was wrong" and the usage to standard
         * error and exits with status 2; {@code --help} prints the usage and exits with 0.
         *
         * @param argv Input: the arguments
         * @return the parsed arguments
         */
        public Args parseOrExit(String... argv) {
            return parseOrExit(argv, a -> a);
        }

        /**
         * Parses {@code argv} and turns the arguments into the suite's options, or on a mistake (an
         * {@link IllegalArgumentException} from either) prints "PROGRAM: what was wrong" and the usage to
         * standard error and exits with status 2; {@code --help} prints the usage and exits with 0.
         *
         * @param argv    Input: the arguments
         * @param options makes the suite's options from the parsed arguments, checking their values
         * @param <T> the suite's options type
         * @return the options
         */
        public <T> T parseOrExit(String[] argv, Function<Args, T> options) {
            if (wantsHelp(argv)) {
                System.out.println(usage);
                System.exit(0);
            }
            try {
                return options.apply(parse(argv));
            } catch (IllegalArgumentException e) {
                System.err.println(program + ": " + e.getMessage());
                System.err.println(usage);
                System.exit(2);
                throw e;
            }
        }

        private static Set<String> union(Set<String> set, String[] names) {
            Set<String> s = new LinkedHashSet<>(set);
            s.addAll(Arrays.asList(names));
            return Set.copyOf(s);
        }
    }

    private final Spec spec;
    private final Map<String, String> values;
    private final String positional;

    private Args(Spec spec, Map<String, String> values, String positional) {
        this.spec = spec;
        this.values = values;
        this.positional = positional;
    }

    /**
     * Starts a specification.
     *
     * @param program the suite's name for messages
     * @param usage   its usage text, printed with every mistake
     * @return a specification accepting nothing yet
     */
    public static Spec spec(String program, String usage) {
        return new Spec(program, usage, Set.of(), Set.of(), Set.of(), null);
    }

    /** Whether {@code --help} or {@code -h} is among the arguments (checked before parsing). */
    public static boolean wantsHelp(String... argv) {
        return Arrays.asList(argv).contains("--help") || Arrays.asList(argv).contains("-h");
    }

    /** Whether the flag or option was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value, or {@code fallback} when it was not given (or, for an optional value, left out). */
    public String string(String name, String fallback) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** The option's value as a path, or {@code fallback}. */
    public Path path(String name, Path fallback) {
        String v = string(name, null);
        return v == null ? fallback : Path.of(v);
    }

    /** The option's comma-separated values (blank parts dropped), or an empty list. */
    public List<String> list(String name) {
        String v = string(name, null);
        return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The positional argument as a path, or {@code fallback}. */
    public Path positional(Path fallback) {
        return positional == null ? fallback : Path.of(positional);
    }

    /**
     * The option's integer value, or {@code fallback}.
     *
     * @throws UsageError if the value is not an integer or is below {@code min}
     */
    public int integer(String name, int fallback, int min) {
        return checked(name, fallback, Integer::valueOf, x -> x >= min, "an integer ≥ " + min);
    }

    /**
     * The option's positive integer values, comma-separated, or {@code fallback}.
     *
     * @throws UsageError if a value is not a positive integer
     */
    public int[] integers(String name, int[] fallback) {
        List<String> parts = list(name);
        if (!has(name)) {
            return fallback;
        }
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(parts.get(i));
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
            if (out[i] < 1) {
                throw new UsageError(name + " needs positive integers, not '" + parts.get(i) + "'", spec.usage());
            }
        }
        if (out.length == 0) {
            throw new UsageError(name + " needs positive integers, not '" + string(name, "") + "'", spec.usage());
        }
        return out;
    }

    /**
     * The option's value as a number greater than {@code above}, or {@code fallback}.
     *
     * @throws UsageError if the value is not a number greater than {@code above}
     */
    public double number(String name, double fallback, double above) {
        String bound = above == Math.rint(above) ? Long.toString((long) above) : Double.toString(above);
        return checked(name, fallback, Double::valueOf, x -> x > above, "a number > " + bound);
    }

    /** The option's value parsed and checked, or {@code fallback}; a usage error saying what it {@code needs}. */
    private <T> T checked(String name, T fallback, Function<String, T> parse, Predicate<T> ok, String needs) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            T x = parse.apply(v.strip());
            if (ok.test(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(name + " needs " + needs + ", not '" + v + "'", spec.usage());
    }

    /** The suite's name. */
    public String program() {
        return spec.program();
    }
}
