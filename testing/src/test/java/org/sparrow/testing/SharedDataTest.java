package org.sparrow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "required = {0}")
    @ValueSource(booleans = {true, false})
    void aMissingFolderFailsWhenTheDataIsRequiredAndIsSkippedOtherwiseNamingTheFolder(boolean required) {
        Path missing = tmp.resolve("no-such-matrices");
        Class<? extends Throwable> expected = required ? AssertionFailedError.class : TestAbortedException.class;
        Throwable e = assertThrows(expected, () -> SharedData.dir(missing.toString(), required));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(required ? "(sparrow.data.required=true)" : "skipped: "), e.getMessage());
    }

    @Test
    void aFolderWithoutItsManifestCountsAsMissing() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        assertThrows(AssertionFailedError.class, () -> SharedData.dir(tmp.resolve("empty").toString(), true));
    }

    @Test
    void anUnsetPropertyFailsWhenRequiredSayingSo() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> SharedData.dir(null, true));
        assertTrue(e.getMessage().contains("sparrow.data.dir is not set"), e.getMessage());
        assertThrows(TestAbortedException.class, () -> SharedData.dir(" ", false));
    }

    @Test
    void aFolderWithItsManifestIsReturned() throws IOException {
        Files.writeString(tmp.resolve("MANIFEST.tsv"), "file\n");
        assertEquals(tmp.toAbsolutePath().normalize(), SharedData.dir(tmp.toString(), true));
    }

    @Test
    void presentDataNeitherSkipsNorFails() {
        SharedData.require(true, "anything", true);
        SharedData.require(true, "anything", false);
    }
}
