package org.papergraph.extract;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Citations: {@code cito:cites} from the paper to each reference that has an arXiv id, a DOI, a title or an
 * OpenAlex / Semantic Scholar id. The cited paper is the one resolution matched ({@link PaperRecord#referenceMatches()})
 * or else the one minted from the reference's own key, and is described as far as the reference says (a stub), so
 * the citation graph is complete now and meets the full record in the union graph when it arrives. What identifies
 * the cited paper (its type and identifiers) is the same in every record citing it and goes to
 * {@link Iris#citedGraph()}, stated once per run (ADR 0024); the title and year the reference gives stay in the
 * citing record's graph.
 *
 * <p>When the source gives the sentence the citation is made in, the citation also becomes a {@code cito:Citation}
 * node ({@code cito:hasCitingEntity}, {@code cito:hasCitedEntity}) with {@code pg:citationContext}; the plain
 * {@code cito:cites} edge stays, so simple queries need not know about contexts.
 */
public final class CitationExtractor implements Extractor {
    private final Iris iris;

    public CitationExtractor(Iris iris) { this.iris = iris; }

    @Override
    public String name() { return "citations"; }

    @Override
    public String version() { return "3"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        if (r.references().isEmpty()) return;
        Quads q = new Quads(graph, out);
        Quads shared = new Quads(iris.citedGraph(), out);
        Node paper = iris.paper(r);
        List<Reference> refs = r.references();
        for (int i = 0; i < refs.size(); i++) {
            Reference ref = refs.get(i);
            PaperMatch m = r.referenceMatches().get(i);
            Node cited = m != null ? m.paper() : iris.paperByReference(ref);
            if (cited == null || cited.equals(paper)) continue;
            q.add(paper, CITO.cites, cited);
            // What identifies the cited paper is the same whoever cites it: stated once, in the cited graph.
            shared.add(cited, RDF.type.asNode(), PG.Paper);
            q.literal(cited, DCTerms.title.asNode(), ref.title());
            if (ref.arxivId() != null) shared.literal(cited, PG.arxivId, Iris.arxivBase(ref.arxivId()));
            if (ref.doi() != null) shared.literal(cited, PG.doi, Iris.normaliseDoi(ref.doi()));
            shared.literal(cited, PG.openalexId, ref.otherIds().get("openalex"));
            shared.literal(cited, PG.s2Id, ref.otherIds().get("s2"));
            if (ref.year() != null) q.date(cited, DCTerms.issued.asNode(), year(ref.year()));
            if (ref.context() != null) {
                Node c = iris.citation(paper, cited);
                q.add(c, RDF.type.asNode(), CITO.Citation);
                q.add(c, CITO.hasCitingEntity, paper);
                q.add(c, CITO.hasCitedEntity, cited);
                q.literal(c, PG.citationContext, ref.context());
            }
        }
    }

    /** The year zero-padded to four digits, as {@code String.format("%04d")} gives it, without the formatter. */
    static String year(int y) {
        if (y < 0) return String.format("%04d", y);
        String s = Integer.toString(y);
        return s.length() < 4 ? "0".repeat(4 - s.length()) + s : s;
    }
}
