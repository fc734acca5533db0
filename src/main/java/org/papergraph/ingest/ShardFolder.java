package org.papergraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of N-Quads shards, as {@code convert -o DIR/} and the Spark job write it: {@code part-NNNNN.nq.gz}
 * (the record graphs and their provenance, in input order), {@code shared-NNNNN.nq.gz} (what no one record owns:
 * entity declarations, the extractors' descriptions) and, written last, {@value #DONE} with the run's summary.
 * Each shard is written under a hidden name and renamed into place when complete; a folder without
 * {@value #DONE} is an unfinished conversion. Together the shards hold exactly the quads {@code convert} writes to
 * one file for the same inputs; their order across shards carries no meaning.
 */
public final class ShardFolder {
    /** Written last: the folder is complete. */
    public static final String DONE = "_SUCCESS";

    private ShardFolder() {}

    public static String recordShard(int i) { return String.format(Locale.ROOT, "part-%05d.nq.gz", i); }

    public static String sharedShard(int i) { return String.format(Locale.ROOT, "shared-%05d.nq.gz", i); }

    /** Whether {@code name} is a file this layout writes (shards, the marker, or a hidden unfinished one). */
    static boolean ours(String name) {
        return name.matches("(part|shared)-\\d{5,}\\.nq\\.gz") || name.equals(DONE) || name.startsWith(".");
    }

    /**
     * Makes {@code dir} ready for a new set of shards: created when missing, emptied of an earlier run's shards.
     *
     * @throws IngestException when it is a file, or holds files this layout does not write
     */
    public static void prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IngestException(dir + " is a file; name a folder for the shards");
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> all = s.toList();
                for (Path p : all) {
                    if (!ours(p.getFileName().toString())) {
                        throw new IngestException(dir + " holds " + p.getFileName() + ", which is not a shard: name a new or empty folder");
                    }
                }
                // The marker first: a folder being rewritten is never complete.
                Files.deleteIfExists(dir.resolve(DONE));
                for (Path p : all) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IngestException("cannot prepare " + dir + " for shards: " + e.getMessage());
        }
    }

    /** Removes unfinished shards left by failed task attempts and writes {@value #DONE} with {@code summary}. */
    public static void complete(Path dir, String summary) {
        try {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(".") && n.endsWith(".tmp")) Files.deleteIfExists(p);
                }
            }
            Path tmp = dir.resolve("." + DONE + ".tmp");
            Files.writeString(tmp, summary + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(DONE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestException("cannot finish " + dir + ": " + e.getMessage());
        }
    }

    /** Whether {@code dir} is a complete shard folder. */
    public static boolean isShardFolder(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(DONE));
    }

    /** Whether {@code dir} looks like a shard folder whose conversion did not finish (shards, no marker). */
    public static boolean isUnfinished(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(DONE))) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("(part|shared)-\\d{5,}\\.nq\\.gz"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The shards of a complete folder, in name order. */
    public static List<Path> shards(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("(part|shared)-\\d{5,}\\.nq\\.gz")).sorted().toList();
        } catch (IOException e) {
            throw new IngestException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
