package org.papergraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.vocab.PG;
import org.papergraph.vocab.PROV;

/**
 * Builds a new store from source files with TDB2's bulk loader: the same readers, extractors, record graphs and
 * provenance as {@link Ingestor}, but written by one {@link DataLoader} instead of many small transactions
 * (docs/adr/0004-bulk-load-path.md).
 *
 * <p>Reading and extraction run on a producer thread; the loader runs on the calling thread; between them a
 * bounded queue of quad chunks ({@value #QUEUE_CHUNKS} × {@value #CHUNK_QUADS} quads) keeps memory flat whatever
 * the input size. The only state that grows with the input is one 64-bit hash per record graph, used to refuse a
 * second record for a graph already loaded (the normal path would replace it; a bulk loader cannot take quads back).
 *
 * <p>Only for a store folder that is missing or empty: the database is built in a sibling folder and moved into
 * place when the loader has finished, so a failed or killed bulk load leaves no store (the folder as it was), plus
 * at most a stale {@code .bulk-*} sibling that the next bulk load removes. Listener calls come from the producer
 * thread, one at a time. One ingest per instance at a time.
 */
public final class BulkIngestor {
    /** TDB2's loaders; see the ADR for what each measured on the benchmark machine. */
    public enum Loader {
        BASIC, PHASED, PARALLEL;

        public static Loader byName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** The loader used unless told otherwise: the fastest at 100k papers on the benchmark machine. */
    public static final Loader DEFAULT_LOADER = Loader.PHASED;
    static final int CHUNK_QUADS = 4096;
    static final int QUEUE_CHUNKS = 64;

    private final Path dir;
    private final Iris iris;
    private final List<Extractor> extractors;
    private final Loader loaderKind;
    private final IngestListener listener;

    public BulkIngestor(Path dir, Iris iris, List<Extractor> extractors, Loader loader, IngestListener listener) {
        this.dir = dir;
        this.iris = iris;
        this.extractors = List.copyOf(extractors);
        this.loaderKind = loader;
        this.listener = listener;
    }

    /**
     * Whether {@code dir} can receive a bulk load: missing, or an empty folder.
     */
    public static boolean canLoadInto(Path dir) {
        if (!Files.exists(dir)) return true;
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads every input into a new store in the folder given at construction.
     *
     * @param format a format name to force, or null to detect each file's format
     * @throws IngestException when the folder is not missing or empty, an input is missing or unreadable, its format
     *                         cannot be told, or the loader fails; the folder is then left as it was
     */
    public IngestSummary ingest(List<Path> inputs, String format) {
        long t0 = System.currentTimeMillis();
        if (!canLoadInto(dir)) {
            throw new IngestException("bulk load needs a missing or empty store folder, and " + dir
                    + " is not; ingest without --bulk to add to an existing store");
        }
        RecordReader forced = null;
        if (format != null) {
            forced = SourceFiles.byName(format).orElseThrow(() -> new IngestException(
                    "unknown format '" + format + "'; known formats: " + String.join(", ", SourceFiles.formats())));
        }
        List<Path> files = new ArrayList<>();
        Set<Path> fromFolders = new HashSet<>();
        expand(inputs, files, fromFolders);

        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String prefix = abs.getFileName() + ".bulk-";
        try {
            Files.createDirectories(parent);
            removeStale(parent, prefix);
        } catch (IOException e) {
            throw new IngestException("cannot prepare " + parent + " for a bulk load: " + e.getMessage());
        }
        Path tmp = parent.resolve(prefix + ProcessHandle.current().pid());
        Producer producer = new Producer(files, fromFolders, forced);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.toString());
        boolean ok = false;
        try {
            load(dsg, producer);
            ok = true;
        } finally {
            TDBInternal.expel(dsg);
            if (!ok) deleteQuietly(tmp);
        }
        try {
            if (Files.exists(abs)) Files.delete(abs); // empty, checked above
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestException("the bulk load finished in " + tmp + " but could not be moved to " + abs + ": "
                    + e.getMessage() + "; move it yourself or run again");
        }
        return new IngestSummary(producer.filesRead, producer.stored + producer.rejected, producer.stored,
                producer.rejected, producer.quads, System.currentTimeMillis() - t0);
    }

