package org.papergraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
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

    private FullTextIndex() {}

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
