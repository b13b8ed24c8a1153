package org.sparrow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingFolderFailsWhenTheDataIsRequiredNamingTheFolder() {
        Path missing = tmp.resolve("no-such-matrices");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedData.dir(missing.toString(), true));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("sparrow.data.required=true"), e.getMessage());
    }

    @Test
    void aMissingFolderSkipsWhenTheDataIsNotRequiredNamingTheFolder() {
        Path missing = tmp.resolve("no-such-matrices");
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> SharedData.dir(missing.toString(), false));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().startsWith("Assumption failed: skipped: ") || e.getMessage().startsWith("skipped: "),
                e.getMessage());
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
