package org.sparrow.benchmarks.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;

class CsrCacheTest {

    @TempDir
    Path dir;

    @Test
    void aCachedMatrixReadsBackBitIdentical() throws IOException {
        // larger than one 1 MiB buffer, so refills and flushes are exercised
        CsrMatrix a = Generators.rmat(12, 16, 0.45, 0.22, 0.22, 7);
        Path f = dir.resolve("a.csr");
        CsrCache.write(a, f);
        assertEquals(CsrCache.HEADER_BYTES + 4L * (a.rows() + 1) + 12L * a.nnz(), Files.size(f));
        CsrMatrix b = CsrCache.read(f);
        assertEquals(a.rows(), b.rows());
        assertEquals(a.cols(), b.cols());
        assertArrayEquals(a.rowPointers(), b.rowPointers());
        assertArrayEquals(a.columnIndices(), b.columnIndices());
        assertArrayEquals(a.values(), b.values());
        assertTrue(Files.notExists(dir.resolve("a.csr.part")));
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedNamingIt() throws IOException {
        Path f = dir.resolve("p.csr");
        CsrCache.write(Generators.poisson2d(20), f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.csr");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 8));
        IOException e = assertThrows(IOException.class, () -> CsrCache.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("the file has"), e.getMessage());
        Path other = dir.resolve("other.csr");
        Files.writeString(other, "%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 2\n");
        IOException f2 = assertThrows(IOException.class, () -> CsrCache.read(other));
        assertTrue(f2.getMessage().contains("not a cached CSR matrix"), f2.getMessage());
    }
}
