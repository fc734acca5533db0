package org.papergraph.extract;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.SourceEntity;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.PG;

/**
 * Methods, datasets and tasks a curated source names outright ({@link PaperRecord#entities()}: Papers with Code
 * methods, datasets and the tasks and methods of its papers). Each name resolves through the same
 * {@link EntityResolver} and {@link EntityNodes} as the text extractor's mentions, so "GAN" from the methods archive
 * and "GAN" in an abstract are one entity. The source's full name becomes a {@code skos:altLabel}; a dataset's
 * variants are entities {@code pg:variantOf} it.
 *
 * <p>For a record of a paper, each entity is also linked to the paper the way text mentions are: a
 * {@code pg:Mention} with {@code pg:entity}, {@code pg:surface} (the name), {@code pg:role} as the source states it
 * ({@code proposed}, {@code introduced}, {@code used}), {@code pg:confidence 1} and {@code pg:extractedBy}, but no
 * field or offsets, because it was not found in text. Queries over mentions and roles thus see curated facts too.
 * An entity record (no paper) only describes its entity. Stateless over shared immutable models; thread-safe.
 */
public final class SourceEntityExtractor implements Extractor {
    public static final String NAME = "source-entities";

    private final Iris iris;
    private final EntityNodes nodes;

    public SourceEntityExtractor(Iris iris) { this(iris, ExtractionModels.shipped()); }

    public SourceEntityExtractor(Iris iris, ExtractionModels models) {
        this.iris = iris;
        this.nodes = new EntityNodes(iris, new EntityResolver(models.lexicon()));
    }

    @Override
    public String name() { return NAME; }

    /** 2: no {@code rdf:type} on the nodes a predicate's range types, fewer repeated statements (ADR 0024). */
    @Override
    public String version() { return "2"; }

    /** Reads every record that names entities, entity records included. */
    @Override
    public boolean reads(PaperRecord record) { return !record.entities().isEmpty(); }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        if (r.entities().isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = r.describesPaper() ? iris.paper(r) : null;
        Node by = iris.extractor(NAME);
        for (SourceEntity e : r.entities()) {
            Node entity = nodes.entity(q, e.type(), e.name());
            if (e.fullName() != null && !e.fullName().equals(e.name())) q.literal(entity, SKOS.altLabel.asNode(), e.fullName());
            for (String v : e.variants()) {
                Node variant = nodes.entity(q, EntityType.DATASET, v);
                if (!variant.equals(entity)) q.add(variant, PG.variantOf, entity);
            }
            if (paper == null) continue;
            Node m = iris.mention(paper.getURI(), "source", e.type().label(), entity.getURI());
            q.add(paper, PG.hasMention, m);
            q.add(m, PG.entity, entity);
            q.literal(m, PG.surface, e.name());
            q.literal(m, PG.role, e.role());
            q.literal(m, PG.confidence, "1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
            q.add(m, PG.extractedBy, by);
        }
    }
}
