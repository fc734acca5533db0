package org.papergraph.extract;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/** Describes entity nodes the same way for every extractor that points at them: type, labels, variant link. */
final class EntityNodes {
    private final Iris iris;
    private final EntityResolver resolver;

    EntityNodes(Iris iris, EntityResolver resolver) {
        this.iris = iris;
        this.resolver = resolver;
    }

    /** The entity of {@code type} that {@code surface} resolves to, described into {@code q}; returns its IRI. */
    Node entity(Quads q, EntityType type, String surface) {
        String canonical = resolver.canonical(type, surface);
        Node e = type.iri(iris, canonical);
        describe(q, e, type, canonical, surface);
        return e;
    }

    /**
     * Adds type, {@code rdfs:label} and {@code skos:prefLabel} (the canonical name) and the surface as
     * {@code skos:altLabel} when it differs; a dataset variant ("ImageNet-1K") also gets {@code pg:variantOf} its
     * base dataset ("ImageNet"), which is a different entity.
     */
    void describe(Quads q, Node entity, EntityType type, String canonical, String surface) {
        q.add(entity, RDF.type.asNode(), type.rdfClass());
        q.literal(entity, RDFS.label.asNode(), canonical);
        q.literal(entity, SKOS.prefLabel.asNode(), canonical);
        if (!surface.equals(canonical)) q.literal(entity, SKOS.altLabel.asNode(), surface);
        if (type == EntityType.DATASET) {
            String base = resolver.variantOf(canonical);
            if (base != null) {
                Node parent = iris.dataset(base);
                q.add(entity, PG.variantOf, parent);
                q.add(parent, RDF.type.asNode(), PG.Dataset);
                q.literal(parent, RDFS.label.asNode(), base);
                q.literal(parent, SKOS.prefLabel.asNode(), base);
            }
        }
    }
}
