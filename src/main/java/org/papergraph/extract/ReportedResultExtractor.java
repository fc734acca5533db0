package org.papergraph.extract;

import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.ReportedResult;
import org.papergraph.vocab.PG;

/**
 * Results a structured source says a paper reports (Papers with Code leaderboard cells): one {@code pg:Result} per
 * cell, {@code paper pg:reportsResult r}, with {@code pg:method}, {@code pg:dataset}, {@code pg:task},
 * {@code pg:metric}, always {@code pg:rawValue}, and {@code pg:value} (xsd:decimal) when {@link ResultValue} finds
 * a number in the cell, plus {@code pg:unit "percent"} when the cell had a percent sign. The task hierarchy becomes
 * {@code skos:broader} (subtask to task); a dataset variant points to its dataset with {@code pg:variantOf}.
 *
 * <p>The result IRI is a hash of paper, task, dataset, method, metric and raw value: the same cell from two dumps
 * is one node; two cells that differ in any of those are two.
 */
public final class ReportedResultExtractor implements Extractor {
    private final Iris iris;

    public ReportedResultExtractor(Iris iris) { this.iris = iris; }

    @Override
    public String name() { return "reported-results"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        if (r.results().isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        for (ReportedResult rr : r.results()) {
            Node task = entity(PG.Task, rr.task(), q);
            Node dataset = entity(PG.Dataset, rr.dataset(), q);
            Node method = entity(PG.Method, rr.method(), q);
            Node metric = entity(PG.Metric, rr.metric(), q);
            Node result = iris.result(paper.getURI(), key(task), key(dataset), key(method), key(metric), rr.rawValue());
            q.add(paper, PG.reportsResult, result);
            q.add(result, RDF.type.asNode(), PG.Result);
            if (task != null) q.add(result, PG.task, task);
            if (dataset != null) q.add(result, PG.dataset, dataset);
            if (method != null) q.add(result, PG.method, method);
            q.add(result, PG.metric, metric);
            q.literal(result, PG.rawValue, rr.rawValue());
            Optional<ResultValue> v = ResultValue.parse(rr.rawValue());
            if (v.isPresent()) {
                q.literal(result, PG.value, v.get().lexical(), XSDDatatype.XSDdecimal);
                if (v.get().percent()) q.literal(result, PG.unit, "percent");
            }
            // Task hierarchy: each task is narrower than the next one up.
            Node narrower = task;
            List<String> parents = rr.parentTasks();
            for (String parent : parents) {
                Node broader = entity(PG.Task, parent, q);
                if (narrower != null && broader != null && !broader.equals(narrower)) q.add(narrower, SKOS.broader.asNode(), broader);
                narrower = broader;
            }
            Node variantOf = entity(PG.Dataset, rr.datasetVariantOf(), q);
            if (dataset != null && variantOf != null && !variantOf.equals(dataset)) q.add(dataset, PG.variantOf, variantOf);
        }
    }

    /**
     * The entity for a name a source gives, typed and labelled; null for no name. The one place where source names
     * become entity IRIs, so name canonicalisation (shared with the text extractor) can be put here.
     */
    private Node entity(Node type, String name, Quads q) {
        if (name == null || name.isBlank()) return null;
        String label = name.strip();
        Node e;
        if (type.equals(PG.Task)) e = iris.task(label);
        else if (type.equals(PG.Dataset)) e = iris.dataset(label);
        else if (type.equals(PG.Method)) e = iris.method(label);
        else e = iris.metric(label);
        q.add(e, RDF.type.asNode(), type);
        q.literal(e, RDFS.label.asNode(), label);
        return e;
    }

    private static String key(Node n) { return n == null ? "" : n.getURI(); }
}
