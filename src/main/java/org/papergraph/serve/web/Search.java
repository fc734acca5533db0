package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;

/**
 * The search box: papers whose title or abstract matches, and methods, datasets, tasks, metrics and people whose
 * name matches. With a text index ({@link TextIndex}) papers are found through Lucene ({@code text:query}), ranked
 * by score; without one, by case-insensitive substring over titles. Names are matched by substring either way (there
 * are few of them). Runs in the caller's read transaction.
 */
final class Search {
    /** One hit. */
    record Hit(Node iri, String label, String kind, String issued) {}

    private Search() {}

    static List<Hit> run(Sparql q, String text, boolean indexed, int limit) {
        List<Hit> hits = new ArrayList<>();
        String needle = text.strip();
        if (needle.isEmpty()) return hits;
        Map<String, Node> bind = Map.of("needle", NodeFactory.createLiteralString(needle.toLowerCase(Locale.ROOT)),
                "lucene", NodeFactory.createLiteralString(TextIndex.luceneQuery(needle)));
        List<QuerySolution> entities = q.select("""
                SELECT ?s (MIN(?l) AS ?label) (MIN(?c) AS ?class) WHERE {
                  VALUES ?c { pg:Method pg:Dataset pg:Task pg:Metric pg:Person }
                  ?s a ?c ; rdfs:label ?l .
                  FILTER(CONTAINS(LCASE(STR(?l)), ?needle))
                } GROUP BY ?s ORDER BY STRLEN(?label) ?label LIMIT %d""".formatted(limit), bind);
        for (QuerySolution r : entities) {
            hits.add(new Hit(Sparql.node(r, "s"), Sparql.str(r, "label"), Pages.localName(Sparql.str(r, "class")), null));
        }
        String papers = indexed ? """
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s (MAX(?sc) AS ?score) (MIN(?t) AS ?title) (MIN(?i) AS ?issued) WHERE {
                  (?s ?sc) text:query (?lucene %d) .
                  ?s a pg:Paper .
                  OPTIONAL { ?s dcterms:title ?t } OPTIONAL { ?s dcterms:issued ?i }
                } GROUP BY ?s ORDER BY DESC(?score) ?title""" : """
                SELECT ?s (MIN(?t) AS ?title) (MIN(?i) AS ?issued) WHERE {
                  ?s a pg:Paper ; dcterms:title ?t0 .
                  FILTER(CONTAINS(LCASE(?t0), ?needle))
                  OPTIONAL { ?s dcterms:title ?t } OPTIONAL { ?s dcterms:issued ?i }
                } GROUP BY ?s ORDER BY ?title LIMIT %d""";
        if (indexed) papers = Sparql.PREFIXES + papers;
        List<QuerySolution> rows;
        try {
            rows = q.select(papers.formatted(limit), bind);
        } catch (org.apache.jena.query.text.TextIndexException e) {
            // The escaped words should always parse; if Lucene still refuses them, fall back to substring matching.
            return indexed ? run(q, text, false, limit) : hits;
        }
        for (QuerySolution r : rows) {
            hits.add(new Hit(Sparql.node(r, "s"), Sparql.str(r, "title"), "Paper", Sparql.str(r, "issued")));
        }
        return hits;
    }
}
