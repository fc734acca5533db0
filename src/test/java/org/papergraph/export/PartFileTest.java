package org.papergraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {
    @TempDir Path tmp;

    private List<String> names() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theTargetAppearsOnlyWhenCommitted() throws Exception {
        Path target = tmp.resolve("out.nq");
        Files.writeString(target, "old\n");
        try (PartFile pf = PartFile.beside(target)) {
            try (OutputStream out = pf.open()) {
                out.write("new\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("old\n", Files.readString(target), "the old file stays until the new one is complete");
            assertTrue(Files.exists(pf.part()));
            pf.commit();
        }
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("out.nq"), names());
    }

    @Test
    void aFailedWriteDeletesThePartAndKeepsTheOldFile() throws Exception {
        Path target = tmp.resolve("out.nq");
        Files.writeString(target, "old\n");
        assertThrows(IllegalStateException.class, () -> {
            try (PartFile pf = PartFile.beside(target); OutputStream out = pf.open()) {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IllegalStateException("the writer failed");
            }
        });
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.nq"), names());
    }

    @Test
    void leftoversOfEndedProcessesAreRemovedThoseOfRunningOnesKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(tmp.resolve(".out.nq.part-" + ended.pid()), "dead");
            Files.writeString(tmp.resolve(".out.nq.part-" + running.pid()), "alive");
            Files.writeString(tmp.resolve(".other.nq.part-" + ended.pid()), "another target's");
            try (PartFile pf = PartFile.beside(tmp.resolve("out.nq"))) {
                assertEquals(List.of(tmp.resolve(".out.nq.part-" + ended.pid())), pf.removedLeftovers());
            }
            assertEquals(List.of(".other.nq.part-" + ended.pid(), ".out.nq.part-" + running.pid()), names());
        } finally {
            running.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFolderIsRefused() {
        IOException e = assertThrows(IOException.class, () -> PartFile.beside(tmp));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    /** A process stopped with SIGTERM while writing removes its partial file on the way out. */
    @Test
    void aStoppedProcessRemovesItsPart() throws Exception {
        Path target = tmp.resolve("big.nq");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("writing "), "the child did not start: " + line);
            Path part = Path.of(line.substring("writing ".length()));
            assertTrue(Files.size(part) > 0, "the child has written part of the file");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names());
    }

    /** The child of {@link #aStoppedProcessRemovesItsPart}: writes forever into a PartFile. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (PartFile pf = PartFile.beside(Path.of(args[0])); OutputStream out = pf.open()) {
                out.write("<a> <b> <c> .\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println("writing " + pf.part());
                System.out.flush();
                while (true) {
                    out.write("<a> <b> <c> .\n".getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(10);
                }
            }
        }
    }
}
