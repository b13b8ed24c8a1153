package org.sparrow.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @Test
    void csvQuotesCellsWithCommasQuotesAndLineBreaksOnly() {
        Table t = new Table("name", "note").row("plain", "a, b").row("say \"hi\"", "two\nlines").row("cr", "x\ry");
        assertEquals("name,note\nplain,\"a, b\"\n\"say \"\"hi\"\"\",\"two\nlines\"\ncr,\"x\ry\"\n", t.csv());
    }

    @Test
    void csvWritesNullAsAnEmptyCellAndKeepsUnicode() {
        Table t = new Table("a", "b", "c").row(null, 1.5, "ρ∞ ≤ ε/√d");
        assertEquals("a,b,c\n,1.5,ρ∞ ≤ ε/√d\n", t.csv());
    }

    @Test
    void csvFileHoldsTheSameTextInUtf8(@TempDir Path dir) throws IOException {
        Table t = new Table("x").row("µs");
        Path f = dir.resolve("t.csv");
        t.writeCsv(f);
        assertEquals(t.csv(), Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void markdownEscapesPipesAndFlattensLineBreaks() {
        Table t = new Table("matrix", "ms").row("a|b", "1\n2");
        assertEquals("| matrix | ms |\n|---|---:|\n| a\\|b | 1 2 |\n", t.markdown(Table.Align.LEFT, Table.Align.RIGHT));
    }

    @Test
    void markdownWithoutAlignmentsIsLeftAligned() {
        assertEquals("| a | b |\n|---|---|\n", new Table("a", "b").markdown());
        assertEquals("| a | b | c |\n|---|---:|---:|\n", new Table("a", "b", "c").markdown(Table.leftThenRight(1, 3)));
    }

    @Test
    void aRowWithTheWrongCountOfCellsIsRefusedNamingTheRowAndTheColumns() {
        Table t = new Table("a", "b").row(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.row(1));
        assertEquals("row 2 has 1 cells but the table has 2 columns (a, b)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.markdown(Table.Align.LEFT));
        assertThrows(IllegalArgumentException.class, Table::new);
    }

    @Test
    void numbersThatAreNotFiniteBecomeTheMissingText() {
        assertEquals("", Table.g(Double.NaN));
        assertEquals("", Table.num(Double.POSITIVE_INFINITY, "%.2f"));
        assertEquals("n/a", Table.na(Double.NEGATIVE_INFINITY, "%.2f", "n/a"));
        assertEquals("1.2346", Table.g(1.23456789));
        assertEquals("1.50e-03", Table.num(1.5e-3, "%.2e"));
        assertTrue(Table.na(0.5, "%.1f", "—").equals("0.5"), "Locale.ROOT decimal point");
    }
}
