package org.papergraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.store.GraphStore;
import org.papergraph.store.RecordQuads;

/**
 * Reads source files, runs every extractor over each record and writes the results to the store in batches
 * (reader → record → resolver → extractor → quads → store). A record that cannot be read or extracted is reported to the
 * listener and skipped; the rest is stored. One ingest at a time per instance.
 */
public final class Ingestor {
    /** Records per write transaction unless told otherwise. */
    public static final int DEFAULT_BATCH = 1000;

    private final GraphStore store;
    private final List<Extractor> extractors;
    private final int batchSize;
    private final IngestListener listener;
    /** Knows every paper in the store and learns each record's as it goes (one paper, one resource); per ingest. */
    private PaperResolver resolver;
    /** Entity declarations this ingestor has written to the entities graph (ADR 0008). */
    private final Set<Quad> declared = new HashSet<>();

    public Ingestor(GraphStore store, List<Extractor> extractors, int batchSize, IngestListener listener) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.store = store;
        this.extractors = List.copyOf(extractors);
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /**
     * Ingests files and folders (folders recursively, files in name order, hidden files skipped).
     *
     * @param format a format name to force, or null to detect each file's format from its content
     * @throws IngestException when an input is missing, its format cannot be told, or the store cannot be written
     */
    public IngestSummary ingest(List<Path> inputs, String format) {
        long t0 = System.currentTimeMillis();
        if (ShardQuads.allShardFolders(inputs)) return ingestShards(inputs, t0);
        RecordReader forced = forcedReader(format);
        List<Path> files = new ArrayList<>();
        java.util.Set<Path> fromFolders = new java.util.HashSet<>();
        expand(inputs, files, fromFolders);
        Counter c = new Counter();
        resolver = PaperResolver.load(store.datasetGraph(), store.iris());
        int read = 0;
        for (Path f : files) {
            if (ingestFile(f, forced, c, fromFolders.contains(f))) read++;
        }
        refreshLeaderboards();
        return new IngestSummary(read, c.stored + c.rejected, c.stored, c.rejected, c.quads, c.provenance,
                System.currentTimeMillis() - t0);
    }

    /**
     * Ingests one stream as if it were a file called {@code name}, which the records' provenance names as their
     * source (for example a resource bundled in the jar). Gzip is undone as for files; {@code in} is closed on return.
     *
     * @param format a format name to force, or null to detect it from the content
     * @throws IngestException when the format cannot be told, the stream fails, or the store cannot be written
     */
    public IngestSummary ingest(InputStream in, String name, String format) {
        long t0 = System.currentTimeMillis();
        RecordReader forced = forcedReader(format);
        Counter c = new Counter();
        resolver = PaperResolver.load(store.datasetGraph(), store.iris());
        try (CountingInputStream raw = new CountingInputStream(in)) {
            ingestStream(raw, name, -1, forced, c, false);
            refreshLeaderboards();
        } catch (IOException e) {
            throw new IngestException("reading " + name + " failed: " + e.getMessage()
                    + " (records before this point that were committed are stored)");
        }
        return new IngestSummary(1, c.stored + c.rejected, c.stored, c.rejected, c.quads, c.provenance, System.currentTimeMillis() - t0);
    }

