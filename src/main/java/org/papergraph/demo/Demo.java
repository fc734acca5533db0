package org.papergraph.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestException;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.store.GraphStore;
import org.papergraph.store.StoreException;

/**
 * The demo: a corpus bundled as classpath resources, ingested into a store of its own.
 *
 * <p>A corpus is a resource folder ({@value #BUNDLED} in the jar) whose {@code index.txt} lists its files, one per
 * line: a resource path relative to the folder (or starting with the folder), optionally followed by a format name
 * to force; blank lines and lines starting with {@code #} are skipped. Each file goes through the normal
 * {@link Ingestor} (reader → record → extractors → store), named {@code classpath:PATH} in the provenance.
 *
 * <p>A demo store is marked with a {@value #MARKER} file so that a later demo may delete and rebuild it;
 * {@link #prepareStore} refuses to delete any folder without that mark. Stateless.
 */
public final class Demo {
    /** Resource folder of the corpus shipped in the jar. */
    public static final String BUNDLED = "demo/";
    /** File that marks a store folder as made by the demo, and so safe to rebuild. */
    public static final String MARKER = ".papergraph-demo";
    private static final String INDEX = "index.txt";

    private Demo() {}

    /** One file of a corpus: its classpath resource and the format to force, or null to detect it. */
    public record Entry(String resource, String format) {}

    /**
     * The files listed in {@code base}'s index.
     *
     * @throws IngestException when the index is missing or names a resource that does not exist
     */
    public static List<Entry> entries(String base) {
        String folder = base.endsWith("/") ? base : base + "/";
        String index = folder + INDEX;
        List<Entry> list = new ArrayList<>();
        try (InputStream in = open(index).orElseThrow(() -> new IngestException(
                "the demo corpus is missing from this build: no " + index + " on the classpath"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] parts = l.split("\\s+");
                if (parts.length > 2) throw new IngestException(index + ", line " + n + ": expected 'PATH [FORMAT]', got '" + l + "'");
                String resource = parts[0].startsWith(folder) ? parts[0] : folder + parts[0];
                if (Demo.class.getClassLoader().getResource(resource) == null) {
                    throw new IngestException(index + ", line " + n + ": no resource " + resource + " on the classpath");
                }
                list.add(new Entry(resource, parts.length == 2 ? parts[1] : null));
            }
        } catch (IOException e) {
            throw new IngestException("cannot read " + index + ": " + e.getMessage());
        }
        if (list.isEmpty()) throw new IngestException(index + " lists no files");
        return list;
    }

    /**
     * Ingests every file of the corpus at {@code base} into {@code store} with the default extractors and returns
     * the combined summary.
     */
    public static IngestSummary ingest(GraphStore store, String base, IngestListener listener) {
        Ingestor ingestor = new Ingestor(store, Extractors.defaults(store.iris()), Ingestor.DEFAULT_BATCH, listener);
        int files = 0;
        long read = 0, stored = 0, rejected = 0, quads = 0, provenance = 0, millis = 0;
        for (Entry e : entries(base)) {
            try (InputStream in = open(e.resource()).orElseThrow()) {
                IngestSummary s = ingestor.ingest(in, "classpath:" + e.resource(), e.format());
                files += s.files();
                read += s.read();
                stored += s.stored();
                rejected += s.rejected();
                quads += s.quads();
                provenance += s.provenance();
                millis += s.millis();
            } catch (IOException x) {
                throw new IngestException("cannot read resource " + e.resource() + ": " + x.getMessage());
            }
        }
        return new IngestSummary(files, read, stored, rejected, quads, provenance, millis);
    }

    /**
     * Makes {@code dir} ready for a fresh demo store: nothing to do when it is missing or empty; an earlier demo
     * store (it has the {@value #MARKER} mark) is deleted. Call before opening the store, with no process using it.
     *
     * @throws StoreException when the folder holds anything else (a store the demo did not make, other files), or
     *                        an earlier demo store that a running process still holds, or it cannot be deleted
     */
    public static void prepareStore(Path dir) {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new StoreException(dir + " is a file, not a folder; choose another --store");
        try {
            List<Path> entries;
            try (Stream<Path> s = Files.list(dir)) {
                entries = s.toList();
            }
            if (entries.isEmpty()) return;
            if (!Files.exists(dir.resolve(MARKER))) {
                boolean tdb = entries.stream().map(p -> p.getFileName().toString())
                        .anyMatch(n -> n.startsWith("Data-") || n.equals("tdb.lock"));
                throw new StoreException(tdb
                        ? dir + " holds a papergraph store that the demo did not make; the demo will not delete it. Choose another --store"
                        : dir + " is not empty and is not a papergraph store; the demo will not delete it. Choose another --store");
            }
            Optional<Long> holder = lockHolder(dir);
            if (holder.isPresent()) {
                throw new StoreException("the demo store in " + dir + " is in use by process " + holder.get()
                        + " (a demo still running?); stop it first or choose another --store");
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        } catch (IOException e) {
            throw new StoreException("cannot clear the earlier demo store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Marks an opened demo store so that the next demo may rebuild it. */
    public static void markStore(Path dir) {
        try {
            Files.writeString(dir.resolve(MARKER), "made by 'papergraph demo'; the next demo deletes and rebuilds this folder\n");
        } catch (IOException e) {
            throw new StoreException("cannot mark " + dir + " as a demo store: " + e.getMessage(), e);
        }
    }

    /** Another live process named in TDB2's lock file, if any. */
    private static Optional<Long> lockHolder(Path dir) throws IOException {
        Path lock = dir.resolve("tdb.lock");
        if (!Files.isRegularFile(lock)) return Optional.empty();
        String text = Files.readString(lock, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (pid == ProcessHandle.current().pid()) return Optional.empty();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    private static Optional<InputStream> open(String resource) {
        return Optional.ofNullable(Demo.class.getClassLoader().getResourceAsStream(resource));
    }
}
