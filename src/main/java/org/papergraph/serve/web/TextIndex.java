package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.papergraph.store.FullTextIndex;

/** How the site uses the store's full-text index ({@link FullTextIndex}), when the store has one. */
final class TextIndex {
    private TextIndex() {}

    /** True when {@code dsg} answers {@code text:query}. */
    static boolean isIndexed(DatasetGraph dsg) { return dsg instanceof DatasetGraphText; }

    /**
     * A Lucene query for papers whose title, or whose abstract, holds every word the user typed; syntax characters
     * are escaped so the user's text is always words, never query syntax.
     */
    static String luceneQuery(String typed) {
        List<String> terms = new ArrayList<>();
        for (String w : typed.strip().split("\\s+")) {
            // Lower case: AND, OR, NOT typed as words would otherwise be Lucene operators (the analyzer lowercases anyway).
            if (!w.isEmpty()) terms.add(QueryParserBase.escape(w.toLowerCase(Locale.ROOT)));
        }
        if (terms.isEmpty()) return "";
        String all = "(" + String.join(" AND ", terms) + ")";
        return FullTextIndex.TITLE + ":" + all + " OR " + FullTextIndex.ABSTRACT + ":" + all;
    }
}
