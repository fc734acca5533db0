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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;

/**
 * Reads source files on its own thread and hands every quad an ingest would store, in chunks, to a consumer
 * through a bounded {@link #queue}: reader → record → resolver → extractors → quads, plus the provenance of each
 * record graph in the metadata graph. Shared by the bulk loader ({@link BulkIngestor}) and the N-Quads converter
 * ({@link Converter}), so both write exactly the same quads.
 *
 * <p>Papers are resolved as in {@link Ingestor} (one resource per paper across sources), by a resolver that starts
 * empty: both consumers build new output. The resolver's index and one 64-bit hash per record graph are the only
 * state that grows with the input (a few hundred bytes a paper). A second record for a graph already produced is
 * rejected: neither consumer can take quads back.
 *
 * <p>The reading thread runs the readers and the resolver, which must see records in order; the extractors run
 * there too, or, when the consumer asks for it ({@code extractWhileDraining}), on the consumer's thread inside
 * {@link #drainTo}, in record order: a consumer with time to spare (the converter, whose writing is cheap) then
 * shares the work of the two cores evenly. Either way the quads, their order, the rejections and the summary are
 * the same. Every {@link IngestListener} call is made from the thread that calls {@link #drainTo}, in input order:
 * the reading thread queues them with the quads.
 */
final class QuadProducer implements Runnable, RecordSink {
    static final int CHUNK_QUADS = 4096;
    static final int QUEUE_CHUNKS = 64;
    /** What a record left for {@link #drainTo} to extract counts towards a chunk's size: about its quads. */
    private static final int RECORD_WEIGHT = 64;
    /** Marks the end of the stream in {@link #queue}. */
    static final List<Object> END = List.of();

    /**
     * Chunks of the stream, in order: each element a {@link Quad} for the consumer, or an {@link Event} that
     * {@link #drainTo} handles itself (a listener call, or a record to extract).
     */
    final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Iris iris;
    private final List<Extractor> extractors;
    private final IngestListener listener;
    private final List<Path> files;
    private final Set<Path> fromFolders;
    private final RecordReader forced;
    private final PaperResolver resolver;
    private final boolean extractWhileDraining;
    private final Node meta;
    private final RecordExtraction extraction;
    private final Set<Long> graphs = new HashSet<>();
    private List<Object> chunk = new ArrayList<>(CHUNK_QUADS);
    private int chunkWeight;
    private boolean agentsWritten;
    private CountingInputStream raw;
    volatile RuntimeException failure;
    int filesRead;
    /** Counted by the draining thread. */
    long stored, rejected, quads, provenance;
    /** Entity declarations already given to the consumer in this run. */
    private final Set<Quad> declared = new HashSet<>();

    /** What the reading thread leaves for the draining thread, in stream order. */
    private sealed interface Event {}
    private record FileStarted(String file, String format, long bytes) implements Event {}
    private record FileFinished(String file) implements Event {}
    private record FileSkipped(String file, String reason) implements Event {}
    private record Rejected(RecordError error) implements Event {}
    /**
     * A record whose quads were queued before this event; {@code quads} of them came from its extractors and
     * {@code provenance} describe its graph.
     */
    private record Stored(long bytesRead, int quads, int provenance) implements Event {}
    /** A resolved record, for the draining thread to extract. */
    private record Extract(PaperRecord record, Node graph, long bytesRead) implements Event {}

    /**
     * @param inputs files and folders (folders walked in name order, documentation files left out)
     * @param format a format name to force, or null to detect each file's format
     * @throws IngestException when an input is missing or the format name unknown
     */
    QuadProducer(Iris iris, List<Extractor> extractors, IngestListener listener, List<Path> inputs, String format) {
        this(iris, extractors, listener, inputs, format, false);
    }

    /**
     * @param extractWhileDraining run the extractors on the thread that calls {@link #drainTo} rather than on the
     *                             reading thread (see the class comment)
     */
    QuadProducer(Iris iris, List<Extractor> extractors, IngestListener listener, List<Path> inputs, String format,
                 boolean extractWhileDraining) {
        this.iris = iris;
        this.extractors = List.copyOf(extractors);
        this.listener = listener;
        this.extractWhileDraining = extractWhileDraining;
        this.meta = iris.metaGraph();
        this.resolver = new PaperResolver(iris, PaperResolver.DEFAULT_THRESHOLD);
        this.extraction = new RecordExtraction(iris, extractors, RecordExtraction.time(RecordExtraction.now()));
        this.forced = Ingestor.forcedReader(format);
        this.files = new ArrayList<>();
        this.fromFolders = new HashSet<>();
        Ingestor.expand(inputs, files, fromFolders);
    }

    /**
     * Feeds every quad to {@code out} (on the calling thread) until the producer has finished, and makes the
     * listener calls; {@code out} is neither started nor finished here.
     */
    void drainTo(StreamRDF out) throws InterruptedException {
        while (true) {
            List<Object> chunk = queue.take();
            if (chunk == END) return;
            for (Object o : chunk) {
                if (o instanceof Quad q) out.quad(q);
                else handle((Event) o, out);
            }
        }
    }

    private void handle(Event e, StreamRDF out) {
        if (e instanceof Extract x) {
            Produced n = produce(x.record(), x.graph(), out::quad);
            if (n != null) stored(x.bytesRead(), n.quads(), n.provenance());
        } else if (e instanceof Stored st) {
            stored(st.bytesRead(), st.quads(), st.provenance());
        } else if (e instanceof Rejected r) {
            rejected++;
            listener.rejected(r.error());
        } else if (e instanceof FileStarted f) {
            listener.fileStarted(f.file(), f.format(), f.bytes());
        } else if (e instanceof FileFinished f) {
            listener.fileFinished(f.file());
        } else if (e instanceof FileSkipped f) {
            listener.fileSkipped(f.file(), f.reason());
        }
    }

