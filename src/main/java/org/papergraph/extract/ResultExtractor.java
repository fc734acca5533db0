package org.papergraph.extract;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.PG;

/**
 * Benchmark results stated in a paper's abstract, as {@code pg:Result} nodes: method, dataset, metric (canonical
 * entities), value as {@code xsd:decimal}, raw value, unit ({@code percent} or none), {@code pg:lowerIsBetter}, and
 * evidence (surface, sentence, confidence, extractor). Relative gains are never results (see {@link ResultFinder}).
 * Stateless over shared immutable models; safe from many threads.
 */
public final class ResultExtractor implements Extractor {
    public static final String NAME = "results";

    private final Iris iris;
    private final EntityFinder finder;
    private final ResultFinder results;
    private final EntityNodes nodes;

    public ResultExtractor(Iris iris) { this(iris, ExtractionModels.shipped()); }

    public ResultExtractor(Iris iris, ExtractionModels models) {
        this.iris = iris;
        this.finder = new EntityFinder(models);
        this.results = new ResultFinder(models);
        this.nodes = new EntityNodes(iris, new EntityResolver(models.lexicon()));
    }

    @Override
    public String name() { return NAME; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        String text = r.abstractText();
        if (text == null || !ResultFinder.mayHoldResults(text)) return;
        List<EntityFinder.Found> mentions = finder.find(text, EntityFinder.Field.ABSTRACT);
        String proposed = ResultFinder.proposedMethod(r.title(), text, mentions);
        List<ResultFinder.FoundResult> found = results.find(text, mentions, proposed);
        if (found.isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        Node by = iris.extractor(NAME);
        for (ResultFinder.FoundResult f : found) {
            Node method = nodes.entity(q, EntityType.METHOD, f.method());
            Node dataset = nodes.entity(q, EntityType.DATASET, f.dataset());
            Node metric = nodes.entity(q, EntityType.METRIC, f.metric());
            Node res = iris.result(paper.getURI(), method.getURI(), dataset.getURI(), metric.getURI(), f.value().toPlainString());
            q.add(paper, PG.reportsResult, res);
            q.add(res, RDF.type.asNode(), PG.Result);
            q.add(res, PG.method, method);
            q.add(res, PG.dataset, dataset);
            q.add(res, PG.metric, metric);
            q.literal(res, PG.value, f.value().toPlainString(), XSDDatatype.XSDdecimal);
            q.literal(res, PG.rawValue, f.rawValue());
            if (f.percent()) q.literal(res, PG.unit, "percent");
            q.literal(res, PG.lowerIsBetter, Boolean.toString(f.lowerIsBetter()), XSDDatatype.XSDboolean);
            q.literal(res, PG.surface, f.surface());
            q.literal(res, PG.sentence, f.sentence());
            q.literal(res, PG.confidence, EntityExtractor.decimal(f.confidence()), XSDDatatype.XSDdecimal);
            q.add(res, PG.extractedBy, by);
        }
    }
}
