package org.papergraph.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.Leaderboards;
import org.papergraph.store.ListSummaries;
import org.papergraph.store.StoreLayout;
import org.papergraph.store.Summaries;

/**
 * Builds a new store from source files with a bulk loader: the same readers, extractors, record graphs and
 * provenance as {@link Ingestor}, but written by papergraph's {@link PackedLoader} (ADR 0011) or one of TDB2's
 * {@link DataLoader}s instead of many small transactions (docs/adr/0004-bulk-load-path.md).
 *
 * <p>Reading and extraction run on a producer thread; the loader runs on the calling thread; between them a
 * bounded queue of quad chunks ({@link QuadProducer}) keeps memory flat whatever
 * the input size. The only state that grows with the input is the paper resolver's index and one 64-bit hash per
 * record graph, used to refuse a second record for a graph already loaded (the normal path would replace it; a bulk
 * loader cannot take quads back).
 *
 * <p>Only for a store folder that is missing or empty: the database is built in a sibling folder and moved into
 * place when the loader has finished, so a failed or killed bulk load leaves no store (the folder as it was), plus
 * at most a stale {@code .bulk-*} sibling that the next bulk load removes. Listener calls come from the producer
 * thread, one at a time. One ingest per instance at a time.
 */
public final class BulkIngestor {
    /** TDB2's loaders; see the ADR for what each measured on the benchmark machine. */
    public enum Loader {
        BASIC, PHASED, PARALLEL,
        /** papergraph's own: node ids while streaming, then each index written bottom-up ({@link PackedLoader}). */
        PACKED;

        public static Loader byName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** The loader used unless told otherwise: the fastest at 20k, 100k and 300k papers on the benchmark machine (ADR 0011). */
    public static final Loader DEFAULT_LOADER = Loader.PACKED;

    private final Path dir;
    private final Iris iris;
    private final List<Extractor> extractors;
    private final Loader loaderKind;
    private final IngestListener listener;
    private Map<String, Long> links = Map.of();

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
        // A folder of N-Quads shards (convert -o DIR, the Spark job) is loaded as it is: its quads are already made.
        boolean shards = ShardQuads.allShardFolders(inputs);
        ShardQuads shardQuads = shards ? new ShardQuads(iris, listener) : null;
        QuadProducer producer = shards ? null : new QuadProducer(iris, extractors, listener, inputs, format);
        this.producer = producer;
        this.shardQuads = shardQuads;
        if (stopRequested && producer != null) producer.requestStop();
        if (stopRequested && shardQuads != null) shardQuads.requestStop();
        Feed feed = shards ? new Feed(out -> shardQuads.read(inputs, out), () -> {}) : producerFeed(producer);

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
        // TDB2's phased and parallel loaders write its default six indexes by name; the others build papergraph's four.
        boolean tdbIndexes = loaderKind == Loader.PHASED || loaderKind == Loader.PARALLEL;
        DatasetGraph dsg = tdbIndexes ? StoreLayout.connectWithTdbDefaults(tmp) : StoreLayout.connect(tmp);
        boolean ok = false;
        try {
            load(dsg, feed, parent.resolve(prefix + ProcessHandle.current().pid() + "-sort"));
            if (loaderKind == Loader.PACKED) {
                // The indexes were written in transactions of their own: read the store afresh.
                TDBInternal.expel(dsg);
                dsg = StoreLayout.connect(tmp);
            }
            // The leaderboard summaries of the new store (ADR 0009), before it takes the store folder's place.
            listener.stage("computing the leaderboard summaries");
            DatasetGraph built = dsg;
            Txn.executeWrite(built, () -> Leaderboards.update(built, iris));
            // The counts and paper orders (ADR 0017), from the finished indexes, last: they count the summaries too.
            listener.stage("computing the counts and paper orders");
            Summaries.build(built);
            // The summaries of long paper lists (ADR 0025) find the big lists through the counts.
            listener.stage("summarising the long paper lists");
            Txn.executeWrite(built, () -> ListSummaries.refresh(built));
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
        if (shards) return shardQuads.summary(t0);
        links = producer.resolutionLinks();
        return producer.summary(t0);
    }

