package org.papergraph.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;
import org.papergraph.extract.Extractor;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestException;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.ingest.NQuadsWriter;
import org.papergraph.ingest.RecordExtraction;
import org.papergraph.ingest.ShardFolder;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.LineRecordReader;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import scala.Tuple2;

/**
 * {@code papergraph convert} as a Spark job: the same readers, paper resolution and extractors, the same quads, as
 * N-Quads shards in a folder ({@link ShardFolder}). Two passes over the input, split into {@link Slice}s (whole files,
 * or byte ranges of JSON-lines files):
 * <ol>
 *   <li>each slice is read for its records' graph IRIs and the papers they name ({@link Mention}s) and its lines
 *       counted (so later slices of a file know their line numbers);</li>
 *   <li>{@link Resolution} links mentions across all inputs; records of a graph seen earlier are marked;</li>
 *   <li>each slice is read again, each record resolved by those links and run through the extractors
 *       ({@link RecordExtraction}), and its quads written to the slice's shard, {@code part-NNNNN.nq.gz};</li>
 *   <li>the entity declarations (each once) and the extractors' descriptions go to {@code shared-NNNNN.nq.gz}.</li>
 * </ol>
 * A slice's shard depends only on the input, the options and the provenance time, which the driver fixes for the run:
 * a task retried after a failure writes the same bytes, and so does a second run given the same {@code --time}.
 */
final class ConvertJob {
    static {
        // hadoop-client-runtime registers Woodstox as the JVM's StAX factory, which refuses a property Jena sets:
        // keep the JDK's, here and in every executor that loads this class.
        if (System.getProperty("javax.xml.stream.XMLInputFactory") == null) {
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
    }

    /** The options of one run. */
    static final class Options implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        String base = Iris.DEFAULT_BASE;
        List<String> extractors;
        String format;
        /** Byte range of the JSON-lines slices; 0: {@link #autoSplitBytes}. */
        long splitBytes;
        int partitions;
        String time;
        /** Test hook: the first attempt of the second-pass task of this slice fails half-way through its shard. */
        int failFirstAttemptOf = -1;
    }

    /** The run's outcome. */
    record Result(IngestSummary summary, Map<String, Long> links, int slices, int shards) {}

    private final JavaSparkContext sc;
    private final Options o;
    private final Consumer<String> stage;
    private final Consumer<String> err;

    ConvertJob(JavaSparkContext sc, Options o, Consumer<String> stage, Consumer<String> err) {
        this.sc = sc;
        this.o = o;
        this.stage = stage;
        this.err = err;
    }

