package org.papergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An output file written beside its target and moved into place only when complete, so a failed, interrupted or
 * killed run never leaves a partial file under the target's name.
 *
 * <p>The partial file is {@code .NAME.part-PID}. It is deleted when the run fails, and by a shutdown hook when the
 * process is stopped (Ctrl-C, {@code kill}). A process killed outright ({@code kill -9}, power loss) cannot clean
 * up: the next run writing the same target deletes partial files whose process is no longer alive.
 */
public final class PartFile implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final Thread cleanup;
    private final List<Path> removedLeftovers;
    private boolean done;

    private PartFile(Path target, Path part, List<Path> removedLeftovers) {
        this.target = target;
        this.part = part;
        this.removedLeftovers = List.copyOf(removedLeftovers);
        this.cleanup = new Thread(this::deletePart, "papergraph-partfile-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Prepares to write {@code target}: removes leftovers of dead runs, creates the parent folder. Throws an
     * IOException naming the problem when the target is a folder or the folder cannot be made.
     */
    public static PartFile beside(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new IOException(target + " is a folder; name an output file");
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        List<Path> removed = removeLeftovers(dir, abs.getFileName().toString());
        return new PartFile(abs, dir.resolve(prefix(abs.getFileName().toString()) + ProcessHandle.current().pid()), removed);
    }

    private static String prefix(String name) { return "." + name + ".part-"; }

    /** Deletes {@code .NAME.part-PID} files in {@code dir} whose process is not running; returns what it deleted. */
    static List<Path> removeLeftovers(Path dir, String name) throws IOException {
        String prefix = prefix(name);
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                long pid;
                try {
                    pid = Long.parseLong(p.getFileName().toString().substring(prefix.length()));
                } catch (NumberFormatException e) {
                    continue; // not ours
                }
                if (pid == ProcessHandle.current().pid()) continue;
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue; // a run in progress
                if (Files.deleteIfExists(p)) removed.add(p);
            }
        }
        return removed;
    }

    /** Partial files of earlier, killed runs that {@link #beside} deleted. */
    public List<Path> removedLeftovers() { return removedLeftovers; }

    /** Reports each deleted leftover to {@code out}, one line each. */
    public PartFile reportLeftovers(Consumer<String> out) {
        for (Path p : removedLeftovers) out.accept("removed " + p + ", left by an interrupted earlier run");
        return this;
    }

    public Path part() { return part; }

    public Path target() { return target; }

    /** Opens the partial file for writing (truncating it). */
    public OutputStream open() throws IOException { return Files.newOutputStream(part); }

    /** Moves the complete partial file into place, replacing the target. */
    public void commit() throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        unhook();
    }

    /** Deletes the partial file unless it was committed. */
    @Override
    public void close() {
        if (!done) deletePart();
        done = true;
        unhook();
    }

    private void deletePart() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // best effort: the next run writing this target removes it (its process is gone)
        }
    }

    private void unhook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and finds nothing to delete
        }
    }
}
