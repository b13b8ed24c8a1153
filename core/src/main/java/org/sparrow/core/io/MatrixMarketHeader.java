package org.sparrow.core.io;

import java.util.Locale;

/**
 * What a Matrix Market file declares before its data: the banner
 * ({@code %%MatrixMarket matrix <format> <field> <symmetry>}) and the size line.
 *
 * @param format   {@link Format#COORDINATE} (sparse triplets) or {@link Format#ARRAY} (dense, column-major)
 * @param field    the type of the values
 * @param symmetry how much of the matrix the file stores
 * @param rows     rows, ≥ 1
 * @param cols     columns, ≥ 1
 * @param entries  entry lines the file holds: the size line's count for coordinate files; for
 *                 array files {@code rows·cols}, {@code n(n+1)/2} (symmetric) or {@code n(n-1)/2}
 *                 (skew-symmetric)
 */
public record MatrixMarketHeader(Format format, Field field, Symmetry symmetry, int rows, int cols, long entries) {

    /** How entries are laid out. */
    public enum Format {
        /** Sparse: one {@code row col [value]} line per stored entry, 1-based indices. */
        COORDINATE,
        /** Dense: every stored value, column by column. */
        ARRAY;

        /** {@return the banner word, e.g. {@code coordinate}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The type of the values. */
    public enum Field {
        /** Floating-point values. */
        REAL,
        /** Integer values (read as doubles). */
        INTEGER,
        /** No values: every stored entry is 1. */
        PATTERN,
        /** Complex values: recognized, but only their structure can be read ({@link MatrixMarket#readPattern}). */
        COMPLEX;

        /** {@return the banner word, e.g. {@code real}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which part of the matrix the file stores. */
    public enum Symmetry {
        /** Every entry. */
        GENERAL,
        /** The lower triangle with the diagonal; {@code a_ji = a_ij}. */
        SYMMETRIC,
        /** The strict lower triangle; {@code a_ji = -a_ij} and the diagonal is zero. */
        SKEW_SYMMETRIC,
        /** The lower triangle of a complex Hermitian matrix (structure only, like {@code COMPLEX}). */
        HERMITIAN;

        /** {@return the banner word, e.g. {@code skew-symmetric}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@return whether the file stores only a triangle that is mirrored on reading} */
    public boolean isSymmetricStorage() {
        return symmetry != Symmetry.GENERAL;
    }

    /** {@return the banner line this header corresponds to} */
    public String banner() {
        return "%%MatrixMarket matrix " + format.word() + " " + field.word() + " " + symmetry.word();
    }
}
