package org.papergraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The store's full-text index: a Lucene index (jena-text) over paper titles and abstracts and the names of methods,
 * datasets, tasks, metrics and people ({@code rdfs:label}), in the store folder's {@value #FOLDER} subfolder.
 *
 * <p>The TDB2 dataset is wrapped in jena-text's {@link DatasetGraphText}, so every quad added or deleted through the
 * store changes the index in the same transaction: ingest builds it, and re-ingesting a record (which deletes its
 * graph first) removes the old text. Each indexed quad is one Lucene document with a unique id, which is what makes
 * deletions possible. A store made before the index existed gets it built from its quads when first opened.
 *
 * <p>Fields: {@value #TITLE} (dcterms:title, the default field), {@value #ABSTRACT} (dcterms:abstract),
 * {@value #LABEL} (rdfs:label). In SPARQL: {@code ?paper text:query (dcterms:title "attention")} or
 * {@code (?s ?score) text:query ("title:attention OR abstract:attention" 20)}.
 */
public final class FullTextIndex {
    /** Subfolder of the store folder that holds the Lucene index. */
    public static final String FOLDER = "text-index";
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    public static final String LABEL = "label";

    /** A searcher manager per open index, for reads outside SPARQL ({@link #search}); closed with the store. */
    private static final Map<TextIndex, SearcherManager> SEARCHERS = new HashMap<>();

    private FullTextIndex() {}

    /** A search of the index through Lucene's own API. */
    public interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs {@code search} on the index of {@code dsg} at its last commit, or returns null when {@code dsg} has no
     * Lucene index. The reader is kept open between calls (opening the 1M-paper index takes about a second) and
     * reopened when the index has changed since.
     *
     * @throws org.apache.lucene.index.IndexNotFoundException when nothing was committed to the index yet
     */
    public static <T> T search(DatasetGraph dsg, Search<T> search) throws IOException {
        if (!(dsg instanceof DatasetGraphText text) || !(text.getTextIndex() instanceof TextIndexLucene lucene)) return null;
        SearcherManager m;
        synchronized (SEARCHERS) {
            m = SEARCHERS.get(lucene);
            if (m == null) {
                m = new SearcherManager(lucene.getDirectory(), null);
                SEARCHERS.put(lucene, m);
            }
        }
        m.maybeRefresh();
        IndexSearcher s = m.acquire();
        try {
            return search.run(s);
        } finally {
            m.release(s);
        }
    }

    /** Closes what {@link #search} kept open on {@code index}: when its store closes. */
    static void forget(TextIndex index) {
        SearcherManager m;
        synchronized (SEARCHERS) {
            m = SEARCHERS.remove(index);
        }
        if (m == null) return;
        try {
            m.close();
        } catch (IOException | RuntimeException e) {
            // Nothing to do: the readers' files are released when the store's folder closes.
        }
    }

    /** Wraps {@code tdb} (whose folder is {@code storeDir}) in a text-indexed dataset, building the index if it is new. */
    static DatasetGraphText wrap(DatasetGraph tdb, Path storeDir) {
        Path dir = storeDir.resolve(FOLDER);
        boolean fresh = !Files.isDirectory(dir);
        EntityDefinition def = new EntityDefinition("uri", TITLE, DCTerms.title.asNode());
        def.set(ABSTRACT, DCTerms.abstract_.asNode());
        def.set(LABEL, RDFS.label.asNode());
        def.setUidField("uid");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setValueStored(false);
        TextIndex index;
        try {
            Files.createDirectories(dir);
            index = TextDatasetFactory.createLuceneIndex(FSDirectory.open(dir), config);
        } catch (IOException e) {
            throw new StoreException("cannot open the text index in " + dir + ": " + e.getMessage(), e);
        }
        DatasetGraphText text = (DatasetGraphText) TextDatasetFactory.create(tdb, index, true);
        if (fresh) build(tdb, index);
        return text;
    }

    /** Indexes the text quads already in {@code tdb} (a store made before the index existed). */
    private static void build(DatasetGraph tdb, TextIndex index) {
        EntityDefinition def = index.getDocDef();
        Txn.executeRead(tdb, () -> {
            boolean any = false;
            for (Node p : new Node[] {DCTerms.title.asNode(), DCTerms.abstract_.asNode(), RDFS.label.asNode()}) {
                Iterator<Quad> it = tdb.find(Node.ANY, Node.ANY, p, Node.ANY);
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (!q.getObject().isLiteral()) continue;
                    var entity = TextQueryFuncs.entityFromQuad(def, q);
                    if (entity != null) {
                        index.addEntity(entity);
                        any = true;
                    }
                }
            }
            if (any) {
                index.prepareCommit();
                index.commit();
            }
        });
    }
}
