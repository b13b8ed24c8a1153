package org.sparrow.core.io;

import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;

/**
 * How {@link MatrixMarket#write} writes a matrix.
 *
 * @param format    {@link Format#COORDINATE} (default) or {@link Format#ARRAY}
 * @param field     {@link Field#REAL} (default); {@link Field#INTEGER} (every value must be an
 *                  integer); {@link Field#PATTERN} (values dropped, structure only)
 * @param symmetric write only the lower triangle, declaring {@code symmetric} — or
 *                  {@code skew-symmetric} when A = −Aᵀ and A ≠ Aᵀ; refused with a clear
 *                  message when the matrix is neither
 * @param comment   text for {@code %} comment lines after the banner (may hold newlines), or
 *                  {@code null} for none
 */
public record MatrixMarketWriteOptions(Format format, Field field, boolean symmetric, String comment) {

    /** Checks the combination. */
    public MatrixMarketWriteOptions {
        if (format == null || field == null) {
            throw new IllegalArgumentException("format and field must not be null");
        }
        if (field == Field.COMPLEX) {
            throw new IllegalArgumentException("writing complex Matrix Market files is not supported");
        }
        if (format == Format.ARRAY && field == Field.PATTERN) {
            throw new IllegalArgumentException("the Matrix Market format has no array pattern files");
        }
    }

    /**
     * Coordinate, real, general, no comment.
     *
     * @return the defaults
     */
    public static MatrixMarketWriteOptions defaults() {
        return new MatrixMarketWriteOptions(Format.COORDINATE, Field.REAL, false, null);
    }

    /**
     * These options with another format.
     *
     * @param newFormat coordinate or array
     * @return a copy with that format, the other fields unchanged
     */
    public MatrixMarketWriteOptions withFormat(Format newFormat) {
        return new MatrixMarketWriteOptions(newFormat, field, symmetric, comment);
    }

    /**
     * These options with another field.
     *
     * @param newField real, integer or pattern (not complex)
     * @return a copy with that field, the other fields unchanged
     */
    public MatrixMarketWriteOptions withField(Field newField) {
        return new MatrixMarketWriteOptions(format, newField, symmetric, comment);
    }

    /**
     * These options writing (or not) in symmetric form.
     *
     * @param newSymmetric whether only the lower triangle is written, declared symmetric or skew-symmetric
     * @return a copy with that setting, the other fields unchanged
     */
    public MatrixMarketWriteOptions withSymmetric(boolean newSymmetric) {
        return new MatrixMarketWriteOptions(format, field, newSymmetric, comment);
    }

    /**
     * These options with a comment.
     *
     * @param newComment text for {@code %} comment lines after the banner, or {@code null} for none
     * @return a copy with that comment, the other fields unchanged
     */
    public MatrixMarketWriteOptions withComment(String newComment) {
        return new MatrixMarketWriteOptions(format, field, symmetric, newComment);
    }
}
