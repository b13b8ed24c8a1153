package org.sparrow.core.io;

import java.util.List;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

/**
 * A Matrix Market file as read: its header and the whole matrix, with symmetric storage already
 * expanded ({@code a_ji = a_ij}; {@code a_ji = -a_ij} for skew-symmetric).
 *
 * <p>Stored entries are kept as the file gives them, explicit zeros included; duplicates (which
 * the format does not forbid) are kept as separate triplets and summed when the matrix is
 * converted. Array files give every stored value, zeros included, as an entry.
 *
 * @param source the file's name as given, for messages
 * @param header   the banner and size line
 * @param comments the {@code %} comment lines between banner and size line, without the {@code %}
 *                 (and one space after it), in order; pass them to
 *                 {@link MatrixMarketWriteOptions#withComment} to keep them when rewriting
 * @param matrix   every entry, expanded; for {@link MatrixMarket#readPattern} the values are all 1
 */
public record MatrixMarketData(String source, MatrixMarketHeader header, List<String> comments, CooMatrix matrix) {

    /** Copies the comment list, which is then immutable. */
    public MatrixMarketData {
        comments = List.copyOf(comments);
    }

    /** {@return the comments as one text, lines joined by newlines (empty when there are none)} */
    public String commentText() {
        return String.join("\n", comments);
    }

    /** {@return the matrix in canonical CSR form (duplicates summed)} */
    public CsrMatrix toCsr() {
        return matrix.toCsr();
    }
}
