package org.papergraph.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one N-Quads shard (gzip) atomically: into a hidden file beside it named after the task attempt, renamed
 * into place once complete. A task that dies leaves at most a hidden {@code .*.tmp} file, which no reader of the
 * folder takes for a shard; a retried or speculative attempt writes the same bytes and renames over it.
 */
final class ShardFiles {
    private ShardFiles() {}

    interface Body { void write(OutputStream out) throws IOException; }

    static void write(Path dir, String name, long attempt, Body body) {
        Path tmp = dir.resolve("." + name + ".attempt-" + attempt + ".tmp");
        Path target = dir.resolve(name);
        try {
            try (OutputStream file = Files.newOutputStream(tmp);
                 OutputStream gz = new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16)) {
                body.write(gz);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shard " + target + ": " + e.getMessage(), e);
        }
    }
}
