package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** What the CLI needs to know about the terminal, and how library log records look on stderr. */
final class Terminal {

    /** Set by the {@code sparrow} launcher to {@code true} or {@code false} ({@code [ -t 2 ]}). */
    static final String STDERR_TTY_PROPERTY = "sparrow.stderr.tty";

    private Terminal() {
    }

    /**
     * Whether this process's stderr is a terminal. {@link System#console()} answers for stdin and
     * stdout, not stderr (so a bar would vanish under {@code --json | jq} and fill a {@code 2>log}
     * file), hence: the launcher's {@value #STDERR_TTY_PROPERTY} when set, else, on Linux, where
     * {@code /proc/self/fd/2} points ({@code /dev/pts/N} or {@code /dev/ttyN}); false when unknown.
     */
    static boolean stderrIsTerminal() {
        String hint = System.getProperty(STDERR_TTY_PROPERTY);
        if (hint != null && !hint.isBlank()) {
            return Boolean.parseBoolean(hint.strip());
        }
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            return Files.isSymbolicLink(fd2) && isTerminalDevice(Files.readSymbolicLink(fd2).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether a device path names a terminal: a pseudo-terminal or a console. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.matches("/dev/tty\\w*") || device.equals("/dev/console");
    }

    /**
     * Makes {@code java.util.logging} records (the library logs a few warnings, such as a GPU that
     * cannot be used) one short line on stderr, {@code sparrow: warning: …}, instead of the default
     * two lines with a time stamp and a class name.
     */
    static void logOneLine() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        StreamHandler h = new StreamHandler(System.err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        root.addHandler(h);
    }

    /** {@code sparrow: warning: message} on one line. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String level = r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() ? "error"
                    : r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() ? "warning" : "note";
            String msg = formatMessage(r);
            msg = msg == null ? "" : msg.strip().replaceAll("\\s*\\R\\s*", " ");
            if (msg.startsWith("Sparrow: ")) { // the library's own prefix, for logs outside the CLI
                msg = msg.substring("Sparrow: ".length());
            }
            return "sparrow: " + level + ": " + msg + System.lineSeparator();
        }
    }
}
