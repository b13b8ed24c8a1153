package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertCsrEquals;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertDenseEquals;
import static org.sparrow.core.io.MatrixMarketTestSupport.writeFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

/**
 * What the reader makes of the values: a hand-written small file in every header combination against
 * a dense matrix written out by hand, symmetric expansion, duplicates, and number parsing checked
 * bitwise against {@link Double#parseDouble} on 200 000 numbers in many spellings.
 */
class MatrixMarketValuesTest {

    @TempDir
    Path dir;

    /**
     * One hand-written file and the matrix it holds.
     *
     * @param entries    header().entries(): entry lines declared, or the computed count for arrays
     * @param stored     matrix().nnz(): triplets after expansion (array zeros included)
     */
    record Variant(String name, String content, Format format, Field field, Symmetry symmetry, long entries,
                   int stored, double[][] dense) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("coordinate real general", """
                        %%MatrixMarket matrix coordinate real general
                        % a 3x4 matrix
                        3 4 6
                        1 1 1.5
                        3 1 -2
                        2 2 0.25
                        1 4 4e2
                        3 4 -0.125
                        2 3 0
                        """, Format.COORDINATE, Field.REAL, Symmetry.GENERAL, 6, 6, new double[][] {
                                {1.5, 0, 0, 400},
                                {0, 0.25, 0, 0},
                                {-2, 0, 0, -0.125}}),
                new Variant("coordinate real symmetric", """
                        %%MatrixMarket matrix coordinate real symmetric
                        4 4 6
                        1 1 2
                        2 1 -1
                        4 1 0.5
                        2 2 3
                        3 3 4
                        4 3 -1.25
                        """, Format.COORDINATE, Field.REAL, Symmetry.SYMMETRIC, 6, 9, new double[][] {
                                {2, -1, 0, 0.5},
                                {-1, 3, 0, 0},
                                {0, 0, 4, -1.25},
                                {0.5, 0, -1.25, 0}}),
                new Variant("coordinate real skew-symmetric", """
                        %%MatrixMarket matrix coordinate real skew-symmetric
                        4 4 3
                        2 1 1.5
                        3 2 -4
                        4 1 0.75
                        """, Format.COORDINATE, Field.REAL, Symmetry.SKEW_SYMMETRIC, 3, 6, new double[][] {
                                {0, -1.5, 0, -0.75},
                                {1.5, 0, 4, 0},
                                {0, -4, 0, 0},
                                {0.75, 0, 0, 0}}),
                new Variant("coordinate integer general", """
                        %%MatrixMarket matrix coordinate integer general
                        2 3 4
                        1 1 7
                        2 1 -3
                        1 3 12
                        2 2 0
                        """, Format.COORDINATE, Field.INTEGER, Symmetry.GENERAL, 4, 4, new double[][] {
                                {7, 0, 12},
                                {-3, 0, 0}}),
                new Variant("coordinate integer symmetric", """
                        %%MatrixMarket matrix coordinate integer symmetric
                        3 3 4
                        1 1 5
                        3 1 -2
                        2 2 1
                        3 2 9
                        """, Format.COORDINATE, Field.INTEGER, Symmetry.SYMMETRIC, 4, 6, new double[][] {
                                {5, 0, -2},
                                {0, 1, 9},
                                {-2, 9, 0}}),
                new Variant("coordinate integer skew-symmetric", """
                        %%MatrixMarket matrix coordinate integer skew-symmetric
                        3 3 3
                        2 1 -13
                        3 1 -32
                        3 2 -17
                        """, Format.COORDINATE, Field.INTEGER, Symmetry.SKEW_SYMMETRIC, 3, 6, new double[][] {
                                {0, 13, 32},
                                {-13, 0, 17},
                                {-32, -17, 0}}),
                new Variant("coordinate pattern general", """
                        %%MatrixMarket matrix coordinate pattern general
                        3 2 3
                        1 1
                        3 1
                        2 2
                        """, Format.COORDINATE, Field.PATTERN, Symmetry.GENERAL, 3, 3, new double[][] {
                                {1, 0},
                                {0, 1},
                                {1, 0}}),
                new Variant("coordinate pattern symmetric", """
                        %%MatrixMarket matrix coordinate pattern symmetric
                        3 3 4
                        1 1
                        2 1
                        3 2
                        3 3
                        """, Format.COORDINATE, Field.PATTERN, Symmetry.SYMMETRIC, 4, 6, new double[][] {
                                {1, 1, 0},
                                {1, 0, 1},
                                {0, 1, 1}}),
                new Variant("array real general", """
                        %%MatrixMarket matrix array real general
                        % column-major
                        3 2
                        1
                        2.5
                        0
                        -4
                        5
                        6e-1
                        """, Format.ARRAY, Field.REAL, Symmetry.GENERAL, 6, 6, new double[][] {
                                {1, -4},
                                {2.5, 5},
                                {0, 0.6}}),
                new Variant("array real symmetric", """
                        %%MatrixMarket matrix array real symmetric
                        3 3
                        1
                        2
                        3
                        4
                        5
                        6
                        """, Format.ARRAY, Field.REAL, Symmetry.SYMMETRIC, 6, 9, new double[][] {
                                {1, 2, 3},
                                {2, 4, 5},
                                {3, 5, 6}}),
                new Variant("array real skew-symmetric", """
                        %%MatrixMarket matrix array real skew-symmetric
                        3 3
                        1
                        2
                        3
                        """, Format.ARRAY, Field.REAL, Symmetry.SKEW_SYMMETRIC, 3, 6, new double[][] {
                                {0, -1, -2},
                                {1, 0, -3},
                                {2, 3, 0}}),
                new Variant("array real skew-symmetric 2x2 (CHOLMOD)", """
                        %%MatrixMarket matrix array real skew-symmetric
                        2 2
                        3.4
                        """, Format.ARRAY, Field.REAL, Symmetry.SKEW_SYMMETRIC, 1, 2, new double[][] {
                                {0, -3.4},
                                {3.4, 0}}),
                new Variant("array integer general", """
                        %%MatrixMarket matrix array integer general
                        2 2
                        1
                        -2
                        3
                        40
                        """, Format.ARRAY, Field.INTEGER, Symmetry.GENERAL, 4, 4, new double[][] {
                                {1, 3},
                                {-2, 40}}),
                new Variant("array integer skew-symmetric", """
                        %%MatrixMarket matrix array integer skew-symmetric
                        3 3
                        -13
                        -32
                        -17
                        """, Format.ARRAY, Field.INTEGER, Symmetry.SKEW_SYMMETRIC, 3, 6, new double[][] {
                                {0, 13, 32},
                                {-13, 0, 17},
                                {-32, -17, 0}}),
                new Variant("symmetric entry above the diagonal is mirrored", """
                        %%MatrixMarket matrix coordinate real symmetric
                        3 3 3
                        1 1 1
                        1 3 5
                        2 2 2
                        """, Format.COORDINATE, Field.REAL, Symmetry.SYMMETRIC, 3, 4, new double[][] {
                                {1, 0, 5},
                                {0, 2, 0},
                                {5, 0, 0}}),
                new Variant("skew entry above the diagonal is mirrored negated", """
                        %%MatrixMarket matrix coordinate real skew-symmetric
                        3 3 2
                        1 3 5
                        3 2 -1
                        """, Format.COORDINATE, Field.REAL, Symmetry.SKEW_SYMMETRIC, 2, 4, new double[][] {
                                {0, 0, 5},
                                {0, 0, 1},
                                {-5, -1, 0}}),
                new Variant("1x1 coordinate", """
                        %%MatrixMarket matrix coordinate real general
                        1 1 1
                        1 1 -7.5
                        """, Format.COORDINATE, Field.REAL, Symmetry.GENERAL, 1, 1, new double[][] {{-7.5}}),
                new Variant("coordinate with no entries", """
                        %%MatrixMarket matrix coordinate real general
                        2 3 0
                        """, Format.COORDINATE, Field.REAL, Symmetry.GENERAL, 0, 0, new double[][] {
                                {0, 0, 0},
                                {0, 0, 0}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void handWrittenFileReadsToTheDenseMatrixWrittenByHand(Variant v) throws IOException {
        Path file = writeFile(dir, "v.mtx", v.content());
        MatrixMarketData d = MatrixMarket.read(file);
        MatrixMarketHeader expectedHeader = new MatrixMarketHeader(v.format(), v.field(), v.symmetry(), v.dense().length,
                v.dense()[0].length, v.entries());
        assertEquals(expectedHeader, d.header());
        assertEquals(expectedHeader, MatrixMarket.readHeader(file), "readHeader");
        assertEquals(v.stored(), d.matrix().nnz(), "stored triplets after expansion");
        assertEquals(v.stored(), d.toCsr().nnz(), "CSR nnz (no duplicates here)");
        assertDenseEquals(v.dense(), d.matrix(), v.name());
        assertEquals(d.toCsr(), MatrixMarket.readCsr(file), "readCsr");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void readPatternGivesTheStructureWithOnes(Variant v) throws IOException {
        Path file = writeFile(dir, "v.mtx", v.content());
        MatrixMarketData d = MatrixMarket.readPattern(file);
        assertEquals(v.stored(), d.matrix().nnz());
        CsrMatrix full = MatrixMarket.read(file).toCsr();
        CsrMatrix pat = d.toCsr();
        assertEquals(full.rows(), pat.rows());
        assertEquals(full.cols(), pat.cols());
        assertEquals(full.nnz(), pat.nnz());
        for (int i = 0; i <= pat.rows(); i++) {
            assertEquals(full.rowPointers()[i], pat.rowPointers()[i], "structure");
        }
        for (int p = 0; p < pat.nnz(); p++) {
            assertEquals(full.columnIndices()[p], pat.columnIndices()[p], "structure");
            assertEquals(1.0, pat.values()[p], "readPattern values are 1");
        }
    }

    @Test
    void complexFilesReadAsPatternOnly() throws IOException {
        Path gen = writeFile(dir, "c.mtx", """
                %%MatrixMarket matrix coordinate complex general
                2 3 3
                1 1 1.5 -2
                2 3 0 1
                1 2 -1e3 4e-2
                """);
        MatrixMarketData d = MatrixMarket.readPattern(gen);
        assertEquals(new MatrixMarketHeader(Format.COORDINATE, Field.COMPLEX, Symmetry.GENERAL, 2, 3, 3), d.header());
        assertDenseEquals(new double[][] {{1, 1, 0}, {0, 0, 1}}, d.matrix(), "complex general");

        Path herm = writeFile(dir, "h.mtx", """
                %%MatrixMarket matrix coordinate complex Hermitian
                3 3 4
                1 1 2 0
                2 1 1 -1
                3 2 0.5 0.5
                3 3 1 0
                """);
        MatrixMarketData h = MatrixMarket.readPattern(herm);
        assertEquals(Symmetry.HERMITIAN, h.header().symmetry());
        assertEquals(4, h.header().entries());
        assertEquals(6, h.matrix().nnz());
        assertDenseEquals(new double[][] {{1, 1, 0}, {1, 0, 1}, {0, 1, 1}}, h.matrix(), "complex hermitian");

        Path arr = writeFile(dir, "a.mtx", """
                %%MatrixMarket matrix array complex general
                2 1
                1 2
                3 -4
                """);
        MatrixMarketData a = MatrixMarket.readPattern(arr);
        assertEquals(new MatrixMarketHeader(Format.ARRAY, Field.COMPLEX, Symmetry.GENERAL, 2, 1, 2), a.header());
        assertDenseEquals(new double[][] {{1}, {1}}, a.matrix(), "complex array");
    }

    /**
     * Pattern with skew-symmetric storage is outside the NIST format (mmio rejects it). Either answer
     * is acceptable: a refusal on the banner line, or the skew rule applied to the implied 1s.
     */
    @Test
    void patternSkewSymmetricIsRefusedOrMirroredNegated() throws IOException {
        Path file = writeFile(dir, "ps.mtx", """
                %%MatrixMarket matrix coordinate pattern skew-symmetric
                3 3 2
                2 1
                3 2
                """);
        MatrixMarketData d;
        try {
            d = MatrixMarket.read(file);
        } catch (MatrixMarketException e) {
            assertEquals(1, e.line(), e.getMessage());
            return;
        }
        assertDenseEquals(new double[][] {{0, -1, 0}, {1, 0, -1}, {0, 1, 0}}, d.matrix(), "pattern skew");
    }

    @Test
    void duplicatesAreKeptAsTripletsAndSummedInCsr() throws IOException {
        Path file = writeFile(dir, "dup.mtx", """
                %%MatrixMarket matrix coordinate real general
                2 2 5
                1 1 1
                2 1 4
                1 1 2.5
                2 2 -1
                1 1 0.25
                """);
        MatrixMarketData d = MatrixMarket.read(file);
        assertEquals(5, d.header().entries());
        assertEquals(5, d.matrix().nnz(), "duplicates are separate triplets");
        assertEquals(3, d.toCsr().nnz(), "duplicates summed in CSR");
        assertDenseEquals(new double[][] {{3.75, 0}, {4, -1}}, d.matrix(), "duplicates");
    }

    @Test
    void symmetricDuplicatesAreMirroredEachTime() throws IOException {
        Path file = writeFile(dir, "sdup.mtx", """
                %%MatrixMarket matrix coordinate real symmetric
                2 2 3
                2 1 1
                2 1 2
                1 1 5
                """);
        MatrixMarketData d = MatrixMarket.read(file);
        assertEquals(5, d.matrix().nnz());
        assertEquals(3, d.toCsr().nnz());
        assertDenseEquals(new double[][] {{5, 3}, {3, 0}}, d.matrix(), "symmetric duplicates");
    }

    @Test
    void explicitZerosAndNegativeZerosAreKept() throws IOException {
        Path file = writeFile(dir, "z.mtx", """
                %%MatrixMarket matrix coordinate real symmetric
                3 3 4
                1 1 0
                2 1 -0.0
                3 3 0e0
                3 2 -0
                """);
        MatrixMarketData d = MatrixMarket.read(file);
        CsrMatrix c = d.toCsr();
        assertEquals(6, c.nnz(), "explicit zeros are stored entries");
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(c.get(1, 0)));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(c.get(0, 1)), "mirror keeps the sign");
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(c.get(0, 0)));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(c.get(1, 2)));
    }

    // ---------------------------------------------------------------- number spellings

    /** Each spelling and the value it must read to. */
    static Stream<Arguments> spellings() {
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of("1", 1.0), Arguments.of("-.5", -0.5), Arguments.of("3.", 3.0),
                Arguments.of("1e-300", 1e-300), Arguments.of("1.5E+10", 1.5e10), Arguments.of("1.5e10", 1.5e10),
                Arguments.of("2.5d-3", 2.5e-3), Arguments.of("2.5D-3", 2.5e-3), Arguments.of("1D10", 1e10),
                Arguments.of("-7.25D+02", -725.0), Arguments.of("0.1", 0.1), Arguments.of("-0", -0.0),
                Arguments.of("0.000", 0.0), Arguments.of("-0.0e12", -0.0), Arguments.of("00012.50", 12.5),
                Arguments.of("1e400", inf), Arguments.of("-1e400", -inf), Arguments.of("1e-400", 0.0),
                Arguments.of("-1e-400", -0.0), Arguments.of("4.9e-324", Double.MIN_VALUE),
                Arguments.of("2.2250738585072014E-308", Double.MIN_NORMAL),
                Arguments.of("1.7976931348623157e308", Double.MAX_VALUE),
                Arguments.of("1.7976931348623158e308", Double.MAX_VALUE),
                Arguments.of("1.7976931348623159e308", inf),
                Arguments.of("2.4703282292062328e-324", Double.MIN_VALUE),
                Arguments.of("2.4703282292062327e-324", 0.0),
                Arguments.of("9007199254740993", 9007199254740992.0),
                Arguments.of("9007199254740993.0000000000000000000001", 9007199254740994.0),
                Arguments.of("0.30000000000000004", 0.30000000000000004),
                Arguments.of("123456789012345678901234567890", 1.2345678901234568e29),
                Arguments.of("inf", inf), Arguments.of("INF", inf), Arguments.of("Inf", inf), Arguments.of("-inf", -inf),
                Arguments.of("-INF", -inf), Arguments.of("Infinity", inf), Arguments.of("-Infinity", -inf),
                Arguments.of("nan", Double.NaN), Arguments.of("NaN", Double.NaN), Arguments.of("NAN", Double.NaN),
                Arguments.of("nAn", Double.NaN));
    }

    @Test
    void everySpellingReadsToItsValue() throws IOException {
        List<Arguments> cases = spellings().toList();
        StringBuilder sb = new StringBuilder("%%MatrixMarket matrix coordinate real general\n");
        sb.append(cases.size()).append(" 1 ").append(cases.size()).append('\n');
        for (int k = 0; k < cases.size(); k++) {
            sb.append(k + 1).append(" 1 ").append(cases.get(k).get()[0]).append('\n');
        }
        double[] got = columnValues(MatrixMarket.read(writeFile(dir, "spell.mtx", sb.toString())), cases.size());
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            String s = (String) cases.get(k).get()[0];
            double want = (Double) cases.get(k).get()[1];
            if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got[k])) {
                bad.add("\"" + s + "\" read as " + got[k] + ", expected " + want);
            }
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " spellings misread: " + String.join("; ", bad));
    }

    /** The values of an {@code n × 1} read, indexed by row (each row exactly once). */
    private static double[] columnValues(MatrixMarketData d, int n) {
        CooMatrix m = d.matrix();
        assertEquals(n, m.rows());
        assertEquals(1, m.cols());
        assertEquals(n, m.nnz(), "one triplet per value");
        double[] out = new double[n];
        boolean[] seen = new boolean[n];
        int[] ri = m.rowIndices();
        int[] ci = m.columnIndices();
        double[] v = m.values();
        for (int k = 0; k < n; k++) {
            assertEquals(0, ci[k]);
            if (seen[ri[k]]) {
                fail("row " + (ri[k] + 1) + " appears twice");
            }
            seen[ri[k]] = true;
            out[ri[k]] = v[k];
        }
        return out;
    }

    /**
     * 200 000 numbers in many spellings, as a one-column array file, read back and compared bitwise
     * (NaN payloads aside) to {@link Double#parseDouble} of the same text (a Fortran {@code D}
     * exponent read as {@code E}).
     */
    @Test
    void randomNumbersReadExactlyAsParseDouble() throws IOException {
        final int n = 200_000;
        Random rnd = new Random(20240611L);
        String[] text = new String[n];
        for (int k = 0; k < n; k++) {
            text[k] = switch (k % 5) {
                case 0, 1 -> formatted(randomBits(rnd), rnd);
                case 2 -> randomDecimal(rnd);
                case 3 -> formatted(Double.longBitsToDouble(rnd.nextLong() & 0x000f_ffff_ffff_ffffL
                        | (rnd.nextBoolean() ? Long.MIN_VALUE : 0)), rnd); // subnormals (and ±0)
                default -> k % 10 == 4 ? halfway(rnd) : formatted(nearbyNice(rnd), rnd);
            };
        }
        StringBuilder sb = new StringBuilder(n * 24);
        sb.append("%%MatrixMarket matrix array real general\n% random numbers\n").append(n).append(" 1\n");
        for (int k = 0; k < n; k++) {
            int pad = rnd.nextInt(8);
            sb.append(pad == 0 ? "  " : pad == 1 ? "\t" : "").append(text[k]).append(pad == 2 ? " \t" : "").append('\n');
        }
        MatrixMarketData d = MatrixMarket.read(writeFile(dir, "numbers.mtx", sb.toString()));
        assertEquals(n, d.header().entries());
        double[] got = columnValues(d, n);
        List<String> bad = new ArrayList<>();
        int badCount = 0;
        for (int k = 0; k < n; k++) {
            double want = Double.parseDouble(text[k].replace('d', 'e').replace('D', 'E'));
            if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got[k])) {
                badCount++;
                if (bad.size() < 15) {
                    bad.add("line " + (k + 4) + ": \"" + text[k] + "\" read as " + got[k] + " (bits "
                            + Long.toHexString(Double.doubleToRawLongBits(got[k])) + "), expected " + want + " (bits "
                            + Long.toHexString(Double.doubleToRawLongBits(want)) + ")");
                }
            }
        }
        int total = badCount;
        assertTrue(bad.isEmpty(), () -> total + " of " + n + " numbers misread, e.g. " + String.join("; ", bad));
    }

    private static double randomBits(Random rnd) {
        return Double.longBitsToDouble(rnd.nextLong());
    }

    /** Short decimals perturbed by a few ulps: values whose shortest form has few digits nearby. */
    private static double nearbyNice(Random rnd) {
        double base = (rnd.nextInt(2_000_001) - 1_000_000) * Math.pow(10, rnd.nextInt(40) - 20);
        double v = base;
        for (int s = rnd.nextInt(5) - 2; s != 0; s += s > 0 ? -1 : 1) {
            v = s > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        return v;
    }

    /** {@code v} in one of several spellings. */
    private static String formatted(double v, Random rnd) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        int form = rnd.nextInt(9);
        String s = switch (form) {
            case 0, 1 -> Double.toString(v);
            case 2 -> String.format(Locale.ROOT, "%.17e", v);
            case 3 -> String.format(Locale.ROOT, "%.3g", v);
            case 4 -> String.format(Locale.ROOT, "%.16E", v);
            case 5 -> Math.abs(Math.getExponent(v)) < 330 ? BigDecimal.valueOf(v).toPlainString() : Double.toString(v);
            case 6 -> Math.abs(v) > 1e-40 && Math.abs(v) < 1e40 ? new BigDecimal(v).toPlainString()
                    : new BigDecimal(v).toString(); // the exact binary value, in full
            case 7 -> String.format(Locale.ROOT, "%.20g", v);
            default -> new BigDecimal(v).round(new MathContext(1 + rnd.nextInt(25), RoundingMode.HALF_EVEN)).toString();
        };
        if (rnd.nextInt(10) == 0) {
            s = s.replace('e', 'd').replace('E', 'D'); // Fortran
        }
        return s;
    }

    /** A random decimal: 1–25 significant digits, exponent −330..310, in varied layouts. */
    private static String randomDecimal(Random rnd) {
        int digits = 1 + rnd.nextInt(25);
        StringBuilder m = new StringBuilder();
        m.append((char) ('1' + rnd.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            m.append((char) ('0' + rnd.nextInt(10)));
        }
        int exp = rnd.nextInt(641) - 330; // value = 0.m × 10^(exp+1) roughly
        String sign = rnd.nextInt(3) == 0 ? "-" : "";
        String e = switch (rnd.nextInt(6)) {
            case 0 -> "E";
            case 1 -> "d";
            case 2 -> "D";
            default -> "e";
        };
        return switch (rnd.nextInt(5)) {
            // d.ddd e X
            case 0, 1 -> sign + m.charAt(0) + (digits > 1 ? "." + m.substring(1) : rnd.nextBoolean() ? "." : "") + e
                    + (exp >= 0 && rnd.nextBoolean() ? "+" : "") + exp;
            // ddd.ddd e X (point somewhere inside or at the end)
            case 2 -> {
                int point = rnd.nextInt(digits + 1);
                yield sign + m.substring(0, point) + "." + m.substring(point) + e + (exp - point + 1);
            }
            // .ddd e X
            case 3 -> sign + "." + m + e + (exp + 1);
            // integer digits e X
            default -> sign + m + e + (exp - digits + 1);
        };
    }

    /**
     * A decimal at or next to the exact midpoint between two adjacent doubles (the hardest case
     * for correct rounding): in full, or cut to 17–25 digits.
     */
    private static String halfway(Random rnd) {
        double v = Math.abs(randomBits(rnd));
        if (Double.isNaN(v) || Double.isInfinite(v) || v == Double.MAX_VALUE) {
            v = 1.0 + rnd.nextDouble();
        }
        BigDecimal mid = new BigDecimal(v).add(new BigDecimal(Math.nextUp(v))).divide(BigDecimal.valueOf(2));
        switch (rnd.nextInt(3)) {
            case 0:
                return mid.toString(); // exact midpoint
            case 1:
                return mid.round(new MathContext(17 + rnd.nextInt(9), RoundingMode.DOWN)).toString();
            default:
                return mid.round(new MathContext(17 + rnd.nextInt(9), RoundingMode.UP)).toString();
        }
    }

    // ---------------------------------------------------------------- a large valid file

    /**
     * 600 000 distinct entries with comments, blank lines and CRLF scattered through (enough for any
     * chunked parallel reader to split it many times), read exactly.
     */
    @Test
    void largeFileReadsExactlyAcrossChunks() throws IOException {
        final int rows = 1500;
        final int cols = 1100;
        final int n = 600_000;
        Random rnd = new Random(5);
        // distinct positions: a random sample of the rows·cols cells
        int[] cells = new int[rows * cols];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(cells.length - i);
            int t = cells[i];
            cells[i] = cells[j];
            cells[j] = t;
        }
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] v = new double[n];
        StringBuilder sb = new StringBuilder(n * 32);
        sb.append("%%MatrixMarket matrix coordinate real general\r\n%\r\n").append(rows).append(' ').append(cols)
                .append(' ').append(n).append("\r\n");
        for (int k = 0; k < n; k++) {
            ri[k] = cells[k] / cols;
            ci[k] = cells[k] % cols;
            v[k] = rnd.nextInt(4) == 0 ? rnd.nextInt(100) : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10);
            if (rnd.nextInt(100) == 0) {
                sb.append(rnd.nextBoolean() ? "% note\r\n" : "\r\n");
            }
            sb.append(ri[k] + 1).append(rnd.nextBoolean() ? ' ' : '\t').append(ci[k] + 1).append(' ').append(v[k])
                    .append(rnd.nextInt(3) == 0 ? "\n" : "\r\n");
        }
        MatrixMarketData d = MatrixMarket.read(writeFile(dir, "large.mtx", sb.toString()));
        assertEquals(n, d.header().entries());
        assertEquals(n, d.matrix().nnz());
        assertCsrEquals(new CooMatrix(rows, cols, ri, ci, v).toCsr(), d.toCsr(), "large file");
    }
}
