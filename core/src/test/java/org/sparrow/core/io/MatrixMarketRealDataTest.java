package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.io.MatrixMarketTestSupport.assertHasKeyword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketTestSupport.ManifestRow;
import org.sparrow.testing.SharedData;

/**
 * Every matrix in the shared test data ({@code sparrow.data.dir}, set by Surefire) is read, and what
 * the reader reports is checked against {@code MANIFEST.tsv}: shape, stored entries, field, symmetry,
 * nonzeros after expansion and explicit zeros. Complex files must be refused by {@code read()} and
 * read by {@code readPattern()}.
 *
 * <p>{@code explicit_zeros} in the manifest counts zero-valued entries of the <em>expanded</em>
 * matrix (mirrored zeros counted twice): for {@code small/zenios.mtx} (symmetric) it is 25 877,
 * more than its 15 032 stored entries, and equals 2·(off-diagonal stored zeros) + (diagonal stored
 * zeros). Negative zeros ({@code -0}, 860 of them in {@code small/2dcyl1.mtx}) count. For array
 * files the manifest gives 0 and no {@code nnz_full}, so neither is checked there.
 */
class MatrixMarketRealDataTest {

    /** Each file read once for this class (by read(), or readPattern() for complex files). */
    private static final Map<String, MatrixMarketData> CACHE = new ConcurrentHashMap<>();

    @BeforeAll
    static void requireData() {
        SharedData.dir();
    }

    static Stream<Named<ManifestRow>> manifestRows() {
        return MatrixMarketTestSupport.manifest().stream().map(r -> Named.of(r.file(), r));
    }

    static Stream<Named<ManifestRow>> realRows() {
        return manifestRows().filter(n -> !n.getPayload().isComplex());
    }

    static Stream<Named<ManifestRow>> complexRows() {
        return manifestRows().filter(n -> n.getPayload().isComplex());
    }

    private static Path path(ManifestRow r) {
        return MatrixMarketTestSupport.dataDir().resolve(r.file());
    }

