package org.papergraph.extract;

import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.ReportedResult;
import org.papergraph.vocab.EntityType;
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
    private final EntityNodes nodes;

    public ReportedResultExtractor(Iris iris) { this(iris, Lexicon.shipped()); }

    /** Source names resolve through {@code lexicon}, as the text extractor's mentions do. */
    public ReportedResultExtractor(Iris iris, Lexicon lexicon) {
        this.iris = iris;
        this.nodes = new EntityNodes(iris, new EntityResolver(lexicon));
    }

    @Override
    public String name() { return "reported-results"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        if (r.results().isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        for (ReportedResult rr : r.results()) {
            Node task = entity(EntityType.TASK, rr.task(), q);
            Node dataset = entity(EntityType.DATASET, rr.dataset(), q);
            Node method = entity(EntityType.METHOD, rr.method(), q);
            Node metric = entity(EntityType.METRIC, rr.metric(), q);
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
                Node broader = entity(EntityType.TASK, parent, q);
                if (narrower != null && broader != null && !broader.equals(narrower)) q.add(narrower, SKOS.broader.asNode(), broader);
                narrower = broader;
            }
            Node variantOf = entity(EntityType.DATASET, rr.datasetVariantOf(), q);
            if (dataset != null && variantOf != null && !variantOf.equals(dataset)) q.add(dataset, PG.variantOf, variantOf);
        }
    }

    /**
     * The entity for a name a source gives, typed and labelled; null for no name. Names resolve exactly as the text
     * extractor's mentions do ({@link EntityResolver#canonical}: the lexicon entry with the same key, synonyms
     * included, else the name without leading determiners), so a leaderboard's "CIFAR10" and an abstract's
     * "CIFAR-10" are one dataset; a name that differs from its canonical form is kept as {@code skos:altLabel}.
     */
    private Node entity(EntityType type, String name, Quads q) {
        if (name == null || name.isBlank()) return null;
        return nodes.entity(q, type, name.strip());
    }

    private static String key(Node n) { return n == null ? "" : n.getURI(); }
}
