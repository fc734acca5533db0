package org.papergraph.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractor;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperJsonReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordSink;

/**
 * Extractor cost per record, over generated records read once in setup: each extractor alone and the default list
 * as ingest runs it. Scores are per operation = all {@code papers} records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExtractorBench {
    @Param({"2000"})
    public int papers;

    private final Iris iris = Iris.defaults();
    private List<PaperRecord> records;
    private List<Extractor> extractors;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("papergraph-jmh");
        CorpusGenerator.Written w = new CorpusGenerator(papers, 42).write(dir);
        records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(w.papers())) {
            new PaperJsonReader().read(in, "bench", new RecordSink() {
                @Override public void accept(PaperRecord r) { records.add(r); }
                @Override public void reject(RecordError e) { throw new IllegalStateException(e.toString()); }
            });
        }
        for (Path p : new Path[] {w.papers(), w.arxiv(), w.tables(), dir}) Files.delete(p);
        extractors = Extractors.defaults(iris);
    }

    @Benchmark
    public void allExtractors(Blackhole bh) {
        for (PaperRecord r : records) {
            Node g = iris.recordGraph(r);
            StreamRDF out = sink(g, bh);
            for (Extractor x : extractors) x.extract(r, g, out);
        }
    }

    @Benchmark
    public void metadata(Blackhole bh) { one(0, bh); }

    @Benchmark
    public void codeLinks(Blackhole bh) { one(1, bh); }

    @Benchmark
    public void citations(Blackhole bh) { one(2, bh); }

    private void one(int index, Blackhole bh) {
        if (index >= extractors.size()) return;
        Extractor x = extractors.get(index);
        for (PaperRecord r : records) {
            Node g = iris.recordGraph(r);
            x.extract(r, g, sink(g, bh));
        }
    }

    private static StreamRDF sink(Node g, Blackhole bh) {
        return new StreamRDFBase() {
            @Override public void quad(Quad q) { bh.consume(q); }
            @Override public void triple(Triple t) { bh.consume(t); }
        };
    }
}
