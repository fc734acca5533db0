package org.papergraph.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.store.RecordProvenance;

/**
 * What a conversion writes for one resolved record: its extractors' quads, its new entity declarations and the
 * provenance of its graph. One place for it, used by {@link QuadProducer} (bulk ingest, {@code convert}) and by the
 * Spark job (src/spark), so both write the same quads. Not thread-safe (one per thread).
 */
public final class RecordExtraction {
    private final Iris iris;
    private final List<Extractor> extractors;
    private final Node time;

    /** @param time the {@code prov:generatedAtTime} of every record graph (see {@link #now()}) */
    public RecordExtraction(Iris iris, List<Extractor> extractors, Node time) {
        this.iris = iris;
        this.extractors = List.copyOf(extractors);
        this.time = time;
    }

    /** The current time as an {@code xsd:dateTime} literal's lexical form, UTC. */
    public static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code lexical} as the {@code xsd:dateTime} literal of provenance. */
    public static Node time(String lexical) { return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdateTime); }

    public List<Extractor> extractors() { return extractors; }

    /** A record's quads, once its extractors all ran. */
    public static final class Extracted {
        private final RecordCollector collected;

        private Extracted(RecordCollector collected) { this.collected = collected; }

        /** The record graph's distinct quads, in the order first given. */
        public List<Quad> quads() { return collected.quads(); }

        /** Its distinct entity declarations (entities graph), in the order first given. */
        public List<Quad> declarations() { return collected.declarations(); }

        /** Gives {@code out} the declarations not in {@code declared} and adds them to it; how many. */
        public int newDeclarations(Set<Quad> declared, Consumer<Quad> out) { return collected.newDeclarations(declared, out); }
    }

    /**
     * Runs every extractor that reads {@code record} into its graph {@code graph}.
     *
     * @throws RuntimeException what an extractor threw (the record is then rejected as "extractor failed: ...")
     */
    public Extracted extract(PaperRecord record, Node graph) {
        RecordCollector collect = new RecordCollector(graph, iris, record.describesPaper());
        for (Extractor x : extractors) if (x.reads(record)) x.extract(record, graph, collect);
        return new Extracted(collect);
    }

    /** The provenance of record graph {@code graph} (as {@code GraphStore.write} records it); how many quads. */
    public int provenance(PaperRecord record, Node graph, Consumer<Quad> sink) {
        return RecordProvenance.record(iris, graph, record.describesPaper() ? iris.paper(record) : null,
                record.format(), record.position(), time, extractors, sink);
    }

    /** The extractors' descriptions, written once per run. */
    public void agents(Consumer<Quad> sink) { RecordProvenance.agents(iris, extractors, sink); }

    /** The rejection message of a second record for a graph already written in the run. */
    public static String duplicateGraph(Node graph) {
        return "a record for " + graph.getURI()
                + " was already loaded in this run; the first is kept (ingest without --bulk to replace it)";
    }

    /** 64-bit FNV-1a of a record graph's IRI, what a run remembers of each graph; a collision (about 1 in 10^7 at 1M records) would wrongly refuse one record. */
    public static long graphHash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
