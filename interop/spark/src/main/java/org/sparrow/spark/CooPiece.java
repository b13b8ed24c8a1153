package org.sparrow.spark;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A run of triplets on its way to the row blocks that own them (0-based, global indices), with a
 * tag that fixes where it goes in the order of assembly, so that duplicates are summed in the same
 * order whatever order the tasks run in. Package-private: the shuffled form of
 * {@link DistributedCsrMatrix#fromCoo} and {@link DistributedCsrMatrix#read}.
 */
final class CooPiece implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Order of assembly: smaller first. */
    final long tag;
    final int count;
    final int[] rows;
    final int[] cols;
    final double[] values;

    CooPiece(long tag, int count, int[] rows, int[] cols, double[] values) {
        this.tag = tag;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (count < 0 || rows == null || cols == null || values == null || rows.length < count || cols.length < count
                || values.length < count) {
            throw new InvalidObjectException("a piece of triplets arrived corrupt (" + count + " entries)");
        }
    }
}
