package org.papergraph.extract;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.papergraph.source.PaperRecord;

/** Maps one paper record into RDF under the papergraph ontology. Stateless; safe to call from many threads. */
public interface Extractor {
    /** Stable short name; recorded as the provenance agent of every record graph it contributes to. */
    String name();

    /** Version of the extraction logic; bump it when the quads it emits for the same input change. */
    default String version() { return "1"; }

    /**
     * Whether this extractor has anything to say about {@code record}; the ingest calls {@link #extract} only when
     * it does. By default an extractor reads records of papers ({@link PaperRecord#describesPaper()}), not entity
     * records, whose paper IRI does not exist.
     */
    default boolean reads(PaperRecord record) { return record.describesPaper(); }

    /**
     * Emits the quads for one record into {@code graph}. The caller owns {@code start()}/{@code finish()} of
     * {@code out}. An exception rejects the whole record (no quad of it is stored).
     */
    void extract(PaperRecord paper, Node graph, StreamRDF out);
}