    private void stored(long bytesRead, int extracted, int described) {
        stored++;
        quads += extracted;
        provenance += described;
        listener.progress(bytesRead, stored + rejected);
    }

    /** What was read, stored and rejected, for a run that started at {@code startMillis}. */
    IngestSummary summary(long startMillis) {
        return new IngestSummary(filesRead, stored + rejected, stored, rejected, quads, provenance, System.currentTimeMillis() - startMillis);
    }

    /** Links the resolver made, by rule (see {@link PaperResolver#linkCounts()}). */
    Map<String, Long> resolutionLinks() { return resolver.linkCounts(); }

    @Override
    public void run() {
        try {
            for (Path f : files) readFile(f);
            flushChunk();
        } catch (RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IngestException("reading interrupted");
            return; // the consumer is gone; nobody waits for END
        }
        try {
            // Whatever was queued before a failure still reaches the consumer (and the listener) first.
            if (failure != null) flushChunk();
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readFile(Path file) throws InterruptedException {
        String name = file.toString();
        raw = new CountingInputStream(null);
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
             InputStream in = SourceFiles.decode(counted)) {
            raw = counted;
            RecordReader reader = forced;
            if (reader == null) {
                Optional<RecordReader> r = SourceFiles.detect(SourceFiles.head(in));
                if (r.isEmpty() && fromFolders.contains(file)) {
                    emit(new FileSkipped(name, "format not recognised; name the file with --format to read it"), 1);
                    return;
                }
                if (r.isEmpty()) {
                    throw new IngestException("cannot tell the format of " + name + "; name it with --format ("
                            + String.join(", ", SourceFiles.formats()) + ")");
                }
                reader = r.get();
            }
            emit(new FileStarted(name, reader.format(), Files.size(file)), 1);
            reader.read(in, name, this);
            emit(new FileFinished(name), 1);
            filesRead++;
        } catch (IOException e) {
            throw new IngestException("reading " + name + " failed: " + e.getMessage());
        } catch (Interrupted e) {
            throw e.cause;
        }
    }

    @Override
    public void accept(PaperRecord read) {
        if (!read.describesPaper() && read.entities().isEmpty()) {
            reject(new RecordError(read.position(), "record has no title and no identifier"));
            return;
        }
        PaperRecord record;
        try {
            // An entity record has no paper to resolve.
            record = read.describesPaper() ? resolver.resolve(read) : read;
        } catch (RuntimeException e) {
            reject(new RecordError(read.position(), "resolving the paper failed: " + e));
            return;
        }
        Node graph = iris.recordGraph(record);
        if (extractWhileDraining) {
            emit(new Extract(record, graph, raw.count), RECORD_WEIGHT);
            return;
        }
        Produced n = produce(record, graph, q -> emit(q, 1));
        if (n != null) emit(new Stored(raw.count, n.quads(), n.provenance()), 1);
    }

    /**
     * Runs the extractors on one resolved record and hands its quads and their provenance to {@code sink}; rejects
     * the record (on the draining thread's side, in order) when an extractor fails or its graph was produced
     * already. Always called from one thread: the reading one, or the draining one.
     *
     * @return how many quads the extractors made and how many describe the record graph, or null when the record
     *         was rejected
     */
    private Produced produce(PaperRecord record, Node graph, java.util.function.Consumer<Quad> sink) {
        RecordExtraction.Extracted collect;
        try {
            collect = extraction.extract(record, graph);
        } catch (RuntimeException e) {
            rejectInOrder(new RecordError(record.position(), "extractor failed: " + e));
            return null;
        }
        if (!graphs.add(RecordExtraction.graphHash(graph.getURI()))) {
            rejectInOrder(new RecordError(record.position(), RecordExtraction.duplicateGraph(graph)));
            return null;
        }
        if (!agentsWritten) {
            agentsWritten = true;
            extraction.agents(sink);
        }
        // Each entity's declaration once per run: it lives in the entities graph, which no record replaces.
        int n = collect.newDeclarations(declared, sink);
        List<Quad> out = collect.quads();
        for (Quad q : out) sink.accept(q);
        n += out.size();
        // The same provenance GraphStore.write records for a record graph.
        int described = extraction.provenance(record, graph, sink);
        return new Produced(n, described);
    }

    private record Produced(int quads, int provenance) {}

    /** A reader's rejection: queued, so the listener hears of it after the records before it. */
    @Override
    public void reject(RecordError error) {
        emit(new Rejected(error), 1);
    }

    private void rejectInOrder(RecordError error) {
        if (extractWhileDraining) {
            // Already on the draining thread, at this record's place in the stream.
            rejected++;
            listener.rejected(error);
        } else {
            reject(error);
        }
    }

    private void emit(Object item, int weight) {
        chunk.add(item);
        chunkWeight += weight;
        if (chunkWeight >= CHUNK_QUADS) {
            try {
                flushChunk();
            } catch (InterruptedException e) {
                // A reader calls the sink and cannot throw checked exceptions; carry it out of read().
                throw new Interrupted(e);
            }
        }
    }

    private void flushChunk() throws InterruptedException {
        if (chunk.isEmpty()) return;
        // Wait for room, but give up when the consumer has died and stopped taking.
        while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
        }
        chunk = new ArrayList<>(CHUNK_QUADS);
        chunkWeight = 0;
    }

    /** Carries an interrupt through a reader, which only lets unchecked exceptions pass. */
    private static final class Interrupted extends RuntimeException {
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
