package org.papergraph.extract;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Citations: {@code cito:cites} from the paper to each reference that has an arXiv id, a DOI or a title. The cited
 * paper is described as far as the reference says (a stub: type, title, identifiers, year), in the citing record's
 * graph, so the citation graph is complete now and meets the full record in the union graph when it arrives.
 */
public final class CitationExtractor implements Extractor {
    private final Iris iris;

    public CitationExtractor(Iris iris) { this.iris = iris; }

    @Override
    public String name() { return "citations"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        if (r.references().isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        for (Reference ref : r.references()) {
            Node cited = cited(ref);
            if (cited == null || cited.equals(paper)) continue;
            q.add(paper, CITO.cites, cited);
            q.add(cited, RDF.type.asNode(), PG.Paper);
            q.literal(cited, DCTerms.title.asNode(), ref.title());
            if (ref.arxivId() != null) q.literal(cited, PG.arxivId, Iris.arxivBase(ref.arxivId()));
            if (ref.doi() != null) q.literal(cited, PG.doi, Iris.normaliseDoi(ref.doi()));
            if (ref.year() != null) q.date(cited, DCTerms.issued.asNode(), String.format("%04d", ref.year()));
        }
    }

    /** The IRI of the cited paper, by arXiv id, DOI or title in that order; null when the reference has none. */
    Node cited(Reference ref) {
        if (ref.arxivId() != null) return iris.paperByArxiv(ref.arxivId());
        if (ref.doi() != null) return iris.paperByDoi(ref.doi());
        if (ref.title() != null && !ref.title().isBlank()) return iris.paperByTitle(ref.title());
        return null;
    }
}
