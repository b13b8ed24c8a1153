package org.sparrow.core.io;

import java.io.IOException;

/**
 * A Matrix Market file that cannot be read or written: the message names the file, the 1-based line
 * and the problem, in one sentence ({@code "bad.mtx, line 7: row index 0 is out of range 1..48"}).
 * Nothing half-read is ever returned alongside one.
 */
public final class MatrixMarketException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file's name as the user gave it. */
    private final String file;
    /** The 1-based line, or 0 when no line applies. */
    private final long line;
    /** What is wrong, without the file and line. */
    private final String problem;

    /**
     * An exception whose message is {@code "file, line n: problem"} (without the line part when
     * {@code line} is 0).
     *
     * @param file    the file's name as the user gave it
     * @param line    1-based line number, or 0 when the problem concerns no particular line
     * @param problem what is wrong, without the file and line
     * @param cause   the underlying exception, or {@code null}
     */
    public MatrixMarketException(String file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /**
     * An exception with no cause; see {@link #MatrixMarketException(String, long, String, Throwable)}.
     *
     * @param file    the file's name as the user gave it
     * @param line    1-based line number, or 0 when the problem concerns no particular line
     * @param problem what is wrong, without the file and line
     */
    public MatrixMarketException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    /** {@return the file's name as given} */
    public String file() {
        return file;
    }

    /** {@return the 1-based line the problem was found on, or 0 when no line applies} */
    public long line() {
        return line;
    }

    /** {@return the problem alone, without file and line} */
    public String problem() {
        return problem;
    }
}
