package org.papergraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.cli.Main;
import org.papergraph.resolve.Iris;

/**
 * A store folder that cannot be created or written gives one clear line and exit status 3, not a stack trace,
 * and leaves nothing behind. (A full disk is checked by hand on a small tmpfs: docs/RELIABILITY.md.)
 */
class StoreFailureTest {
    @TempDir Path tmp;

    @Test
    void storeUnderARegularFileIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a folder");
        StoreException e = assertThrows(StoreException.class, () -> GraphStore.open(file.resolve("db"), Iris.defaults()));
        assertTrue(e.getMessage().contains("cannot use store folder"), e.getMessage());

        String[] outErr = new String[2];
        int status = run(outErr, "ingest", "--store", file.resolve("db").toString(), SharedData.listing().toString());
        assertEquals(3, status, outErr[1]);
        assertEquals(1, outErr[1].strip().lines().count(), outErr[1]);
        assertTrue(outErr[1].startsWith("papergraph: cannot use store folder " + file.resolve("db")), outErr[1]);
        assertFalse(outErr[1].contains("\tat "), outErr[1]);
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void readOnlyStoreFolderIsAClearError() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere, so the check cannot be shown failing there
            assumeFalse(Files.isWritable(dir), "running as root: file permissions are not enforced");
            String[] outErr = new String[2];
            int status = run(outErr, "ingest", "--store", dir.toString(), SharedData.listing().toString());
            assertEquals(3, status, outErr[1]);
            assertTrue(outErr[1].startsWith("papergraph: store folder " + dir + " is not writable"), outErr[1]);
            try (var entries = Files.list(dir)) {
                assertEquals(0, entries.count());
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static int run(String[] outErr, String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            outErr[0] = o.toString(StandardCharsets.UTF_8);
            outErr[1] = e.toString(StandardCharsets.UTF_8);
        }
    }
}
