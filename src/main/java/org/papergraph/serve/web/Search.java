package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;

/**
 * The search box: papers whose title or abstract matches, and methods, datasets, tasks, metrics and people whose
 * name matches. With a text index ({@link TextIndex}) papers are found through Lucene ({@code text:query}), ranked
 * by score; without one, by case-insensitive substring over titles. Names are matched by substring either way, among the candidates
 * the text index gives when there is one ({@link NameCandidates}). Exact and whole-word matches of a name or title come first ({@link #ranked}). Runs in the
 * caller's read transaction.
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
        for (QuerySolution r : names(q, bind, indexed, limit)) {
            hits.add(new Hit(Sparql.node(r, "s"), Sparql.str(r, "label"), Facts.localName(Sparql.str(r, "class")), null));
        }
        List<QuerySolution> rows;
        try {
            rows = indexed
                    ? q.query("search-papers-indexed").bind(bind).bind("max", NodeFactory.createLiteralDT(Integer.toString(limit), XSDDatatype.XSDinteger)).rows()
                    : q.query("search-papers-substring").bind(bind).limit(limit).rows();
        } catch (org.apache.jena.query.text.TextIndexException e) {
            // The escaped words should always parse; if Lucene still refuses them, fall back to substring matching.
            return indexed ? run(q, text, false, limit) : hits;
        }
        for (QuerySolution r : rows) {
            hits.add(new Hit(Sparql.node(r, "s"), Sparql.str(r, "title"), "Paper", Sparql.str(r, "issued")));
        }
        return ranked(hits, needle);
    }

    /**
     * The rows of {@code search-names.rq} (names holding {@code ?needle}, shortest first): read among the candidates the
     * text index gives when it can ({@link NameCandidates}), else from every name.
     */
    static List<QuerySolution> names(Sparql q, Map<String, Node> bind, boolean indexed, int limit) {
        List<Node> among = indexed ? NameCandidates.find(q.datasetGraph(), bind.get("needle").getLiteralLexicalForm()) : null;
        if (among == null) return q.query("search-names").bind(bind).limit(limit).rows();
        if (among.isEmpty()) return List.of();
        return q.query("search-names-among").bind(bind).values("s", among).limit(limit).rows();
    }

    /**
     * {@code hits} with the closest matches first, each group in the order it came (names shortest first, papers by
     * text-index score): a name or title that is what was typed; one that starts with it as a word ("BERT: Pre-training
     * of ..." for "bert"); one holding it as a word; then the rest ("Robert", "Albert" for "bert").
     */
    static List<Hit> ranked(List<Hit> hits, String typed) {
        String t = typed.strip();
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Hit> out = new ArrayList<>(hits);
        out.sort(Comparator.comparingInt(h -> closeness(h.label(), t, word)));
        return out;
    }

    private static int closeness(String label, String typed, Pattern word) {
        if (label == null) return 4;
        String l = label.strip();
        if (l.equalsIgnoreCase(typed)) return 0;
        Matcher m = word.matcher(l);
        if (!m.find()) return 3;
        return m.start() == 0 ? 1 : 2;
    }
}
