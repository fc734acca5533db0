package org.papergraph.extract;

import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.PG;

/**
 * The audit trail of paper resolution: for each link {@link org.papergraph.resolve.PaperResolver} made from this
 * record (its paper, or a reference, to a resource under another key), a {@code pg:PaperMatch} node in the record
 * graph with {@code pg:matchedPaper}, {@code pg:matchedBy} (rule), {@code pg:matchScore}, {@code pg:matchedValue}
 * and {@code pg:matchRole}. The node lives in the record graph, so the graph's provenance says which file made the
 * link, and dropping or re-ingesting the record drops or redoes it.
 */
public final class ResolutionExtractor implements Extractor {
    private final Iris iris;

    public ResolutionExtractor(Iris iris) { this.iris = iris; }

    @Override
    public String name() { return "resolution"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Quads q = new Quads(graph, out);
        if (r.paperMatch() != null) emit(q, iris.match(graph, "paper"), r.paperMatch(), "record");
        // In reference order: the record's map (Map.copyOf) iterates in an order that changes from run to run, and
        // convert promises the same file for the same input.
        for (Map.Entry<Integer, PaperMatch> e : new java.util.TreeMap<>(r.referenceMatches()).entrySet()) {
            emit(q, iris.match(graph, "reference-" + (e.getKey() + 1)), e.getValue(), "reference");
        }
    }

    private static void emit(Quads q, Node m, PaperMatch match, String role) {
        q.add(m, RDF.type.asNode(), PG.PaperMatch);
        q.add(m, PG.matchedPaper, match.paper());
        q.literal(m, PG.matchedBy, match.rule());
        q.literal(m, PG.matchScore, java.math.BigDecimal.valueOf(match.score()).stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
        q.literal(m, PG.matchedValue, match.value());
        q.literal(m, PG.matchRole, role);
        if (match.conflicting() != null) q.add(m, PG.conflictingPaper, match.conflicting());
    }
}
