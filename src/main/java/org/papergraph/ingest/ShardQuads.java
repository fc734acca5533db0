package org.papergraph.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/**
 * Reads the quads of shard folders ({@link ShardFolder}) as they are: record graphs, their provenance, entity
 * declarations and the extractors' descriptions, already made by {@code convert} or the Spark job. Counts what a
 * conversion's summary counts: records (record graphs described in the metadata graph), extracted quads and
 * provenance quads (the extractors' descriptions not counted).
 */
public final class ShardQuads {
    private final Iris iris;
    private final IngestListener listener;
    long stored, quads, provenance;
    int files;

    public ShardQuads(Iris iris, IngestListener listener) {
        this.iris = iris;
        this.listener = listener;
    }

    /** Whether every input is a complete shard folder; an unfinished one is an error, a mix of kinds too. */
    public static boolean allShardFolders(List<Path> inputs) {
        boolean any = false, other = false;
        for (Path p : inputs) {
            if (ShardFolder.isUnfinished(p)) {
                throw new IngestException(p + " holds shards but no " + ShardFolder.DONE
                        + ": the conversion that wrote it did not finish; run it again");
            }
            if (ShardFolder.isShardFolder(p)) any = true;
            else other = true;
        }
        if (any && other) throw new IngestException("load shard folders on their own, not together with source files");
        return any;
    }

    /** Streams every quad of the shard folders into {@code out}, shard by shard in name order. */
    public void read(List<Path> folders, StreamRDF out) {
        Node meta = iris.metaGraph();
        Node recordGraph = PG.RecordGraph;
        Node type = RDF.type.asNode();
        StreamRDF counting = new StreamRDFWrapper(out) {
            @Override
            public void quad(Quad q) {
                if (q.getGraph().equals(meta)) {
                    if (!isAgent(q.getSubject())) {
                        provenance++;
                        if (q.getPredicate().equals(type) && q.getObject().equals(recordGraph)) stored++;
                    }
                } else {
                    quads++;
                }
                super.quad(q);
            }
        };
        for (Path dir : folders) {
            for (Path shard : ShardFolder.shards(dir)) {
                String name = shard.toString();
                listener.fileStarted(name, "n-quads shard", sizeOf(shard));
                try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(shard), 1 << 16), 1 << 16)) {
                    RDFParser.source(in).lang(Lang.NQUADS).checking(false).parse(counting);
                } catch (IOException | RiotException e) {
                    throw new IngestException("reading shard " + name + " failed: " + e.getMessage());
                }
                listener.fileFinished(name);
                files++;
            }
        }
    }

    private boolean isAgent(Node s) {
        return s.isURI() && s.getURI().startsWith(iris.base() + "extractor/");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** What was read, as a conversion's summary says it. */
    public IngestSummary summary(long startMillis) {
        return new IngestSummary(files, stored, stored, 0, quads, provenance, System.currentTimeMillis() - startMillis);
    }
}
