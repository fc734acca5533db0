package org.papergraph.extract;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.PG;

/**
 * Describes entity nodes the same way for every extractor that points at them: type, labels, variant link.
 * Resolution of a surface to its canonical name and IRI is cached (bounded), since the same names recur across
 * papers and minting an IRI (slug, Unicode normalisation, regexes) cost more than emitting the mention. Thread-safe.
 */
final class EntityNodes {
    /** What a surface of one type resolves to: canonical name, entity IRI, and the base dataset of a variant. */
    record Resolved(EntityType type, String canonical, Node iri, String base, Node baseIri) {}

    private record Key(EntityType type, String surface) {}

    /** Entries kept before the cache starts over; a few MB, far more names than a corpus's frequent ones. */
    static final int CACHE_LIMIT = 50_000;

    private final Iris iris;
    private final EntityResolver resolver;
    private final ConcurrentHashMap<Key, Resolved> cache = new ConcurrentHashMap<>();

    EntityNodes(Iris iris, EntityResolver resolver) {
        this.iris = iris;
        this.resolver = resolver;
    }

    /** The canonical name and IRI of the entity of {@code type} written {@code surface}. */
    Resolved resolve(EntityType type, String surface) {
        Key k = new Key(type, surface);
        Resolved r = cache.get(k);
        if (r != null) return r;
        String canonical = resolver.canonical(type, surface);
        String base = type == EntityType.DATASET ? resolver.variantOf(canonical) : null;
        r = new Resolved(type, canonical, iris.entity(type, canonical), base, base == null ? null : iris.dataset(base));
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(k, r);
        return r;
    }

    /** The entity of {@code type} that {@code surface} resolves to, described into {@code q}; returns its IRI. */
    Node entity(Quads q, EntityType type, String surface) {
        Resolved r = resolve(type, surface);
        describe(q, r, surface);
        return r.iri();
    }

    /**
     * Adds type, {@code rdfs:label} and {@code skos:prefLabel} (the canonical name) and the surface as
     * {@code skos:altLabel} when it differs; a dataset variant ("ImageNet-1K") also gets {@code pg:variantOf} its
     * base dataset ("ImageNet"), which is a different entity.
     */
    void describe(Quads q, Resolved r, String surface) {
        describeEntity(q, r);
        if (!surface.equals(r.canonical())) q.literal(r.iri(), SKOS.altLabel.asNode(), surface);
    }

    /**
     * As {@link #describe(Quads, Resolved, String)}, but only what {@code seen} (one record's) does not hold yet:
     * the entity's own quads once, each alternative label once. Quads a record repeats only cost the store time.
     */
    void describe(Quads q, Resolved r, String surface, Set<Object> seen) {
        if (seen.add(r.iri())) describeEntity(q, r);
        if (!surface.equals(r.canonical()) && seen.add(new Key(r.type(), r.iri().getURI() + '\u0001' + surface))) {
            q.literal(r.iri(), SKOS.altLabel.asNode(), surface);
        }
    }

    private void describeEntity(Quads q, Resolved r) {
        Node entity = r.iri();
        q.add(entity, RDF.type.asNode(), r.type().rdfClass());
        q.literal(entity, RDFS.label.asNode(), r.canonical());
        q.literal(entity, SKOS.prefLabel.asNode(), r.canonical());
        if (r.baseIri() != null) {
            Node parent = r.baseIri();
            q.add(entity, PG.variantOf, parent);
            q.add(parent, RDF.type.asNode(), PG.Dataset);
            q.literal(parent, RDFS.label.asNode(), r.base());
            q.literal(parent, SKOS.prefLabel.asNode(), r.base());
        }
    }
}
