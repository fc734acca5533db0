package org.papergraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.vocab.PG;
import org.papergraph.vocab.PROV;

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
 */
final class QuadProducer implements Runnable, RecordSink {
    static final int CHUNK_QUADS = 4096;
    static final int QUEUE_CHUNKS = 64;
    /** Marks the end of the stream in {@link #queue}. */
    static final List<Quad> END = List.of();

    final BlockingQueue<List<Quad>> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Iris iris;
    private final List<Extractor> extractors;
    private final IngestListener listener;
    private final List<Path> files;
    private final Set<Path> fromFolders;
    private final RecordReader forced;
    private final PaperResolver resolver;
    private final Node meta;
    private final Node time = NodeFactory.createLiteralDT(
            OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), XSDDatatype.XSDdateTime);
    private final Set<Long> graphs = new HashSet<>();
    private List<Quad> chunk = new ArrayList<>(CHUNK_QUADS);
    private boolean agentsWritten;
    private CountingInputStream raw;
    volatile RuntimeException failure;
    int filesRead;
    long stored, rejected, quads;

    /**
     * @param inputs files and folders (folders walked in name order, documentation files left out)
     * @param format a format name to force, or null to detect each file's format
     * @throws IngestException when an input is missing or the format name unknown
     */
    QuadProducer(Iris iris, List<Extractor> extractors, IngestListener listener, List<Path> inputs, String format) {
        this.iris = iris;
        this.extractors = List.copyOf(extractors);
        this.listener = listener;
        this.meta = iris.metaGraph();
        this.resolver = new PaperResolver(iris, PaperResolver.DEFAULT_THRESHOLD);
        this.forced = Ingestor.forcedReader(format);
        this.files = new ArrayList<>();
        this.fromFolders = new HashSet<>();
        Ingestor.expand(inputs, files, fromFolders);
    }

    /**
     * Feeds every quad to {@code out} (on the calling thread) until the producer has finished; {@code out} is neither
     * started nor finished here.
     */
    void drainTo(StreamRDF out) throws InterruptedException {
        while (true) {
            List<Quad> chunk = queue.take();
            if (chunk == END) return;
            for (Quad q : chunk) out.quad(q);
        }
    }

    /** What was read, stored and rejected, for a run that started at {@code startMillis}. */
    IngestSummary summary(long startMillis) {
        return new IngestSummary(filesRead, stored + rejected, stored, rejected, quads, System.currentTimeMillis() - startMillis);
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
                    listener.fileSkipped(name, "format not recognised; name the file with --format to read it");
                    return;
                }
                if (r.isEmpty()) {
                    throw new IngestException("cannot tell the format of " + name + "; name it with --format ("
                            + String.join(", ", SourceFiles.formats()) + ")");
                }
                reader = r.get();
            }
            listener.fileStarted(name, reader.format(), Files.size(file));
            reader.read(in, name, this);
            listener.fileFinished(name);
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
        List<Quad> out = new ArrayList<>(64);
        StreamRDF sink = new StreamRDFBase() {
            @Override public void quad(Quad q) { out.add(q); }
            @Override public void triple(Triple t) { out.add(Quad.create(graph, t)); }
        };
        try {
            for (Extractor x : extractors) if (x.reads(record)) x.extract(record, graph, sink);
        } catch (RuntimeException e) {
            reject(new RecordError(record.position(), "extractor failed: " + e));
            return;
        }
        if (!graphs.add(hash64(graph.getURI()))) {
            reject(new RecordError(record.position(), "a record for " + graph.getURI()
                    + " was already loaded in this run; the first is kept (ingest without --bulk to replace it)"));
            return;
        }
        if (!agentsWritten) {
            agentsWritten = true;
            for (Extractor x : extractors) {
                Node agent = iris.extractor(x.name());
                emit(Quad.create(meta, agent, RDF.type.asNode(), PROV.SoftwareAgent));
                emit(Quad.create(meta, agent, RDFS.label.asNode(), NodeFactory.createLiteralString(x.name())));
                emit(Quad.create(meta, agent, PG.version, NodeFactory.createLiteralString(x.version())));
            }
        }
        for (Quad q : out) emit(q);
        // The same provenance GraphStore.write records for a record graph.
        emit(Quad.create(meta, graph, RDF.type.asNode(), PG.RecordGraph));
        if (record.describesPaper()) emit(Quad.create(meta, graph, PG.describes, iris.paper(record)));
        emit(Quad.create(meta, graph, PG.sourceFile, NodeFactory.createLiteralString(record.position().file())));
        emit(Quad.create(meta, graph, PG.sourceFormat, NodeFactory.createLiteralString(record.format())));
        emit(Quad.create(meta, graph, PG.sourceUnit, NodeFactory.createLiteralString(record.position().unit())));
        emit(Quad.create(meta, graph, PG.sourceIndex,
                NodeFactory.createLiteralDT(Long.toString(record.position().index()), XSDDatatype.XSDinteger)));
        emit(Quad.create(meta, graph, PROV.generatedAtTime, time));
        for (Extractor x : extractors) emit(Quad.create(meta, graph, PG.extractedBy, iris.extractor(x.name())));
        stored++;
        quads += out.size();
        listener.progress(raw.count, stored + rejected);
    }

    @Override
    public void reject(RecordError error) {
        rejected++;
        listener.rejected(error);
    }

    private void emit(Quad q) {
        chunk.add(q);
        if (chunk.size() >= CHUNK_QUADS) {
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
    }

    /** Carries an interrupt through a reader, which only lets unchecked exceptions pass. */
    private static final class Interrupted extends RuntimeException {
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** 64-bit FNV-1a; a collision (about 1 in 10^7 at 1M records) would wrongly refuse one record. */
    private static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
