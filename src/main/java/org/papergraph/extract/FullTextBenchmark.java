package org.papergraph.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;

/**
 * Single-thread throughput of full-text papers (GROBID TEI, LaTeX) read and extracted: each pass parses every file
 * from memory with its reader and runs every extractor of an ingest over the record, into a sink that only counts
 * quads (no store). Rates are per CPU second of the benchmark thread, so on a shared machine the figure is what
 * one core does. Files are held in memory, so disk speed is not measured.
 */
public final class FullTextBenchmark {
    /** Outcome of a run: papers read and extracted, quads, wall and CPU seconds. */
    public record Outcome(long papers, long quads, double seconds, double cpuSeconds) {
        public double papersPerCpuSecond() { return papers / cpuSeconds; }
        public double papersPerSecond() { return papers / seconds; }
    }

    private record Input(String name, byte[] bytes, RecordReader reader) {}

    private final List<Input> inputs = new ArrayList<>();
    private final List<Extractor> extractors;

    /** Loads the files under {@code paths} whose format is detected as GROBID TEI or LaTeX. */
    public FullTextBenchmark(List<Path> paths, Iris iris) throws IOException {
        this.extractors = Extractors.defaults(iris);
        for (Path p : paths) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(p)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                byte[] bytes;
                try (InputStream in = SourceFiles.open(f)) {
                    bytes = in.readAllBytes();
                }
                Optional<RecordReader> r = SourceFiles.detect(new String(bytes, 0, Math.min(bytes.length, 8192), java.nio.charset.StandardCharsets.UTF_8));
                if (r.isPresent() && (r.get().format().equals("grobid-tei") || r.get().format().equals("latex"))) {
                    inputs.add(new Input(f.toString(), bytes, r.get()));
                }
            }
        }
    }

    /** How many full-text files were loaded. */
    public int files() { return inputs.size(); }

    /** Total bytes of the loaded files. */
    public long bytes() { return inputs.stream().mapToLong(i -> i.bytes().length).sum(); }

    /** Runs whole passes over the files for at least {@code seconds} of wall-clock time. */
    public Outcome run(double seconds) throws IOException {
        Node g = NodeFactory.createURI("urn:bench");
        long[] quads = {0};
        StreamRDFBase sink = new StreamRDFBase() {
            @Override public void quad(Quad q) { quads[0]++; }
        };
        List<PaperRecord> records = new ArrayList<>(1);
        RecordSink collect = new RecordSink() {
            @Override public void accept(PaperRecord r) { records.add(r); }
            @Override public void reject(RecordError e) { }
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long limit = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < limit) {
            for (Input in : inputs) {
                records.clear();
                in.reader().read(new ByteArrayInputStream(in.bytes()), in.name(), collect);
                for (PaperRecord r : records) {
                    for (Extractor x : extractors) if (x.reads(r)) x.extract(r, g, sink);
                }
                n++;
            }
        }
        return new Outcome(n, quads[0], (System.nanoTime() - start) / 1e9, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
}
