package org.papergraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.resolve.Iris;
import org.papergraph.source.ListingReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordSink;

/**
 * Single-thread throughput of the text extractors (entities and results) on real records, into a sink that only
 * counts quads, so the figure is extraction alone, not storage. Warm-up first, then a timed run of whole passes.
 * The rate is per CPU second of the benchmark thread (as well as per wall-clock second), so on a shared machine
 * the figure is what one core does, not what the other processes left of it.
 */
public final class ExtractionBenchmark {
    /** Outcome of a run: records processed, quads emitted, seconds taken. */
    public record Outcome(long records, long quads, double seconds, double cpuSeconds) {
        public double recordsPerSecond() { return records / seconds; }
        public double recordsPerCpuSecond() { return records / cpuSeconds; }
    }

    private final List<PaperRecord> records;
    private final List<Extractor> extractors;

    public ExtractionBenchmark(List<PaperRecord> records, Iris iris) {
        this.records = records;
        this.extractors = List.of(new EntityExtractor(iris), new ResultExtractor(iris));
    }

    /** Records of a trending-papers listing file. */
    public static List<PaperRecord> listing(Path file) throws IOException {
        List<PaperRecord> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new ListingReader().read(in, file.toString(), new RecordSink() {
                @Override public void accept(PaperRecord r) { out.add(r); }
                @Override public void reject(RecordError e) { }
            });
        }
        return out;
    }

    /** Runs whole passes over the records for at least {@code seconds} of wall-clock time. */
    public Outcome run(double seconds) {
        Node g = NodeFactory.createURI("urn:bench");
        long[] quads = {0};
        StreamRDFBase sink = new StreamRDFBase() {
            @Override public void quad(Quad q) { quads[0]++; }
        };
        long n = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long limit = start + (long) (seconds * 1e9);
        while (System.nanoTime() < limit) {
            for (PaperRecord r : records) {
                for (Extractor x : extractors) if (x.reads(r)) x.extract(r, g, sink);
                n++;
            }
        }
        return new Outcome(n, quads[0], (System.nanoTime() - start) / 1e9, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
}
