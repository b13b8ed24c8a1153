package org.sparrow.spark;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A contiguous piece of a distributed vector: entries {@code first .. first + length − 1} of the
 * global vector. A plain {@link Serializable} class (not a record) for the reason given in
 * {@link RowBlock}; checked again after deserialization.
 */
public final class VectorBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The global index of the first entry. */
    private final int first;
    /** The entries. */
    private final double[] values;

    /**
     * A piece starting at global index {@code first}. The array is adopted, not copied.
     *
     * @param first  the global index (0-based) of {@code values[0]}, ≥ 0
     * @param values the entries
     * @throws IllegalArgumentException if {@code first} is negative, {@code values} is null, or the
     *                                  piece would end past the largest int
     */
    public VectorBlock(int first, double[] values) {
        check(first, values);
        this.first = first;
        this.values = values;
    }

    private static void check(int first, double[] values) {
        if (values == null || first < 0 || (long) first + values.length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a vector block needs entries and a first index ≥ 0 that leaves room"
                    + " for them, got first index " + first + (values == null ? " and no entries" : " and "
                    + values.length + " entries"));
        }
    }

    /**
     * The global index (0-based) of the first entry.
     *
     * @return the first index, ≥ 0
     */
    public int first() {
        return first;
    }

    /**
     * The number of entries.
     *
     * @return the length, ≥ 0
     */
    public int length() {
        return values.length;
    }

    /**
     * The entries, shared: read-only.
     *
     * @return the values
     */
    public double[] values() {
        return values;
    }

    /**
     * Reads the piece and checks it again.
     *
     * @param in the stream
     * @throws IOException            if the piece is corrupt ({@link InvalidObjectException}) or reading fails
     * @throws ClassNotFoundException never, for arrays of primitives
     */
    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            check(first, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectException("a vector block arrived corrupt: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "VectorBlock[entries " + (first + 1L) + ".." + ((long) first + values.length) + "]";
    }
}
