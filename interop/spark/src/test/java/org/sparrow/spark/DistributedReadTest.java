package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketException;
import org.sparrow.core.io.MatrixMarketPieces;
import org.sparrow.testing.SharedData;
import scala.Tuple3;

/** Reading Matrix Market files in parallel by byte ranges, and assembling triplets, against the local reader. */
class DistributedReadTest {

    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sc = SharedSpark.context();
    }

    private static void assertReadsAsLocal(Path file, int partitions) throws IOException {
        CsrMatrix expected = MatrixMarket.readCsr(file);
        DistributedCsrMatrix d = DistributedCsrMatrix.read(sc, file.toString(), partitions);
        try {
            assertEquals(expected.rows(), d.rows());
            assertEquals(expected.cols(), d.cols());
            assertEquals(expected.nnz(), d.nnz(), file + " nnz");
            assertEquals(partitions, d.partitions());
            assertEquals(expected, d.collect(), file + " on " + partitions + " partitions");
        } finally {
            d.unpersist();
        }
    }

    @Test
    void parallelReadEqualsTheLocalReaderOnRealFilesOfEveryKind() throws IOException {
        String[] files = {
            "small/2dcyl1.mtx",          // real general
            "small/1138_bus.mtx",        // real symmetric: mirrors cross the byte ranges
            "small/plskz362.mtx",        // real skew-symmetric
            "small/abb313.mtx",          // pattern, rectangular
            "small/jazz.mtx",            // integer symmetric
            "small/e05r0000_rhs1.mtx",   // array
            "format-variants/cholmod_fullrza_array_real_skew.mtx", // array skew-symmetric
        };
        for (String f : files) {
            for (int p : new int[] {1, 3}) {
                assertReadsAsLocal(SharedData.file(f), p);
            }
        }
    }

    @Test
    void symmetricFileSplitIntoManyRangesExpandsAcrossBlocks() throws IOException {
        Path f = SharedData.file("small/bcsstk01.mtx"); // 48 × 48, 224 stored, 400 after expansion
        DistributedCsrMatrix d = DistributedCsrMatrix.read(sc, f.toString(), 5);
        assertEquals(400, d.nnz());
        // The lower triangle read by a range ends up in the blocks owning the upper triangle's rows.
        List<RowBlock> blocks = d.blocks().collect();
        int withUpper = 0;
        for (RowBlock b : blocks) {
            CsrMatrix m = b.matrix();
            for (int i = 0; i < m.rows(); i++) {
                for (int p = m.rowPointers()[i]; p < m.rowPointers()[i + 1]; p++) {
                    if (m.columnIndices()[p] > b.firstRow() + i) {
                        withUpper++;
                    }
                }
            }
        }
        assertEquals((400 - 48) / 2, withUpper);
        assertEquals(MatrixMarket.readCsr(f), d.collect());
        d.unpersist();
    }

    @Test
    void gzipFileIsReadWholeAndEqualsTheLocalReader() throws IOException {
        assertReadsAsLocal(SharedData.file("medium/fidapex6.mtx.gz"), 3);
    }

    @Test
    void morePartitionsThanLinesGivesEmptyRangesAndBlocks() throws IOException {
        Path f = tmp.resolve("tiny.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real symmetric\n% a comment\n4 4 3\n1 1 2.5\n3 1 -1\n4 2 7e-3");
        assertReadsAsLocal(f, 12);
        assertReadsAsLocal(f, 1);
    }

    @Test
    void aRangeBoundaryInsideALineGivesTheLineToTheRangeWhereItStarts() throws IOException {
        // Every boundary position from the first to the last entry byte, with two ranges.
        Path f = tmp.resolve("lines.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n3 3 4\n1 1 1\n2 2 2\n% between\n\n3 3 3\n1 3 4\n");
        CsrMatrix expected = MatrixMarket.readCsr(f);
        MatrixMarketPieces.Start start;
        try (var in = Files.newInputStream(f)) {
            start = MatrixMarketPieces.start(in, f.toString());
        }
        long size = Files.size(f);
        for (long cut = start.dataOffset(); cut <= size; cut += 3) {
            MatrixMarketSplitReader.Plan plan = new MatrixMarketSplitReader.Plan(f.toString(), f.toString(),
                    sc.hadoopConfiguration(), start, new long[] {start.dataOffset(), cut, size});
            DistributedCsrMatrix d = MatrixMarketSplitReader.assemble(sc, plan, 2);
            assertEquals(expected, d.collect(), "cut at byte " + cut);
            d.unpersist();
        }
    }

    @Test
    void aBadLineInALaterRangeIsNamedByItsLineInTheFile() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.file("small/2dcyl1.mtx")));
        int bad = 30_000; // 0-based: line 30001, in the last of four ranges
        lines.set(bad, "1785 1 0.5");
        Path f = tmp.resolve("bad.mtx");
        Files.write(f, lines, StandardCharsets.US_ASCII);
        MatrixMarketException local = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(f));
        MatrixMarketException e = assertThrows(MatrixMarketException.class,
                () -> DistributedCsrMatrix.read(sc, f.toString(), 4));
        assertEquals(local.getMessage(), e.getMessage());
        assertEquals(bad + 1, e.line());
        assertTrue(e.getMessage().startsWith(f + ", line 30001: row index 1785 is out of range 1..1784"), e.getMessage());
    }

    @Test
    void headerErrorsAndEntriesThatDisagreeWithTheSizeLineAreNamedAsTheLocalReaderNamesThem() throws IOException {
        Path more = tmp.resolve("more.mtx");
        Files.writeString(more, "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n2 2 2\n3 3 3\n1 3 4\n");
        Path fewer = tmp.resolve("fewer.mtx");
        Files.writeString(fewer, "%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1\n2 2 2\n3 3 3\n1 3 4");
        Path badSize = tmp.resolve("badsize.mtx");
        Files.writeString(badSize, "%%MatrixMarket matrix coordinate real general\n% c\n3 3 x\n1 1 1\n");
        Path badBanner = tmp.resolve("badbanner.mtx");
        Files.writeString(badBanner, "%%MatrixMarket matrix coordinate real sideways\n3 3 1\n1 1 1\n");
        for (Path f : new Path[] {more, fewer, badSize, badBanner}) {
            MatrixMarketException local = assertThrows(MatrixMarketException.class, () -> MatrixMarket.read(f));
            MatrixMarketException e = assertThrows(MatrixMarketException.class,
                    () -> DistributedCsrMatrix.read(sc, f.toString(), 3));
            assertEquals(local.getMessage(), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsOneSentence() {
        Path f = tmp.resolve("absent.mtx");
        MatrixMarketException e = assertThrows(MatrixMarketException.class,
                () -> DistributedCsrMatrix.read(sc, f.toString(), 2));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void aFileMissingOnAWorkerIsOneSentence() throws IOException {
        Path f = tmp.resolve("gone.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n");
        MatrixMarketPieces.Start start;
        try (var in = Files.newInputStream(f)) {
            start = MatrixMarketPieces.start(in, f.toString());
        }
        MatrixMarketSplitReader.Plan plan = new MatrixMarketSplitReader.Plan(f.toString(), f.toString(),
                sc.hadoopConfiguration(), start, new long[] {start.dataOffset(), Files.size(f)});
        Files.delete(f); // the driver saw it; the workers do not
        MatrixMarketException e = assertThrows(MatrixMarketException.class,
                () -> MatrixMarketSplitReader.assemble(sc, plan, 2));
        assertTrue(e.getMessage().startsWith(f + ": the file is missing on the worker "), e.getMessage());
        assertTrue(e.getMessage().contains("every worker must reach the path"), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
    }

    @Test
    void fromCooSumsDuplicatesAsTheLocalConversion() throws IOException {
        CooMatrix coo = MatrixMarket.read(SharedData.file("small/arc130.mtx")).matrix(); // explicit zeros kept
        int n = coo.nnz();
        // Every entry twice (the second half reversed): duplicates summed in the order given.
        int[] r = new int[2 * n];
        int[] c = new int[2 * n];
        double[] v = new double[2 * n];
        for (int k = 0; k < n; k++) {
            r[k] = coo.rowIndices()[k];
            c[k] = coo.columnIndices()[k];
            v[k] = coo.values()[k];
            r[2 * n - 1 - k] = r[k];
            c[2 * n - 1 - k] = c[k];
            v[2 * n - 1 - k] = v[k] / 3;
        }
        CsrMatrix expected = new CooMatrix(coo.rows(), coo.cols(), r, c, v).toCsr();
        for (int p : new int[] {1, 4}) {
            DistributedCsrMatrix d = DistributedCsrMatrix.fromCoo(sc, coo.rows(), coo.cols(), r, c, v, p);
            assertEquals(expected, d.collect());
            assertEquals(expected.nnz(), d.nnz());
            d.unpersist();
        }
        List<Tuple3<Integer, Integer, Double>> triplets = new ArrayList<>();
        for (int k = 0; k < 2 * n; k++) {
            triplets.add(new Tuple3<>(r[k], c[k], v[k]));
        }
        DistributedCsrMatrix d = DistributedCsrMatrix.fromCoo(sc.parallelize(triplets, 3), coo.rows(), coo.cols(), 2);
        assertEquals(expected, d.collect());
        d.unpersist();
    }

    @Test
    void anEntryOutsideTheMatrixIsOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributedCsrMatrix.fromCoo(sc
                .parallelize(List.of(new Tuple3<>(0, 0, 1.0), new Tuple3<>(4, 1, 2.0)), 2), 3, 3, 2));
        assertEquals("entry (5, 2) lies outside the 3×3 matrix (rows and columns count from 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedCsrMatrix.fromCoo(sc, 2, 2,
                new int[] {0, 1}, new int[] {0}, new double[] {1, 2}, 1));
        assertEquals("the triplet arrays differ in length: 2 row indices, 1 column indices, 2 values", e.getMessage());
    }
}
