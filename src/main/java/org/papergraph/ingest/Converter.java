package org.papergraph.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.system.StreamRDF;
import org.papergraph.export.PartFile;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;

/**
 * Converts source files to an N-Quads file without a store: exactly the quads {@code ingest --bulk} would load
 * (record graphs and the metadata graph's provenance), in the order they are produced. For publishing a dump, for
 * loading with another tool, and as the like-for-like baseline of the benchmarks (docs/BENCHMARKS.md).
 *
 * <p>Reading and resolution run on one thread, extraction and writing on the calling one. A file output is written beside its
 * target and renamed into place when complete ({@link PartFile}), so a failed or killed conversion never leaves a
 * partial file under the target's name; a name ending in {@code .gz} is gzip-compressed.
 */
public final class Converter {
    private final Iris iris;
    private final List<Extractor> extractors;
    private final IngestListener listener;
    private Map<String, Long> links = Map.of();

    public Converter(Iris iris, List<Extractor> extractors, IngestListener listener) {
        this.iris = iris;
        this.extractors = List.copyOf(extractors);
        this.listener = listener;
    }

    /** Converts {@code inputs} into the file {@code target}; see the class comment. */
    public IngestSummary convert(List<Path> inputs, String format, Path target) {
        if (Files.isDirectory(target)) throw new IngestException(target + " is a folder; name an output file such as out.nq.gz");
        try (PartFile pf = PartFile.beside(target)) {
            pf.reportLeftovers(listener::stage);
            IngestSummary s;
            try (OutputStream file = pf.open();
                 OutputStream out = target.getFileName().toString().endsWith(".gz")
                         ? new GZIPOutputStream(file, 1 << 16) : new BufferedOutputStream(file, 1 << 16)) {
                s = convert(inputs, format, out);
            }
            pf.commit();
            return s;
        } catch (IOException e) {
            throw new IngestException("cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Converts {@code inputs} onto {@code out} (not closed). */
    public IngestSummary convert(List<Path> inputs, String format, OutputStream out) {
        long t0 = System.currentTimeMillis();
        // Writing is cheap next to extraction: the extractors run on this thread, reading and resolution on the other.
        QuadProducer producer = new QuadProducer(iris, extractors, listener, inputs, format, true);
        Thread t = new Thread(producer, "papergraph-convert-read");
        t.setDaemon(true);
        t.start();
        try {
            // Formatting is most of a conversion's work: our own writer, byte for byte Jena's N-Quads.
            StreamRDF w = new NQuadsWriter(out);
            w.start();
            producer.drainTo(w);
            w.finish();
            t.join();
            if (producer.failure != null) throw producer.failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            throw new IngestException("conversion interrupted");
        } catch (RuntimeException e) {
            t.interrupt();
            throw e instanceof IngestException ie ? ie : new IngestException("conversion failed: " + e.getMessage(), e);
        }
        links = producer.resolutionLinks();
        return producer.summary(t0);
    }

    /** Resolution links the last conversion made, by rule. */
    public Map<String, Long> resolutionLinks() { return links; }
}
