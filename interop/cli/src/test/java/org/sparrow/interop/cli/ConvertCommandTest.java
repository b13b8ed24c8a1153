package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.MatrixMarketHeader;
import org.sparrow.core.io.MatrixMarketHeader.Field;
import org.sparrow.core.io.MatrixMarketHeader.Format;
import org.sparrow.core.io.MatrixMarketHeader.Symmetry;

class ConvertCommandTest {

    @TempDir
    Path tmp;

    /** A successful run: the JSON object on stdout with --json, else the status line ("wrote …") on stderr. */
    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        if (java.util.Arrays.asList(args).contains("--json")) {
            assertEquals("", r.err(), r::toString);
        } else {
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().startsWith("wrote "), r::toString);
        }
        return r;
    }

    private static boolean isGzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Test
    void convertToGzipAndBackGivesTheSameMatrix() throws IOException {
        Path ex = TestData.example();
        Path gz = tmp.resolve("a.mtx.gz");
        Path back = tmp.resolve("b.mtx");
        Cli.Result r = ok("convert", ex.toString(), gz.toString());
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("wrote " + gz) && r.err().contains("48x48"), r::toString);
        assertTrue(isGzip(gz), "a name ending in .gz is compressed");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertTrue(new String(in.readNBytes(14)).startsWith("%%MatrixMarket"));
        }
        ok("convert", gz.toString(), back.toString());
        assertFalse(isGzip(back));
        CsrMatrix original = MatrixMarket.readCsr(ex);
        assertEquals(original, MatrixMarket.readCsr(gz));
        assertEquals(original, MatrixMarket.readCsr(back));
        assertEquals(Symmetry.GENERAL, MatrixMarket.readHeader(back).symmetry(), "expanded by default");
    }

    @Test
    void commentLinesOfTheInputAreKeptInTheOutput() throws IOException {
        Path in = tmp.resolve("commented.mtx");
        Files.writeString(in, "%%MatrixMarket matrix coordinate real general\n% source: somewhere\n%-----\n%\n"
                + "2 2 1\n1 2 3.5\n");
        Path out = tmp.resolve("out.mtx.gz");
        ok("convert", in.toString(), out.toString());
        assertEquals(java.util.List.of("source: somewhere", "-----", ""), MatrixMarket.read(out).comments());
        assertEquals(MatrixMarket.readCsr(in), MatrixMarket.readCsr(out));
    }

    @Test
    void symmetricConversionWritesTheLowerTriangleAndReadsBackEqual() throws IOException {
        Path ex = TestData.example();
        Path sym = tmp.resolve("sym.mtx.gz");
        Cli.Result r = ok("convert", "--symmetric", "--json", ex.toString(), sym.toString());
        Map<String, Object> j = JsonReader.parseObject(r.out());
        assertEquals(ex.toString(), j.get("input"));
        assertEquals(sym.toString(), j.get("output"));
        assertEquals(new BigDecimal(48), j.get("rows"));
        assertEquals(new BigDecimal(48), j.get("cols"));
        assertEquals(new BigDecimal(400), j.get("nnz"));
        assertEquals("symmetric", j.get("symmetry"));
        assertEquals(new BigDecimal(224), j.get("entries"));
        assertEquals("coordinate", j.get("format"));
        assertEquals("real", j.get("field"));
        assertEquals(MatrixMarket.readCsr(ex), MatrixMarket.readCsr(sym));
    }

    @Test
    void arrayFormatRoundTripsAndTheFieldCanChange() throws IOException {
        Path in = tmp.resolve("small.mtx");
        Files.writeString(in, "%%MatrixMarket matrix coordinate integer general\n3 2 4\n1 1 3\n2 2 -7\n3 1 5\n3 2 1\n");
        Path array = tmp.resolve("dense.mtx");
        Path real = tmp.resolve("real.mtx");
        ok("convert", "--format", "array", in.toString(), array.toString());
        MatrixMarketHeader h = MatrixMarket.readHeader(array);
        assertEquals(Format.ARRAY, h.format());
        assertEquals(Field.INTEGER, h.field(), "field defaults to the input's");
        assertEquals(6, h.entries());
        ok("convert", "--field", "REAL", "--format", "coordinate", array.toString(), real.toString());
        assertEquals(Field.REAL, MatrixMarket.readHeader(real).field());
        // The array file stores its zeros, which come back as explicit zeros: compare values.
        assertEquals(MatrixMarket.readCsr(in).toDense(), MatrixMarket.readCsr(real).toDense());
        assertEquals(6, MatrixMarket.readCsr(real).nnz());
    }

    @Test
    void symmetricConversionOfANonsymmetricMatrixFailsClearly() throws IOException {
        Path in = tmp.resolve("nonsym.mtx");
        Files.writeString(in, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n2 1 3.0\n");
        Path out = tmp.resolve("out.mtx");
        Cli.Result r = Cli.run("convert", "--symmetric", in.toString(), out.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().startsWith("sparrow: "), r::toString);
        assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("symmetric"), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("at org."), r::toString);
        assertFalse(Files.exists(out), "no output left behind");
    }

    @Test
    void integerFieldForNonIntegerValuesFails() throws IOException {
        Path out = tmp.resolve("int.mtx");
        Cli.Result r = Cli.run("convert", "--field", "integer", TestData.example().toString(), out.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertFalse(Files.exists(out), "no output left behind");
    }

    @Test
    void complexInputIsRefusedWithOneLine() {
        Path young = TestData.dataDir().resolve("small/young1c.mtx");
        Cli.Result r = Cli.run("convert", young.toString(), tmp.resolve("y.mtx").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().length, r::toString);
        assertTrue(r.err().contains("young1c.mtx") && r.err().contains("not supported"), r::toString);
    }
}
