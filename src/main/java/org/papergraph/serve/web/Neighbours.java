package org.papergraph.serve.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.papergraph.vocab.PG;

/**
 * The explorer's data: one resource and its neighbours as Cytoscape elements (JSON). Neighbours are the links a
 * reader follows: citations both ways, authors and their papers, code repositories, and the methods, datasets, tasks
 * and metrics a paper mentions or reports results with (the mention and result nodes themselves are folded into one
 * edge). At most {@code limit} neighbours per expansion ({@value #LIMIT} unless asked, {@value #MAX_LIMIT} at most), so
 * a hub stays drawable; {@code more} says whether there are others, which the explorer offers to show. Runs in the
 * caller's read transaction.
 */
final class Neighbours {
    /** Neighbours shown when a node is first expanded. */
    static final int LIMIT = 20;
    /** The most neighbours one expansion returns. */
    static final int MAX_LIMIT = 200;

    private Neighbours() {}

    static JsonObject of(Graph g, Sparql q, IriMapper mapper, Node iri, int limit) {
        long rowLimit = Math.max(400, 8L * limit);
        List<QuerySolution> rows = q.query("neighbours").bind(Map.of("x", iri)).limit(rowLimit).rows();
        boolean more = rows.size() >= rowLimit;
        Map<Node, String> nodes = new LinkedHashMap<>();
        JsonArray edges = new JsonArray();
        Set<String> seenEdges = new java.util.HashSet<>();
        nodes.put(iri, "");
        for (QuerySolution r : rows) {
            Node n = Sparql.node(r, "n");
            if (!nodes.containsKey(n)) {
                if (nodes.size() > limit) {
                    more = true;
                    continue;
                }
                nodes.put(n, "");
            }
            boolean out = "out".equals(Sparql.str(r, "dir"));
            String edge = Sparql.str(r, "edge");
            Node s = out ? iri : n, t = out ? n : iri;
            String id = s.getURI() + " " + edge + " " + t.getURI();
            if (!seenEdges.add(id)) continue;
            JsonObject data = new JsonObject();
            data.put("id", id);
            data.put("source", s.getURI());
            data.put("target", t.getURI());
            data.put("label", edge);
            JsonObject e = new JsonObject();
            e.put("data", data);
            edges.add(e);
        }
        JsonArray nodeArray = new JsonArray();
        for (Node n : nodes.keySet()) {
            JsonObject data = new JsonObject();
            data.put("id", n.getURI());
            String label = Facts.labelOrNull(g, n);
            if (label == null) label = n.getURI();
            data.put("label", label.length() > 60 ? label.substring(0, 57) + "…" : label);
            data.put("type", type(g, n));
            String path = mapper.pathFor(n.getURI());
            data.put("path", path == null ? n.getURI() : path);
            JsonObject o = new JsonObject();
            o.put("data", data);
            nodeArray.add(o);
        }
        JsonObject result = new JsonObject();
        result.put("center", iri.getURI());
        result.put("nodes", nodeArray);
        result.put("edges", edges);
        result.put("limit", limit);
        result.put("more", more);
        return result;
    }

    /** The node's kind for styling: paper, person, method, dataset, task, metric, code or other. */
    static String type(Graph g, Node n) {
        Set<String> t = Facts.types(g, n);
        if (t.contains(PG.Paper.getURI())) return "paper";
        if (t.contains(PG.Person.getURI())) return "person";
        if (t.contains(PG.Method.getURI())) return "method";
        if (t.contains(PG.Dataset.getURI())) return "dataset";
        if (t.contains(PG.Task.getURI())) return "task";
        if (t.contains(PG.Metric.getURI())) return "metric";
        if (t.contains(PG.CodeRepository.getURI())) return "code";
        return "other";
    }
}
