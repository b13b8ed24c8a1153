package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.MatrixStatistics;

/**
 * Coverage-guided fuzzing of the Matrix Market reader and the vector reader (Jazzer). The contract:
 * whatever the bytes, reading either returns a matrix consistent with its header or throws a
 * {@link MatrixMarketException} whose message names the file, and whose quoted text carries no raw
 * control character; any other exception or error is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) this runs in regression mode: once over every input in
 * {@code src/test/resources/org/sparrow/core/io/MatrixMarketFuzzTestInputs/readersThrowOnlyMatrixMarketExceptions}
 * — small real matrices and format variants from {@code ../shared/data/matrices}, every malformed
 * case of {@link MatrixMarketMalformedTest}, and each crashing input fuzzing has found. Fuzzing mode
 * (see core/README.md) mutates them for as long as it is given and writes new crashing inputs to
 * that folder.
 */
class MatrixMarketFuzzTest {

    private static final String NAME = "fuzz.mtx";

    @FuzzTest(maxDuration = "10m")
    void readersThrowOnlyMatrixMarketExceptions(byte[] data) {
        try {
            check(MatrixMarket.read(new ByteArrayInputStream(data), NAME));
        } catch (MatrixMarketException e) {
            checkMessage(e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error from an in-memory stream: " + e, e);
        }
        try {
            check(MatrixMarketReader.read(new ByteArrayInputStream(data), data.length, NAME,
                    MatrixMarketReader.Values.PATTERN));
        } catch (MatrixMarketException e) {
            checkMessage(e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error from an in-memory stream: " + e, e);
        }
        try {
            MatrixMarketHeader h = MatrixMarketReader.readHeader(new ByteArrayInputStream(data), NAME);
            assertTrue(h.rows() >= 1 && h.cols() >= 1 && h.entries() >= 0, h::toString);
        } catch (MatrixMarketException e) {
            checkMessage(e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error from an in-memory stream: " + e, e);
        }
        try {
            double[] v = MatrixMarket.readVector(new ByteArrayInputStream(data), NAME);
            assertTrue(v.length >= 1);
        } catch (MatrixMarketException e) {
            checkMessage(e);
        } catch (IOException e) {
            throw new AssertionError("an I/O error from an in-memory stream: " + e, e);
        }
    }

    /** A matrix that was read agrees with its header, and its statistics can be computed. */
    private static void check(MatrixMarketData d) {
        CooMatrix m = d.matrix();
        MatrixMarketHeader h = d.header();
        assertEquals(h.rows(), m.rows());
        assertEquals(h.cols(), m.cols());
        assertTrue(m.nnz() <= 2 * h.entries(), () -> m.nnz() + " triplets from " + h.entries() + " declared entries");
        MatrixStatistics s = MatrixStatistics.of(m);
        assertTrue(s.nnz() <= m.nnz());
    }

    /** The message names the file and a line ≥ 0, and shows no raw control character from the file. */
    private static void checkMessage(MatrixMarketException e) {
        assertEquals(NAME, e.file());
        assertTrue(e.line() >= 0, e::getMessage);
        String m = e.getMessage();
        assertTrue(m.startsWith(NAME), m);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            assertTrue(c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0), () -> "raw control character in: " + m);
        }
    }
}