    /**
     * Loads folders of N-Quads shards ({@link ShardFolder}) as they are, in transactions of about
     * {@value #SHARD_BATCH_QUADS} quads; each record graph in them replaces the store's graph of that name.
     */
    private IngestSummary ingestShards(List<Path> folders, long t0) {
        resolver = null;
        ShardQuads shards = new ShardQuads(store.iris(), listener);
        Set<Long> replaced = new HashSet<>();
        List<Quad> batch = new ArrayList<>(SHARD_BATCH_QUADS);
        shards.read(folders, new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                batch.add(q);
                if (batch.size() >= SHARD_BATCH_QUADS) {
                    store.writeConverted(batch, replaced);
                    listener.batchCommitted(batch.size());
                    batch.clear();
                }
            }
        });
        store.writeConverted(batch, replaced);
        refreshLeaderboards();
        return shards.summary(t0);
    }

    static final int SHARD_BATCH_QUADS = 50_000;

    /** The leaderboard summaries of the datasets this run touched (ADR 0009), rebuilt once at the end of the run. */
    private void refreshLeaderboards() {
        if (!store.leaderboardsOutOfDate()) return;
        listener.stage("updating the leaderboard summaries of the datasets this ingest touched");
        store.refreshLeaderboards();
    }

    /** Resolution links the last {@link #ingest} made, by rule ({@code arxiv}, {@code doi}, {@code title}, ...). */
    public Map<String, Long> resolutionLinks() { return resolver == null ? Map.of() : resolver.linkCounts(); }

    /** The reader named {@code format}, or null for none; an unknown name is an {@link IngestException}. */
    static RecordReader forcedReader(String format) {
        if (format == null) return null;
        return SourceFiles.byName(format).orElseThrow(() -> new IngestException(
                "unknown format '" + format + "'; known formats: " + String.join(", ", SourceFiles.formats())));
    }

    /** Names of files in folders that document data rather than hold it; never read when walking a folder. */
    private static boolean isDocumentation(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.startsWith(".") || n.endsWith(".md") || n.startsWith("license") || n.startsWith("readme")
                || n.startsWith("notice") || n.startsWith("copying");
    }

    /** The files to read: named files as given, folders walked in name order without documentation files. */
    public static void expand(List<Path> inputs, List<Path> files, java.util.Set<Path> fromFolders) {
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new IngestException("no such file or folder: " + p);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                     .filter(x -> !isDocumentation(x))
                     .sorted()
                     .forEach(x -> { files.add(x); fromFolders.add(x); });
                } catch (IOException e) {
                    throw new IngestException("cannot list folder " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
    }

    /**
     * Ingests one file; returns false when a file found in a folder was skipped because its format is unknown
     * (a file named explicitly with an unknown format is an error instead).
     */
    private boolean ingestFile(Path file, RecordReader forced, Counter c, boolean inFolder) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IngestException("cannot read " + name + ": " + e.getMessage());
        }
        try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file))) {
            return ingestStream(raw, name, size, forced, c, inFolder);
        } catch (IOException e) {
            throw new IngestException("reading " + name + " failed: " + e.getMessage()
                    + " (records before this point that were committed are stored)");
        }
    }

    /** Reads one (possibly gzipped) stream; returns false when {@code skippable} and its format is unknown. */
    private boolean ingestStream(CountingInputStream raw, String name, long size, RecordReader forced, Counter c,
                                 boolean skippable) throws IOException {
        try (InputStream in = SourceFiles.decode(raw)) {
            RecordReader reader = forced;
            if (reader == null) {
                String head = SourceFiles.head(in);
                Optional<RecordReader> r = SourceFiles.detect(head);
                if (r.isEmpty() && skippable) {
                    listener.fileSkipped(name, "format not recognised; name the file with --format to read it");
                    return false;
                }
                if (r.isEmpty()) {
                    throw new IngestException("cannot tell the format of " + name + "; name it with --format ("
                            + String.join(", ", SourceFiles.formats()) + ")");
                }
                reader = r.get();
            }
            listener.fileStarted(name, reader.format(), size);
            Batcher batcher = new Batcher(c, raw);
            try {
                reader.read(in, name, batcher);
            } catch (IOException e) {
                // The stream broke (a cut download, a bad gzip); the records read before it are whole: keep them.
                batcher.flush();
                throw new IngestException("reading " + name + " failed after " + batcher.stored + " record(s) stored and "
                        + batcher.rejected + " rejected from it: " + e.getMessage()
                        + "; everything read before the failure is stored");
            }
            batcher.flush();
            listener.fileFinished(name);
            return true;
        }
    }

    /** Runs the extractors over each record and commits full batches. */
    private final class Batcher implements RecordSink {
        private final Counter c;
        private final CountingInputStream raw;
        private final List<RecordQuads> batch = new ArrayList<>();
        /** Records of this file accepted and rejected so far. */
        long stored, rejected;

        Batcher(Counter c, CountingInputStream raw) {
            this.c = c;
            this.raw = raw;
        }

        @Override
        public void accept(PaperRecord read) {
            if (!read.describesPaper() && read.entities().isEmpty()) {
                reject(new RecordError(read.position(), "record has no title and no identifier"));
                return;
            }
            // An entity record has no paper to resolve.
            PaperRecord record = read.describesPaper() ? resolver.resolve(read) : read;
            Iris iris = store.iris();
            Node graph = iris.recordGraph(record);
            RecordCollector sink = new RecordCollector(graph, iris, record.describesPaper());
            try {
                for (Extractor x : extractors) if (x.reads(record)) x.extract(record, graph, sink);
            } catch (RuntimeException e) {
                reject(new RecordError(record.position(), "extractor failed: " + e));
                return;
            }
            // Entity declarations go to the entities graph (no record replaces it), each once per ingest.
            List<Quad> quads = new ArrayList<>(sink.quads().size() + sink.declarations().size());
            sink.newDeclarations(declared, quads::add);
            quads.addAll(sink.quads());
            batch.add(new RecordQuads(graph, record.describesPaper() ? iris.paper(record) : null, record.format(), record.position(), quads));
            c.stored++;
            stored++;
            c.quads += quads.size();
            if (batch.size() >= batchSize) flush();
            listener.progress(raw.count, c.stored + c.rejected);
        }

        @Override
        public void reject(RecordError error) {
            c.rejected++;
            rejected++;
            listener.rejected(error);
        }

        void flush() {
            if (batch.isEmpty()) return;
            try {
                c.provenance += store.write(batch, extractors);
            } catch (RuntimeException e) {
                c.stored -= batch.size();
                for (RecordQuads rq : batch) c.quads -= rq.quads().size();
                // Declarations of the lost batch may be missing from the store: state them again next time.
                declared.clear();
                throw new IngestException("writing a batch of " + batch.size() + " records to the store failed: "
                        + e.getMessage() + "; the store holds every batch committed before it", e);
            }
            listener.batchCommitted(batch.size());
            batch.clear();
        }
    }

    private static final class Counter {
        long stored, rejected, quads, provenance;
    }
}
