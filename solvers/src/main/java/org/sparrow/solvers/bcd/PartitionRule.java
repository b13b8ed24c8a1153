package org.sparrow.solvers.bcd;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the coordinates are grouped into blocks (Nutini, Laradji and Schmidt, JMLR 2022, the practical issues of
 * block partitioning: fixed partitions order, sort and average, and variable blocks).
 */
public enum PartitionRule {
    /** Fixed blocks of consecutive coordinates in index order. */
    ORDER("order"),
    /** Fixed blocks of consecutive coordinates after sorting by coordinate Lipschitz constant (largest first). */
    SORT("sort"),
    /**
     * Fixed blocks that mix large and small coordinate Lipschitz constants: after sorting, each block takes
     * its coordinates alternately from the largest and the smallest remaining ones, so that the blocks
     * have similar average constants.
     */
    AVERAGE("avg"),
    /** Variable blocks: any {@code blockSize} coordinates may form the block of an iteration. */
    VARIABLE("variable");

    private final String cliName;

    PartitionRule(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used on the command line and in JSON output} */
    public String cliName() {
        return cliName;
    }

    /**
     * The constant with the given command-line name.
     *
     * @param s a command-line name, e.g. {@code "sort"}
     * @return the constant
     * @throws IllegalArgumentException naming the valid choices when {@code s} is none of them
     */
    public static PartitionRule fromCliName(String s) {
        for (PartitionRule v : values()) {
            if (v.cliName.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown partition rule '" + s + "'; valid: "
                + Arrays.stream(values()).map(PartitionRule::cliName).collect(Collectors.joining(", ")));
    }
}