    Result run(List<Path> inputs, Path outDir) {
        long t0 = System.currentTimeMillis();
        Iris iris = new Iris(o.base);
        if (o.extractors != null) Extractors.named(iris, o.extractors);
        RecordReader forced = o.format == null ? null : SourceFiles.byName(o.format).orElseThrow(() -> new IngestException(
                "unknown format '" + o.format + "'; known formats: " + String.join(", ", SourceFiles.formats())));
        List<Slice> slices = new ArrayList<>();
        int files = plan(inputs, forced, slices);
        Path outPath = outDir.toAbsolutePath();
        ShardFolder.prepare(outPath);
        String out = outPath.toString();
        int partitions = o.partitions > 0 ? o.partitions : Math.max(2, sc.defaultParallelism() * 2);
        String time = o.time != null ? o.time : RecordExtraction.now();
        String base = o.base;
        Options opts = o;
        if (slices.isEmpty()) {
            IngestSummary s = new IngestSummary(files, 0, 0, 0, 0, 0, System.currentTimeMillis() - t0);
            ShardFolder.complete(outPath, s.toString());
            return new Result(s, Map.of(), 0, 0);
        }
        stage.accept("pass 1: reading the keys of " + slices.size() + " slice(s) of " + files + " file(s)");

        // Pass 1: keys, graphs and line counts.
        JavaRDD<SliceScan> scans = sc.parallelize(slices, slices.size()).map(s -> scan(s, base))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        Map<Integer, Long> lines = new HashMap<>();
        for (Tuple2<Integer, Long> t : scans.map(s -> new Tuple2<>(s.slice, s.lines)).collect()) lines.put(t._1, t._2);
        List<Slice> numbered = new ArrayList<>();
        long next = 1;
        for (Slice s : slices) {
            if (s.whole || s.start == 0) next = 1;
            numbered.add(s.withFirstLine(next));
            next += lines.getOrDefault(s.index, 0L);
        }

        // Resolution, and the second records of a graph.
        stage.accept("resolution: linking the papers of all inputs");
        JavaRDD<Mention> mentions = scans.flatMap(s -> s.mentions.iterator());
        List<RDD<?>> resolutionCache = new ArrayList<>();
        JavaPairRDD<Integer, Directive> links = Resolution.links(mentions, base, PaperResolver.DEFAULT_THRESHOLD, partitions, stage,
                resolutionCache);
        JavaPairRDD<Integer, Directive> duplicates = scans.flatMapToPair(s -> {
            List<Tuple2<Long, Long>> g = new ArrayList<>(s.graphSeqs.length);
            for (int i = 0; i < s.graphSeqs.length; i++) g.add(new Tuple2<>(s.graphHashes[i], Mention.record(s.slice, s.graphSeqs[i])));
            return g.iterator();
        }).groupByKey(partitions).flatMapToPair(g -> {
            List<Long> records = new ArrayList<>();
            g._2.forEach(records::add);
            if (records.size() < 2) return java.util.Collections.emptyIterator();
            long first = records.stream().min(Long::compare).orElseThrow();
            List<Tuple2<Integer, Directive>> out2 = new ArrayList<>();
            for (long r : records) if (r != first) out2.add(new Tuple2<>((int) (r >>> 32), Directive.duplicate((int) r)));
            return out2.iterator();
        });
        JavaPairRDD<Integer, Directive> directives = links.union(duplicates).partitionBy(new SlicePartitioner(slices.size()))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        Map<String, Long> linkCounts = new TreeMap<>(directives.filter(d -> !d._2.duplicate).map(d -> d._2.rule).countByValue());
        // The directives are computed and cached: what led to them is not needed again (a lost partition of the
        // directives is recomputed from the lineage). Kept, it would sit in the heap through extraction.
        for (RDD<?> r : resolutionCache) r.unpersist(false);
        scans.unpersist(false);

        // Pass 2: extraction, one shard per slice.
        stage.accept("pass 2: extracting and writing " + slices.size() + " shard(s)");
        JavaRDD<Slice> numberedRdd = sc.parallelize(numbered, numbered.size());
        JavaRDD<SliceOutcome> outcomes = numberedRdd.zipPartitions(directives, (sl, ds) -> {
            Slice s = sl.next();
            return List.of(extract(s, ds, opts, time, out)).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK_SER());
        List<SliceOutcome> done = new ArrayList<>(outcomes.map(SliceOutcome::withoutDeclarations).collect());
        done.sort(java.util.Comparator.comparingInt(x -> x.slice));
        long stored = 0, rejected = 0, quads = 0, provenance = 0;
        for (SliceOutcome x : done) {
            stored += x.stored;
            rejected += x.rejected;
            quads += x.quads;
            provenance += x.provenance;
            for (String w : x.warnings) err.accept("warning: " + w);
            for (String r : x.rejections) err.accept("rejected " + r);
        }

        // What no one record owns.
        stage.accept("writing the entity declarations and the extractors' descriptions");
        JavaRDD<String> shared = outcomes.flatMap(x -> x.declarations.iterator());
        if (stored > 0) shared = shared.union(sc.parallelize(agents(base, opts.extractors), 1));
        int sharedShards = Math.max(1, (slices.size() + 15) / 16);
        long declarations = shared.distinct(sharedShards).mapPartitionsWithIndex((i, it) -> {
            List<String> l = new ArrayList<>();
            it.forEachRemaining(l::add);
            java.util.Collections.sort(l);
            ShardFiles.write(Path.of(out), ShardFolder.sharedShard(i), TaskContext.get().taskAttemptId(), os -> {
                for (String line : l) os.write(line.getBytes(StandardCharsets.UTF_8));
            });
            return List.of((long) l.size()).iterator();
        }, true).reduce(Long::sum);
        long agentQuads = stored > 0 ? agents(base, opts.extractors).size() : 0;
        quads += declarations - agentQuads;

        IngestSummary s = new IngestSummary(files, stored + rejected, stored, rejected, quads, provenance, System.currentTimeMillis() - t0);
        ShardFolder.complete(outPath, s.toString());
        outcomes.unpersist(false);
        directives.unpersist(false);
        return new Result(s, linkCounts, slices.size(), slices.size() + sharedShards);
    }

    /** The slices to read, in input order; the number of files that will be read. */
    private int plan(List<Path> inputs, RecordReader forced, List<Slice> slices) {
        List<Path> files = new ArrayList<>();
        Set<Path> fromFolders = new HashSet<>();
        Ingestor.expand(inputs, files, fromFolders);
        int read = 0;
        List<PlannedFile> planned = new ArrayList<>();
        long splittableBytes = 0;
        for (Path f : files) {
            String name = f.toString();
            RecordReader reader = forced;
            boolean gzip;
            String head;
            long size;
            try (InputStream raw = Files.newInputStream(f); InputStream in = SourceFiles.decode(raw)) {
                size = Files.size(f);
                head = SourceFiles.head(in);
                gzip = isGzip(f);
            } catch (IOException e) {
                throw new IngestException("reading " + name + " failed: " + e.getMessage());
            }
            if (reader == null) {
                Optional<RecordReader> r = SourceFiles.detect(head);
                if (r.isEmpty() && fromFolders.contains(f)) {
                    err.accept("skipped " + name + ": format not recognised; name the file with --format to read it");
                    continue;
                }
                if (r.isEmpty()) {
                    throw new IngestException("cannot tell the format of " + name + "; name it with --format ("
                            + String.join(", ", SourceFiles.formats()) + ")");
                }
                reader = r.get();
            }
            read++;
            String path = f.toAbsolutePath().toString();
            String first4k = head.length() > 4096 ? new String(java.util.Arrays.copyOf(head.getBytes(StandardCharsets.UTF_8), 4096), StandardCharsets.UTF_8) : head;
            boolean splittable = !gzip && reader instanceof LineRecordReader lr && lr.splittable(first4k);
            planned.add(new PlannedFile(name, path, reader.format(), splittable, size));
            if (splittable) splittableBytes += size;
        }
        long split = o.splitBytes > 0 ? o.splitBytes : autoSplitBytes(splittableBytes, sc.defaultParallelism());
        for (PlannedFile p : planned) {
            if (!p.splittable() || p.size() <= split) {
                slices.add(new Slice(slices.size(), p.name(), p.path(), p.format(), true, 0, p.size()));
            } else {
                for (long start = 0; start < p.size(); start += split) {
                    slices.add(new Slice(slices.size(), p.name(), p.path(), p.format(), false, start, Math.min(p.size(), start + split)));
                }
            }
        }
        return read;
    }

    private record PlannedFile(String name, String path, String format, boolean splittable, long size) {}

    /** Slices per task slot when the split size is left to the job: enough for the last ones to even out the load. */
    static final int SLICES_PER_CORE = 4;
    static final long MIN_SPLIT = 1L << 20, MAX_SPLIT = 64L << 20;

    /**
     * The byte range JSON-lines files are split into when {@code --split-mb} is not given: their total size over
     * {@link #SLICES_PER_CORE} slices per task slot ({@code parallelism}), between 1 and 64 MB. Enough slices that
     * every slot has work until near the end whatever the slices cost, few enough that a slice's fixed cost (a
     * task, a shard, its extractors) stays small; a big input gets 64 MB slices, as many as it needs.
     */
    static long autoSplitBytes(long splittableBytes, int parallelism) {
        long perSlice = (splittableBytes + (long) SLICES_PER_CORE * Math.max(1, parallelism) - 1)
                / ((long) SLICES_PER_CORE * Math.max(1, parallelism));
        return Math.max(MIN_SPLIT, Math.min(MAX_SPLIT, perSlice));
    }

    private static boolean isGzip(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    // ---- pass 1

    static SliceScan scan(Slice s, String base) throws IOException {
        Iris iris = new Iris(base);
        PaperResolver keys = new PaperResolver(iris, PaperResolver.DEFAULT_THRESHOLD);
        SliceScan out = new SliceScan();
        out.slice = s.index;
        List<long[]> graphs = new ArrayList<>();
        out.lines = SliceInput.read(s, new RecordSink() {
            int seq = -1;

            @Override
            public void accept(PaperRecord read) {
                seq++;
                if (!read.describesPaper() && read.entities().isEmpty()) return;
                graphs.add(new long[] {seq, RecordExtraction.graphHash(iris.recordGraph(read).getURI())});
                if (!read.describesPaper()) return;
                long record = Mention.record(s.index, seq);
                out.mentions.add(Mention.ofPaper(record, read, iris, keys));
                for (int i = 0; i < read.references().size(); i++) {
                    Mention m = Mention.ofReference(record, i, read.references().get(i), iris);
                    if (m != null) out.mentions.add(m);
                }
            }

            @Override
            public void reject(RecordError error) { }
        });
        out.graphSeqs = new int[graphs.size()];
        out.graphHashes = new long[graphs.size()];
        for (int i = 0; i < graphs.size(); i++) {
            out.graphSeqs[i] = (int) graphs.get(i)[0];
            out.graphHashes[i] = graphs.get(i)[1];
        }
        return out;
    }

    // ---- pass 2

    static SliceOutcome extract(Slice s, Iterator<Tuple2<Integer, Directive>> directives, Options o, String time, String out) {
        Iris iris = new Iris(o.base);
        List<Extractor> extractors = o.extractors == null ? Extractors.defaults(iris) : Extractors.named(iris, o.extractors);
        RecordExtraction extraction = new RecordExtraction(iris, extractors, RecordExtraction.time(time));
        Map<Integer, List<Directive>> bySeq = new HashMap<>();
        while (directives.hasNext()) {
            Directive d = directives.next()._2;
            bySeq.computeIfAbsent(d.seq, k -> new ArrayList<>()).add(d);
        }
        SliceOutcome outcome = new SliceOutcome();
        outcome.slice = s.index;
        TaskContext task = TaskContext.get();
        boolean failHalfway = task != null && task.attemptNumber() == 0 && o.failFirstAttemptOf == s.index;
        Set<Quad> declared = new HashSet<>();
        LineFormatter lines = new LineFormatter();
        ShardFiles.write(Path.of(out), ShardFolder.recordShard(s.index), task == null ? 0 : task.taskAttemptId(), os -> {
            NQuadsWriter w = new NQuadsWriter(os);
            w.start();
            SliceInput.read(s, new RecordSink() {
                int seq = -1;

                @Override
                public void accept(PaperRecord read) {
                    seq++;
                    if (failHalfway && seq == 50) {
                        w.finish();
                        throw new IllegalStateException("test hook: the first attempt of slice " + s.index + " fails half-way");
                    }
                    if (!read.describesPaper() && read.entities().isEmpty()) {
                        reject(new RecordError(read.position(), "record has no title and no identifier"));
                        return;
                    }
                    List<Directive> ds = bySeq.getOrDefault(seq, List.of());
                    PaperRecord record = read;
                    if (read.describesPaper()) {
                        PaperMatch paper = null;
                        Map<Integer, PaperMatch> refs = new LinkedHashMap<>();
                        for (Directive d : ds) {
                            if (d.duplicate) continue;
                            if (d.ref < 0) paper = d.match();
                            else refs.put(d.ref, d.match());
                        }
                        record = PaperResolver.resolved(read, paper, sortedByIndex(refs));
                    }
                    Node graph = iris.recordGraph(record);
                    RecordExtraction.Extracted x;
                    try {
                        x = extraction.extract(record, graph);
                    } catch (RuntimeException e) {
                        reject(new RecordError(record.position(), "extractor failed: " + e));
                        return;
                    }
                    if (ds.stream().anyMatch(d -> d.duplicate)) {
                        reject(new RecordError(record.position(), RecordExtraction.duplicateGraph(graph)));
                        return;
                    }
                    for (Quad q : x.declarations()) {
                        if (declared.add(q)) outcome.declarations.add(lines.line(q));
                    }
                    for (Quad q : x.quads()) w.quad(q);
                    outcome.quads += x.quads().size();
                    outcome.provenance += extraction.provenance(record, graph, w::quad);
                    outcome.stored++;
                }

                @Override
                public void reject(RecordError error) {
                    outcome.rejected++;
                    outcome.rejections.add(error.toString());
                }
            }, (where, what) -> outcome.warnings.add(where + ": " + what));
            w.finish();
        });
        return outcome;
    }

    private static Map<Integer, PaperMatch> sortedByIndex(Map<Integer, PaperMatch> refs) {
        return new LinkedHashMap<>(new TreeMap<>(refs));
    }

    /** One quad as an N-Quads line, as {@link NQuadsWriter} writes it. */
    static String line(Quad q) { return new LineFormatter().line(q); }

    /** Formats quads one line at a time with one writer. */
    static final class LineFormatter {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        private final NQuadsWriter w = new NQuadsWriter(b);

        String line(Quad q) {
            b.reset();
            w.quad(q);
            w.finish();
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    static List<String> agents(String base, List<String> names) {
        Iris iris = new Iris(base);
        List<Extractor> extractors = names == null ? Extractors.defaults(iris) : Extractors.named(iris, names);
        List<String> out = new ArrayList<>();
        new RecordExtraction(iris, extractors, null).agents(q -> out.add(line(q)));
        return out;
    }

    /** Sends the directives of slice {@code i} to partition {@code i}, beside that slice. */
    static final class SlicePartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int n;

        SlicePartitioner(int n) { this.n = n; }

        @Override
        public int numPartitions() { return n; }

        @Override
        public int getPartition(Object key) { return (Integer) key; }

        @Override
        public boolean equals(Object o) { return o instanceof SlicePartitioner p && p.n == n; }

        @Override
        public int hashCode() { return n; }
    }

    static void unchecked(IOException e) { throw new UncheckedIOException(e); }

    @SuppressWarnings("unused")
    private static void write(OutputStream os, String s) throws IOException { os.write(s.getBytes(StandardCharsets.UTF_8)); }
}