    private volatile QuadProducer producer;
    private volatile ShardQuads shardQuads;
    private volatile boolean stopRequested;

    /**
     * Asks a running bulk load to stop, from any thread (a signal handler): while the inputs are still being read,
     * the load is abandoned and the store folder left as it was; once the indexes are being built, it finishes.
     */
    public void requestStop() {
        stopRequested = true;
        QuadProducer p = producer;
        if (p != null) p.requestStop();
        ShardQuads q = shardQuads;
        if (q != null) q.requestStop();
    }

    /** What a loader is fed from: {@code into} streams every quad, {@code abandon} stops it after a failure. */
    private record Feed(Into into, Runnable abandon) {}

    private interface Into { void feed(StreamRDF out) throws InterruptedException; }

    /** Reading and extraction on their own thread, the quads drained into the loader on this one. */
    private static Feed producerFeed(QuadProducer producer) {
        Thread t = new Thread(producer, "papergraph-bulk-read");
        t.setDaemon(true);
        return new Feed(out -> {
            t.start();
            producer.drainTo(out);
            t.join();
            if (producer.failure != null) throw producer.failure;
        }, t::interrupt);
    }

    /** Resolution links the last {@link #ingest} made, by rule ({@code arxiv}, {@code doi}, {@code title}, ...). */
    public Map<String, Long> resolutionLinks() { return links; }

    /** A loader as {@link #load} drives it: begin, the stream to feed, end, abandon. */
    private record Sink(Runnable begin, Supplier<StreamRDF> stream, Runnable end, Consumer<Exception> abandon) {}

    /** The loader {@link #loaderKind} names, into {@code dsg}; the packed one sorts in {@code work} when it must. */
    private Sink sink(DatasetGraph dsg, Path work) {
        if (loaderKind == Loader.PACKED) {
            PackedLoader p = new PackedLoader(dsg, work);
            return new Sink(p::startBulk, () -> p, () -> p.finishBulk(listener::stage), p::finishException);
        }
        DataLoader l = switch (loaderKind) {
            case BASIC -> LoaderFactory.basicLoader(dsg, (fmt, args) -> {});
            case PARALLEL -> LoaderFactory.parallelLoader(dsg, (fmt, args) -> {});
            default -> LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
        };
        return new Sink(l::startBulk, l::stream, l::finishBulk, l::finishException);
    }

    private void load(DatasetGraph dsg, Feed feed, Path work) {
        Sink loader = sink(dsg, work);
        loader.begin().run();
        try {
            StreamRDF out = loader.stream().get();
            out.start();
            feed.into().feed(out);
            out.finish();
            loader.end().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            feed.abandon().run();
            loader.abandon().accept(e);
            throw new IngestException("bulk load interrupted; the store folder is unchanged");
        } catch (RuntimeException e) {
            feed.abandon().run();
            loader.abandon().accept(e);
            if (e instanceof IngestException) {
                throw new IngestException(e.getMessage() + " (bulk load abandoned; the store folder is unchanged)", e);
            }
            throw new IngestException("bulk load failed: " + e.getMessage() + "; the store folder is unchanged", e);
        }
    }

    private static void removeStale(Path parent, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith(prefix)).toList()) {
                String pid = p.getFileName().toString().substring(prefix.length());
                if (pid.endsWith("-sort")) pid = pid.substring(0, pid.length() - "-sort".length()); // PackedLoader's work
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) deleteQuietly(p);
            }
        }
    }

    /** Deletes a folder and what it holds; best effort (a leftover bulk folder is removed by the next bulk load). */
    static void deleteQuietly(Path p) {
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
