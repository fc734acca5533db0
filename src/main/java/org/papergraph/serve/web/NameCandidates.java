package org.papergraph.serve.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.WildcardQuery;
import org.papergraph.store.FullTextIndex;

/**
 * The resources whose name can hold a typed text, found in the store's full-text index ({@link FullTextIndex}, field
 * {@value FullTextIndex#LABEL}) instead of by reading every name: what {@code search-names-among.rq} then checks with
 * the same substring filter as {@code search-names.rq}, so the names found are the same, read from a few hundred
 * candidates instead of every method, dataset, task, metric and person (646 ms a search at 1M papers).
 *
 * <p>The candidates are a superset of the matches. The text (lower case) is split into its runs of ASCII letters and
 * digits; a name whose lower case holds the text holds each run inside one run of letters and digits, which Lucene's
 * standard tokenizer never splits (no word break between two letters, two digits, or a letter and a digit), and the
 * index keeps every token (jena-text's standard analyzer has no stop words). So each run is inside one of the name's
 * indexed tokens, which {@code *run*} finds. The one gap: a token longer than the tokenizer's 255 characters is cut
 * in pieces, so a run crossing a cut is missed (no name has a word that long).
 *
 * <p>Texts with another character than ASCII letters, digits, spaces and ASCII punctuation, texts without a letter or
 * digit, and texts matching more than {@link #MAX} indexed names (each label statement of each record graph counts)
 * return null: the caller reads every name as before.
 */
final class NameCandidates {
    /** More candidates than this and reading every name is about as fast. */
    static final int MAX = 5_000;
    private static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7e]+");
    private static final Pattern RUN = Pattern.compile("[a-z0-9]+");

    private NameCandidates() {}

    /** The subjects of indexed names holding every letter-and-digit run of {@code needle} (lower case), or null. */
    static List<Node> find(DatasetGraph dsg, String needle) {
        if (!(dsg instanceof DatasetGraphText text) || !(text.getTextIndex() instanceof TextIndexLucene lucene)) return null;
        if (!PLAIN.matcher(needle).matches()) return null;
        Set<String> runs = new LinkedHashSet<>();
        Matcher m = RUN.matcher(needle);
        while (m.find()) runs.add(m.group());
        if (runs.isEmpty()) return null;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String run : runs) {
            all.add(new WildcardQuery(new Term(FullTextIndex.LABEL, "*" + run + "*")), BooleanClause.Occur.FILTER);
        }
        String uriField = lucene.getDocDef().getEntityField();
        try {
            return FullTextIndex.search(dsg, searcher -> {
                ScoreDoc[] docs = searcher.search(all.build(), MAX + 1).scoreDocs;
                if (docs.length > MAX) return null;
                StoredFields stored = searcher.storedFields();
                Set<String> iris = new LinkedHashSet<>();
                for (ScoreDoc d : docs) {
                    String iri = stored.document(d.doc, Set.of(uriField)).get(uriField);
                    if (iri != null) iris.add(iri);
                }
                List<Node> out = new ArrayList<>(iris.size());
                for (String iri : iris) out.add(NodeFactory.createURI(iri));
                return out;
            });
        } catch (IndexNotFoundException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
