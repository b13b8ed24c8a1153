package org.sparrow.interop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in this JVM and captures what it prints. */
final class Cli {

    /** The exit code and the captured stdout and stderr of one run. */
    record Result(int exitCode, String out, String err) {

        /** The stderr lines, without a trailing empty line. */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparrowCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
