package org.sparrow.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final Args.Spec SPEC = Args.spec("Suite", "usage: Suite [DIR] [--quick] [--threads T]")
            .positional("DIR").flags("--quick").options("--threads", "--cap", "--matrices", "--k")
            .optionalValues("--check");

    @Test
    void parsesThePositionalFlagsOptionsAndDefaults() {
        Args a = SPEC.parse("out", "--quick", "--threads", "4", "--matrices", "a, b,,c");
        assertEquals(Path.of("out"), a.positional(Path.of("default")));
        assertTrue(a.has("--quick"));
        assertEquals(4, a.integer("--threads", 2, 1));
        assertEquals(2.5, a.number("--cap", 2.5, 0));
        assertEquals(List.of("a", "b", "c"), a.list("--matrices"));
        assertArrayEquals(new int[] {32, 128}, a.integers("--k", new int[] {32, 128}));
        Args none = SPEC.parse();
        assertEquals(Path.of("default"), none.positional(Path.of("default")));
        assertFalse(none.has("--quick"));
        assertEquals(List.of(), none.list("--matrices"));
    }

    @Test
    void anOptionalValueIsTakenUnlessTheNextArgumentIsAnOption() {
        assertEquals(Path.of("b.csv"), SPEC.parse("--check", "b.csv").path("--check", Path.of("base.csv")));
        Args bare = SPEC.parse("--check", "--quick");
        assertTrue(bare.has("--check"));
        assertTrue(bare.has("--quick"));
        assertEquals(Path.of("base.csv"), bare.path("--check", Path.of("base.csv")));
    }

    @Test
    void anUnknownArgumentIsAUsageErrorNamingIt() {
        Args.UsageError e = assertThrows(Args.UsageError.class, () -> SPEC.parse("--quik"));
        assertEquals("unknown argument '--quik'", e.getMessage());
        assertEquals("usage: Suite [DIR] [--quick] [--threads T]", e.usage());
        assertThrows(Args.UsageError.class, () -> SPEC.parse("out", "again"), "only one leading positional");
        assertThrows(Args.UsageError.class, () -> Args.spec("X", "usage").parse("dir"), "no positional accepted");
    }

    @Test
    void aMissingValueIsAUsageErrorNamingTheOption() {
        Args.UsageError e = assertThrows(Args.UsageError.class, () -> SPEC.parse("--threads"));
        assertEquals("--threads needs a value", e.getMessage());
    }

    @Test
    void aMalformedOrOutOfRangeNumberIsAUsageErrorNamingTheOptionAndTheValue() {
        assertEquals("--threads needs an integer ≥ 1, not 'two'",
                assertThrows(Args.UsageError.class, () -> SPEC.parse("--threads", "two").integer("--threads", 2, 1))
                        .getMessage());
        assertEquals("--threads needs an integer ≥ 1, not '0'",
                assertThrows(Args.UsageError.class, () -> SPEC.parse("--threads", "0").integer("--threads", 2, 1))
                        .getMessage());
        assertEquals("--cap needs a number > 0, not '-1'",
                assertThrows(Args.UsageError.class, () -> SPEC.parse("--cap", "-1").number("--cap", 3, 0)).getMessage());
        assertEquals("--cap needs a number > 0, not 'NaN'",
                assertThrows(Args.UsageError.class, () -> SPEC.parse("--cap", "NaN").number("--cap", 3, 0)).getMessage());
        assertEquals("--k needs positive integers, not 'x'",
                assertThrows(Args.UsageError.class, () -> SPEC.parse("--k", "8,x").integers("--k", new int[] {1}))
                        .getMessage());
    }

    @Test
    void helpIsRecognisedInAnyPosition() {
        assertTrue(Args.wantsHelp("out", "--help"));
        assertTrue(Args.wantsHelp("-h"));
        assertFalse(Args.wantsHelp("out", "--quick"));
    }
}
