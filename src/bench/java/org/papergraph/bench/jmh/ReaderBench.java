package org.papergraph.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
import org.papergraph.source.ArxivJsonReader;
import org.papergraph.source.PaperJsonReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;

/**
 * Reader throughput over a generated corpus held in memory (no disk): records per second for the
 * papergraph-jsonl and arXiv snapshot readers. Scores are per operation = one pass over {@code papers} records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBench {
    @Param({"2000"})
    public int papers;

    private byte[] paperJson;
    private byte[] arxivJson;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("papergraph-jmh");
        CorpusGenerator.Written w = new CorpusGenerator(papers, 42).write(dir);
        paperJson = Files.readAllBytes(w.papers());
        arxivJson = Files.readAllBytes(w.arxiv());
        for (Path p : new Path[] {w.papers(), w.arxiv(), w.tables(), dir}) Files.delete(p);
    }

    @Benchmark
    public void papergraphJsonl(Blackhole bh) throws IOException {
        read(new PaperJsonReader(), paperJson, bh);
    }

    @Benchmark
    public void arxivJsonl(Blackhole bh) throws IOException {
        read(new ArxivJsonReader(), arxivJson, bh);
    }

    private static void read(RecordReader r, byte[] data, Blackhole bh) throws IOException {
        r.read(new ByteArrayInputStream(data), "bench", new RecordSink() {
            @Override public void accept(PaperRecord record) { bh.consume(record); }
            @Override public void reject(RecordError error) { throw new IllegalStateException(error.toString()); }
        });
    }

}
