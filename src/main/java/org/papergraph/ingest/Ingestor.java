package org.papergraph.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.source.SourcePosition;
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
    private Map<String, Long> lastLinks = Map.of();

    public Ingestor(GraphStore store, List<Extractor> extractors, int batchSize, IngestListener listener) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.store = store;
        this.extractors = List.copyOf(extractors);
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /**
     * Ingests files and folders (folders recursively, files in name order, hidden files skipped). A file found in
     * a folder whose format no reader recognises is reported as one rejected record and skipped.
     *
     * @param format a format name to force, or null to detect each file's format from its content
     * @throws IngestException when an input is missing, the format of a file named directly cannot be told, or
     *                         the store cannot be written
     */
    public IngestSummary ingest(List<Path> inputs, String format) {
        long t0 = System.currentTimeMillis();
        RecordReader forced = null;
        if (format != null) {
            forced = SourceFiles.byName(format).orElseThrow(() -> new IngestException(
                    "unknown format '" + format + "'; known formats: " + String.join(", ", SourceFiles.formats())));
        }
        List<Path> named = inputs.stream().filter(p -> !Files.isDirectory(p)).toList();
        List<Path> files = expand(inputs);
        Counter c = new Counter();
        // Knows every paper in the store, and learns each record's as it goes: one paper, one resource.
        PaperResolver resolver = PaperResolver.load(store.datasetGraph(), store.iris());
        for (Path f : files) ingestFile(f, forced, c, resolver, named.contains(f));
        lastLinks = resolver.linkCounts();
        return new IngestSummary(files.size(), c.stored + c.rejected, c.stored, c.rejected, c.quads,
                System.currentTimeMillis() - t0);
    }

    /** Resolution links the last {@link #ingest} made, by rule ({@code arxiv}, {@code doi}, {@code title}, ...). */
    public Map<String, Long> resolutionLinks() { return lastLinks; }

    private static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new IngestException("no such file or folder: " + p);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                     .filter(x -> !x.getFileName().toString().startsWith("."))
                     .sorted()
                     .forEach(files::add);
                } catch (IOException e) {
                    throw new IngestException("cannot list folder " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** @param named whether the user named this file (not found in a folder): then an unknown format is an error */
    private void ingestFile(Path file, RecordReader forced, Counter c, PaperResolver resolver, boolean named) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IngestException("cannot read " + name + ": " + e.getMessage());
        }
        try (CountingStream raw = new CountingStream(Files.newInputStream(file));
             InputStream in = SourceFiles.decode(raw)) {
            RecordReader reader = forced;
            if (reader == null) {
                String head = SourceFiles.head(in);
                Optional<RecordReader> r = SourceFiles.detect(head);
                if (r.isEmpty() && !named) {
                    // Folders hold READMEs and annotation files beside the data: report each, read the rest.
                    c.rejected++;
                    listener.rejected(new RecordError(SourcePosition.line(name, 1),
                            "no reader recognises this file's format; file skipped (name it with --format to read it)"));
                    return;
                }
                if (r.isEmpty()) {
                    throw new IngestException("cannot tell the format of " + name + "; name it with --format ("
                            + String.join(", ", SourceFiles.formats()) + ")");
                }
                reader = r.get();
            }
            listener.fileStarted(name, reader.format(), size);
            Batcher batcher = new Batcher(c, raw, resolver);
            reader.read(in, name, batcher);
            batcher.flush();
            listener.fileFinished(name);
        } catch (IOException e) {
            throw new IngestException("reading " + name + " failed: " + e.getMessage()
                    + " (records before this point that were committed are stored)");
        }
    }

    /** Runs the extractors over each record and commits full batches. */
    private final class Batcher implements RecordSink {
        private final Counter c;
        private final CountingStream raw;
        private final PaperResolver resolver;
        private final List<RecordQuads> batch = new ArrayList<>();

        Batcher(Counter c, CountingStream raw, PaperResolver resolver) {
            this.c = c;
            this.raw = raw;
            this.resolver = resolver;
        }

        @Override
        public void accept(PaperRecord read) {
            if (read.title() == null && read.arxivId() == null && read.doi() == null && read.otherIds().isEmpty()) {
                reject(new RecordError(read.position(), "record has no title and no identifier"));
                return;
            }
            PaperRecord record = resolver.resolve(read);
            Iris iris = store.iris();
            Node graph = iris.recordGraph(record);
            List<Quad> quads = new ArrayList<>();
            StreamRDF sink = new StreamRDFBase() {
                @Override public void quad(Quad q) { quads.add(q); }
                @Override public void triple(org.apache.jena.graph.Triple t) { quads.add(Quad.create(graph, t)); }
            };
            try {
                for (Extractor x : extractors) x.extract(record, graph, sink);
            } catch (RuntimeException e) {
                reject(new RecordError(record.position(), "extractor failed: " + e));
                return;
            }
            batch.add(new RecordQuads(graph, iris.paper(record), record.format(), record.position(), quads));
            c.stored++;
            c.quads += quads.size();
            if (batch.size() >= batchSize) flush();
            listener.progress(raw.count, c.stored + c.rejected);
        }

        @Override
        public void reject(RecordError error) {
            c.rejected++;
            listener.rejected(error);
        }

        void flush() {
            if (batch.isEmpty()) return;
            try {
                store.write(batch, extractors);
            } catch (RuntimeException e) {
                c.stored -= batch.size();
                throw new IngestException("writing a batch of " + batch.size() + " records to the store failed: "
                        + e.getMessage() + "; the store holds every batch committed before it", e);
            }
            listener.batchCommitted(batch.size());
            batch.clear();
        }
    }

    private static final class Counter {
        long stored, rejected, quads;
    }

    /** Counts raw bytes, for progress over the file size. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }
}