    private static MatrixMarketData data(ManifestRow r) {
        return CACHE.computeIfAbsent(r.file(), f -> {
            try {
                return r.isComplex() ? MatrixMarket.readPattern(path(r)) : MatrixMarket.read(path(r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void manifestListsEveryKindOfFile() {
        var rows = MatrixMarketTestSupport.manifest();
        assertTrue(rows.size() >= 150, "the manifest lists " + rows.size() + " files");
        assertTrue(rows.stream().anyMatch(ManifestRow::isComplex));
        assertTrue(rows.stream().anyMatch(ManifestRow::isArray));
        assertTrue(rows.stream().anyMatch(ManifestRow::isGzipped));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void readMatchesManifest(ManifestRow r) throws IOException {
        MatrixMarketData d = data(r);
        MatrixMarketHeader h = d.header();
        assertEquals(path(r).toString(), d.source(), "source");
        assertEquals(r.rows(), h.rows(), "rows");
        assertEquals(r.cols(), h.cols(), "cols");
        assertEquals(r.rows(), d.matrix().rows(), "matrix rows");
        assertEquals(r.cols(), d.matrix().cols(), "matrix cols");
        assertEquals(r.nnzStored(), h.entries(), "header().entries() = nnz_stored");
        assertEquals(r.format().toLowerCase(Locale.ROOT), h.format().word(), "format");
        assertEquals(r.field().toLowerCase(Locale.ROOT), h.field().word(), "field");
        assertEquals(r.symmetry().toLowerCase(Locale.ROOT), h.symmetry().word(), "symmetry");
        assertEquals(h, MatrixMarket.readHeader(path(r)), "readHeader agrees with read");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void expandedNonzerosAndExplicitZerosMatchManifest(ManifestRow r) {
        MatrixMarketData d = data(r);
        CsrMatrix c = d.toCsr();
        if (r.isArray()) {
            // every stored value is an entry; off-diagonal ones are mirrored
            long n = r.rows();
            long expected = switch (d.header().symmetry()) {
                case GENERAL -> (long) r.rows() * r.cols();
                case SYMMETRIC -> n * n;
                case SKEW_SYMMETRIC -> n * (n - 1);
                case HERMITIAN -> throw new AssertionError("hermitian real file");
            };
            assertEquals(expected, d.matrix().nnz(), "array values become entries (zeros included)");
            assertEquals(expected, c.nnz(), "array CSR nnz");
            return;
        }
        // The manifest says no file has duplicates, so triplets = CSR entries = nnz_full.
        assertEquals(r.nnzFull(), d.matrix().nnz(), "triplets after expansion = nnz_full");
        assertEquals(r.nnzFull(), c.nnz(), "toCsr().nnz() = nnz_full");
        long zeros = 0;
        for (int p = 0; p < c.nnz(); p++) {
            if (c.values()[p] == 0.0) {
                zeros++;
            }
        }
        assertEquals(r.explicitZeros(), zeros, "explicit zeros in the expanded matrix");
        if (d.header().field() == MatrixMarketHeader.Field.PATTERN) {
            for (int p = 0; p < c.nnz(); p++) {
                assertEquals(1.0, c.values()[p], "pattern values are 1");
            }
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void symmetricStorageIsExpandedSymmetrically(ManifestRow r) {
        MatrixMarketData d = data(r);
        CsrMatrix c = d.toCsr();
        switch (d.header().symmetry()) {
            case SYMMETRIC -> assertTrue(c.equals(c.transpose()), "A = Aᵀ after expansion");
            case SKEW_SYMMETRIC -> {
                assertTrue(c.equals(MatrixMarketTestSupport.negate(c.transpose())), "A = −Aᵀ after expansion");
                for (int i = 0; i < c.rows(); i++) {
                    assertEquals(0.0, c.get(i, i), "skew diagonal");
                }
            }
            case GENERAL -> {
                if (d.header().format() == Format.COORDINATE) {
                    assertEquals(r.nnzStored(), c.nnz(), "general: nothing added");
                }
            }
            case HERMITIAN -> throw new AssertionError("hermitian real file");
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("complexRows")
    void complexFileIsRefusedByReadNamingTheFile(ManifestRow r) {
        Path p = path(r);
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(p));
        assertEquals(p.toString(), e.file(), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertEquals(1, e.line(), e.getMessage());
        assertHasKeyword(e, "not supported");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("complexRows")
    void complexFileStructureIsReadByReadPattern(ManifestRow r) throws IOException {
        MatrixMarketData d = data(r);
        MatrixMarketHeader h = d.header();
        assertEquals(r.rows(), h.rows(), "rows");
        assertEquals(r.cols(), h.cols(), "cols");
        assertEquals(r.nnzStored(), h.entries(), "header().entries() = nnz_stored");
        assertEquals(MatrixMarketHeader.Field.COMPLEX, h.field());
        assertEquals(r.symmetry().toLowerCase(Locale.ROOT), h.symmetry().word(), "symmetry");
        CsrMatrix c = d.toCsr();
        if (r.hasNnzFull()) {
            assertEquals(r.nnzFull(), c.nnz(), "toCsr().nnz() = nnz_full");
        } else {
            long n = r.rows();
            long expected = switch (h.symmetry()) {
                case GENERAL -> (long) r.rows() * r.cols();
                case SYMMETRIC, HERMITIAN -> n * n;
                case SKEW_SYMMETRIC -> n * (n - 1);
            };
            assertEquals(expected, c.nnz(), "array structure");
        }
        for (int p = 0; p < c.nnz(); p++) {
            assertEquals(1.0, c.values()[p], "readPattern values are 1");
        }
        if (h.symmetry() != MatrixMarketHeader.Symmetry.GENERAL) {
            assertTrue(c.equals(c.transpose()), "structure of a symmetric/Hermitian/skew file is symmetric");
        }
    }

    /** readPattern on a real file gives the structure of read() with every value 1. */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("realRows")
    void readPatternOfRealFileHasTheSameStructure(ManifestRow r) throws IOException {
        if (r.isGzipped()) {
            return; // the medium files are covered by read(); keep the suite fast
        }
        CsrMatrix full = data(r).toCsr();
        MatrixMarketData pd = MatrixMarket.readPattern(path(r));
        assertEquals(data(r).header(), pd.header());
        CooMatrix pm = pd.matrix();
        assertEquals(data(r).matrix().nnz(), pm.nnz());
        CsrMatrix pc = pd.toCsr();
        assertEquals(full.nnz(), pc.nnz());
        for (int i = 0; i <= full.rows(); i++) {
            if (full.rowPointers()[i] != pc.rowPointers()[i]) {
                throw new AssertionError("row pointer " + i + " differs");
            }
        }
        for (int p = 0; p < pc.nnz(); p++) {
            assertEquals(full.columnIndices()[p], pc.columnIndices()[p]);
            assertEquals(1.0, pc.values()[p]);
        }
    }
}
