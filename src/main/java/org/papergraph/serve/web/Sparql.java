package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.rdf.model.Model;

/**
 * Runs the pages' SELECT queries over the union graph with pre-bound variables, collecting the rows. Callers hold a
 * read transaction so one page sees one snapshot. Stateless apart from the dataset; thread-safe.
 */
final class Sparql {
    static final String PREFIXES = """
            PREFIX pg: <https://papergraph.org/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX cito: <http://purl.org/spar/cito/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX pgf: <https://papergraph.org/function#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    private final Dataset dataset;
    private final long timeoutMillis;

    Sparql(Dataset dataset, long timeoutMillis) {
        this.dataset = dataset;
        this.timeoutMillis = timeoutMillis;
    }

    /** The rows of {@code query} (prefixes above are prepended unless it declares its own) with {@code bind} substituted. */
    List<QuerySolution> select(String query, Map<String, Node> bind) {
        String text = query.contains("PREFIX") ? query : PREFIXES + query;
        QueryExecutionDatasetBuilder b = QueryExecution.dataset(dataset).query(text).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        Model m = dataset.getDefaultModel();
        bind.forEach((k, v) -> b.substitution(k, m.asRDFNode(v)));
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = b.build()) {
            if (PageQueryLog.on()) PageQueryLog.seen(qe.getQuery().serialize());
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) rows.add(rs.next());
        }
        return rows;
    }

    /** The lexical form of a literal, the IRI of a resource, null when unbound. */
    static String str(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        if (n == null) return null;
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        if (n.isURIResource()) return n.asResource().getURI();
        return n.toString();
    }

    static Node node(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n == null ? null : n.asNode();
    }
}
