package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/** How the site uses the store's full-text index, when the store has one. */
final class TextIndex {
    private TextIndex() {}

    /** True when {@code dsg} answers {@code text:query}. */
    static boolean isIndexed(DatasetGraph dsg) { return dsg instanceof DatasetGraphText; }

    /** A Lucene query that finds documents holding every word the user typed; syntax characters are escaped. */
    static String luceneQuery(String typed) {
        List<String> terms = new ArrayList<>();
        for (String w : typed.strip().split("\\s+")) {
            if (!w.isEmpty()) terms.add(QueryParserBase.escape(w));
        }
        return String.join(" AND ", terms);
    }
}
