package org.sparrow.core.io;

import java.math.BigInteger;

/**
 * Decimal text to the correctly rounded {@code double}, straight from ASCII bytes: the hot loop of
 * Matrix Market reading, where {@link Double#parseDouble} (a String per token) would dominate.
 *
 * <p>Three paths, fastest first: Clinger's exact fast path (W. D. Clinger, "How to read floating
 * point numbers accurately", PLDI 1990) when the significand fits 53 bits and |exp10| ≤ 22; the
 * Eisel–Lemire algorithm (D. Lemire, "Number parsing at a gigabyte per second", Software: Practice
 * and Experience 51(8), 2021, §5–6) with a table of 128-bit truncated powers of ten computed here
 * from exact integers; and {@link Double#parseDouble} for the rare inputs the first two decline
 * (more than 19 significant digits, exact halfway cases, results outside the normal range).
 * Every path returns exactly what {@link Double#parseDouble} returns.
 */
final class DecimalParser {

    /** Smallest and largest decimal exponents the power table covers. */
    private static final int MIN_EXP10 = -342;
    private static final int MAX_EXP10 = 308;
    /** High and low 64 bits of the normalized, truncated 128-bit significand of 10^q. */
    private static final long[] POW10_HI = new long[MAX_EXP10 - MIN_EXP10 + 1];
    private static final long[] POW10_LO = new long[MAX_EXP10 - MIN_EXP10 + 1];
    /** 10^0 .. 10^22, all exact in a double. */
    private static final double[] EXACT_POW10 = new double[23];