    private void load(DatasetGraph dsg, Producer producer) {
        DataLoader loader = switch (loaderKind) {
            case BASIC -> LoaderFactory.basicLoader(dsg, (fmt, args) -> {});
            case PHASED -> LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
            case PARALLEL -> LoaderFactory.parallelLoader(dsg, (fmt, args) -> {});
        };
        Thread t = new Thread(producer, "papergraph-bulk-read");
        t.setDaemon(true);
        loader.startBulk();
        t.start();
        try {
            StreamRDF out = loader.stream();
            out.start();
            while (true) {
                List<Quad> chunk = producer.queue.take();
                if (chunk == Producer.END) break;
                for (Quad q : chunk) out.quad(q);
            }
            out.finish();
            t.join();
            if (producer.failure != null) throw producer.failure;
            loader.finishBulk();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            loader.finishException(e);
            throw new IngestException("bulk load interrupted; the store folder is unchanged");
        } catch (RuntimeException e) {
            t.interrupt();
            loader.finishException(e);
            if (e instanceof IngestException) throw e;
            throw new IngestException("bulk load failed: " + e.getMessage() + "; the store folder is unchanged", e);
        }
    }

    /** Reads and extracts on its own thread, handing quad chunks to the loader through {@link #queue}. */
    private final class Producer implements Runnable, RecordSink {
        static final List<Quad> END = List.of();
        final BlockingQueue<List<Quad>> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        private final List<Path> files;
        private final Set<Path> fromFolders;
        private final RecordReader forced;
        private final Node meta = iris.metaGraph();
        private final Node time = NodeFactory.createLiteralDT(
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), XSDDatatype.XSDdateTime);
        private final Set<Long> graphs = new HashSet<>();
        private List<Quad> chunk = new ArrayList<>(CHUNK_QUADS);
        private boolean agentsWritten;
        private String format;
        private CountingInputStream raw;
        volatile RuntimeException failure;
        int filesRead;
        long stored, rejected, quads;

        Producer(List<Path> files, Set<Path> fromFolders, RecordReader forced) {
            this.files = files;
            this.fromFolders = fromFolders;
            this.forced = forced;
        }

        @Override
        public void run() {
            try {
                for (Path f : files) readFile(f);
                flushChunk();
            } catch (RuntimeException e) {
                failure = e;
            } catch (InterruptedException e) {
                failure = new IngestException("reading interrupted");
                return; // the loader side is gone; nobody waits for END
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
                throw new IngestException("reading " + name + " failed: " + e.getMessage()
                        + " (bulk load abandoned; the store folder is unchanged)");
            } catch (Interrupted e) {
                throw e.cause;
            }
        }

        @Override
        public void accept(PaperRecord record) {
            if (!record.describesPaper() && record.entities().isEmpty()) {
                reject(new RecordError(record.position(), "record has no title and no identifier"));
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
                        + " was already loaded in this bulk load; the first is kept (ingest without --bulk to replace it)"));
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
            // Wait for room, but give up when the loader has died and stopped taking.
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            }
            chunk = new ArrayList<>(CHUNK_QUADS);
        }
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

    // Same folder walk as Ingestor (kept private there; duplicated rather than reshaping Ingestor for one caller).
    private static boolean isDocumentation(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.endsWith(".md") || n.startsWith("license") || n.startsWith("readme")
                || n.startsWith("notice") || n.startsWith("copying");
    }

    private static void expand(List<Path> inputs, List<Path> files, Set<Path> fromFolders) {
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new IngestException("no such file or folder: " + p);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(x -> !isDocumentation(x)).sorted()
                     .forEach(x -> { files.add(x); fromFolders.add(x); });
                } catch (IOException e) {
                    throw new IngestException("cannot list folder " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
    }

    private static void removeStale(Path parent, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith(prefix)).toList()) {
                String pid = p.getFileName().toString().substring(prefix.length());
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) deleteQuietly(p);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (!Files.exists(p)) return;
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a leftover folder is removed by the next bulk load.
        }
    }
}
