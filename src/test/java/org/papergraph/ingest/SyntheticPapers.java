package org.papergraph.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.papergraph.store.GraphStore;

/**
 * Made-up papers in papergraph's own line format, one per line with distinct ids and titles, for tests that need
 * an ingest that runs for a while; and the counts those tests check a store with.
 */
final class SyntheticPapers {
    private SyntheticPapers() {}

    /** Writes {@code n} papers; paper {@code i} is on line {@code i}. */
    static Path write(Path file, int n) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write(String.format("{\"arxiv\":\"2401.%05d\",\"title\":\"Synthetic paper %d for fault tests\","
                        + "\"abstract\":\"Record %d exists only to be ingested, killed and ingested again.\","
                        + "\"authors\":[\"Test Author %d\",\"Second Author %d\"],\"published\":\"2024-01-%02d\"}%n",
                        i, i, i, i % 97, i % 13, 1 + i % 28));
            }
        }
        return file;
    }

    /** What the metadata graph says is stored: record graphs, and the lowest and highest source line among them. */
    record Committed(long graphs, long minLine, long maxLine, long nonEmptyGraphs) {
        /** Exactly the first {@code graphs} lines of the file, in whole batches (or all of it). */
        boolean wholeBatchesInOrder(int batch, int total) {
            boolean prefix = graphs == 0 || (minLine == 1 && maxLine == graphs);
            return prefix && nonEmptyGraphs == graphs && (graphs % batch == 0 || graphs == total);
        }
    }

    static final String META = "https://papergraph.org/id/graph/meta";
    static final String ENTITIES = "https://papergraph.org/id/graph/entities";

    /** Record graphs as listed in the metadata graph. Runs in its own read transaction. */
    static Committed committed(GraphStore store) {
        return Txn.calculateRead(store.dataset(), () -> committedInTxn(store));
    }

    /** As {@link #committed} inside the caller's transaction. */
    static Committed committedInTxn(GraphStore store) {
        String q = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?g) AS ?n) (MIN(?i) AS ?lo) (MAX(?i) AS ?hi) "
                + "WHERE { GRAPH <" + META + "> { ?g a pg:RecordGraph ; pg:sourceIndex ?i } }";
        String filled = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + META + "> && ?g != <" + ENTITIES + ">) }";
        QuerySolution s;
        long nonEmpty;
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
            s = qe.execSelect().next();
            try (QueryExecution qe2 = QueryExecution.dataset(store.dataset()).query(filled).build()) {
                nonEmpty = qe2.execSelect().next().getLiteral("n").getLong();
            }
            long n = s.getLiteral("n").getLong();
            return new Committed(n, n == 0 ? 0 : s.getLiteral("lo").getLong(), n == 0 ? 0 : s.getLiteral("hi").getLong(), nonEmpty);
        }
    }
}