    static {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger m;
            if (q >= 0) {
                BigInteger p = BigInteger.TEN.pow(q);
                int shift = p.bitLength() - 128;
                m = shift >= 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
            } else {
                // floor(2^k / 10^-q) with k chosen so the quotient has exactly 128 bits.
                BigInteger d = BigInteger.TEN.pow(-q);
                m = BigInteger.ONE.shiftLeft(127 + d.bitLength()).divide(d);
            }
            POW10_HI[q - MIN_EXP10] = m.shiftRight(64).longValue();
            POW10_LO[q - MIN_EXP10] = m.and(mask64).longValue();
        }
        double p = 1.0;
        for (int i = 0; i < EXACT_POW10.length; i++) {
            EXACT_POW10[i] = p;
            p *= 10.0;
        }
    }

    private DecimalParser() {
    }

    /** Thrown for a token that is not a decimal number; carries no stack trace (it is rethrown with context). */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber() {
            super(null, null, false, false);
        }
    }

    private static final BadNumber BAD = new BadNumber();

    /**
     * Parses the decimal number that starts at {@code b[from]}, scanning no further than
     * {@code limit}: {@code [+-]? digits [. digits] [(e|E|d|D) [+-] digits]}, or {@code inf},
     * {@code infinity}, {@code nan} in any case (so also Java's {@code Infinity} and {@code NaN}).
     * Scanning stops at the first byte that cannot continue the number; its position is stored in
     * {@code end[0]}, and the caller decides whether what follows is a valid separator.
     *
     * @throws BadNumber if no number starts at {@code from}
     */
    static double parse(byte[] b, int from, int limit, int[] end) throws BadNumber {
        int p = from;
        if (p >= limit) {
            throw BAD;
        }
        boolean negative = false;
        if (b[p] == '-' || b[p] == '+') {
            negative = b[p] == '-';
            p++;
            if (p >= limit) {
                throw BAD;
            }
        }
        byte c0 = b[p];
        if (c0 == 'i' || c0 == 'I' || c0 == 'n' || c0 == 'N') {
            return special(b, p, limit, negative, end);
        }
        long w = 0; // up to 19 digits: unsigned 64-bit
        int significant = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        boolean truncated = false;
        while (p < limit) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            anyDigit = true;
            if (significant < 19) {
                w = w * 10 + d;
                if (w != 0) {
                    significant++;
                }
            } else {
                exp10++;
                truncated |= d != 0;
            }
            p++;
        }
        if (p < limit && b[p] == '.') {
            p++;
            while (p < limit) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                anyDigit = true;
                if (significant < 19) {
                    w = w * 10 + d;
                    if (w != 0) {
                        significant++;
                    }
                    exp10--;
                } else {
                    truncated |= d != 0;
                }
                p++;
            }
        }
        if (!anyDigit) {
            throw BAD;
        }
        if (p < limit && (b[p] == 'e' || b[p] == 'E' || b[p] == 'd' || b[p] == 'D')) {
            p++;
            boolean expNegative = false;
            if (p < limit && (b[p] == '-' || b[p] == '+')) {
                expNegative = b[p] == '-';
                p++;
            }
            int digitsStart = p;
            int e10 = 0;
            while (p < limit) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (e10 < 100_000) { // saturate: anything beyond is 0 or infinity anyway
                    e10 = e10 * 10 + d;
                }
                p++;
            }
            if (p == digitsStart) {
                throw BAD;
            }
            exp10 += expNegative ? -e10 : e10;
        }
        end[0] = p;
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (!truncated) {
            if (exp10 >= -22 && exp10 <= 22 && w >= 0 && w <= (1L << 53)) { // w is unsigned: 19 digits may pass 2^63
                double v = exp10 >= 0 ? (double) w * EXACT_POW10[exp10] : (double) w / EXACT_POW10[-exp10];
                return negative ? -v : v;
            }
            long bits = eiselLemire(w, exp10);
            if (bits >= 0) {
                double v = Double.longBitsToDouble(bits);
                return negative ? -v : v;
            }
        }
        return slow(b, from, p);
    }

    /** Convenience for tests and single tokens: the whole of {@code b[from..to)} must be the number. */
    static double parse(byte[] b, int from, int to) throws BadNumber {
        int[] end = new int[1];
        double v = parse(b, from, to, end);
        if (end[0] != to) {
            throw BAD;
        }
        return v;
    }

    /**
     * The Eisel–Lemire step (Lemire 2021, Algorithm 1): the bits of the positive double nearest
     * {@code w·10^q}, or -1 where the truncated 128-bit product cannot decide the rounding.
     */
    private static long eiselLemire(long w, int q) {
        if (q < MIN_EXP10 || q > MAX_EXP10) {
            return -1;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        // floor(q·log2(10)) via 217706/2^16 ≈ log2(10), exact over the table's range.
        long exp2 = ((217706L * q) >> 16) + 64 + 1023 - lz;
        long thi = POW10_HI[q - MIN_EXP10];
        long xHi = Math.unsignedMultiplyHigh(w, thi);
        long xLo = w * thi;
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + w, w) < 0) {
            // The low 64 bits of the power may carry into the bits that decide rounding: widen.
            long tlo = POW10_LO[q - MIN_EXP10];
            long yHi = Math.unsignedMultiplyHigh(w, tlo);
            long yLo = w * tlo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo == -1L && Long.compareUnsigned(yLo + w, w) < 0) {
                return -1;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return -1; // exactly halfway between two doubles: round-to-even needs the full value
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        if (exp2 <= 0 || exp2 >= 0x7FF) {
            return -1; // subnormal or overflow: leave it to the exact path
        }
        return (exp2 << 52) | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
    }

    private static double special(byte[] b, int p, int limit, boolean negative, int[] end) throws BadNumber {
        int q = p;
        while (q < limit && ((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z')) {
            q++;
        }
        end[0] = q;
        String word = new String(b, p, q - p, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "inf", "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                throw BAD;
        }
    }

    private static double slow(byte[] b, int from, int to) throws BadNumber {
        char[] chars = new char[to - from];
        for (int i = 0; i < chars.length; i++) {
            char c = (char) (b[from + i] & 0xFF);
            chars[i] = c == 'd' || c == 'D' ? 'e' : c; // Fortran's D exponent
        }
        try {
            return Double.parseDouble(new String(chars));
        } catch (NumberFormatException e) {
            throw BAD;
        }
    }
}
