package org.papergraph.extract;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.papergraph.resolve.Iris;
import org.papergraph.source.Author;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.PG;

/**
 * Paper metadata: type, title, abstract, identifiers, dates, categories, journal reference, and the ordered author
 * list (one {@code pg:Authorship} node per position, plus {@code dcterms:creator} for simple queries).
 */
public final class MetadataExtractor implements Extractor {
    private final Iris iris;

    public MetadataExtractor(Iris iris) { this.iris = iris; }

    @Override
    public String name() { return "metadata"; }

    /** 2: no {@code rdf:type} on the nodes a predicate's range types, fewer repeated statements (ADR 0024). */
    @Override
    public String version() { return "2"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        q.add(paper, RDF.type.asNode(), PG.Paper);
        q.literal(paper, DCTerms.title.asNode(), r.title());
        q.literal(paper, DCTerms.abstract_.asNode(), r.abstractText());
        if (r.arxivId() != null) q.literal(paper, PG.arxivId, Iris.arxivBase(r.arxivId()));
        for (String v : r.arxivVersions()) q.literal(paper, PG.arxivVersion, v);
        if (r.doi() != null) q.literal(paper, PG.doi, Iris.normaliseDoi(r.doi()));
        String oa = r.otherIds().get("openalex");
        if (oa != null) q.literal(paper, PG.openalexId, oa);
        String s2 = r.otherIds().get("s2");
        if (s2 != null) q.literal(paper, PG.s2Id, s2);
        q.literal(paper, PG.pwcId, r.otherIds().get("pwc"));
        q.date(paper, DCTerms.issued.asNode(), r.published());
        q.date(paper, DCTerms.modified.asNode(), r.updated());
        for (String c : r.categories()) q.literal(paper, PG.category, c);
        q.literal(paper, DCTerms.bibliographicCitation.asNode(), r.journalRef());

        List<Author> authors = r.authors();
        for (int i = 0; i < authors.size(); i++) {
            Author a = authors.get(i);
            Node person = iris.person(a.name(), a.orcid());
            Node ship = iris.authorship(paper, i + 1, person);
            q.add(person, RDF.type.asNode(), PG.Person);
            q.literal(person, FOAF.name.asNode(), a.name());
            q.literal(person, RDFS.label.asNode(), a.name());
            q.literal(person, PG.orcid, a.orcid());
            q.add(paper, DCTerms.creator.asNode(), person);
            q.add(paper, PG.authorship, ship);
            q.add(ship, PG.author, person);
            q.integer(ship, PG.position, i + 1);
            for (String aff : a.affiliations()) q.literal(ship, PG.affiliation, aff);
        }
    }
}
