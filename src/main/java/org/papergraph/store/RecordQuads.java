package org.papergraph.store;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.papergraph.source.SourcePosition;

/**
 * Everything the extractors emitted for one record, ready to be written as one record graph.
 *
 * @param graph    the record graph
 * @param paper    the paper the record describes, or null for an entity record (see {@code PaperRecord#describesPaper})
 * @param format   the source format
 * @param position where the record was read
 * @param quads    the quads, all in {@code graph}
 */
public record RecordQuads(Node graph, Node paper, String format, SourcePosition position, List<Quad> quads) {}
