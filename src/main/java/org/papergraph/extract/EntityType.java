package org.papergraph.extract;

import java.util.Locale;

import org.apache.jena.graph.Node;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/** The kinds of named things papergraph extracts from text, each with its ontology class and IRI family. */
public enum EntityType {
    METHOD(PG.Method), DATASET(PG.Dataset), TASK(PG.Task), METRIC(PG.Metric);

    private final Node rdfClass;

    EntityType(Node rdfClass) { this.rdfClass = rdfClass; }

    /** The ontology class of entities of this type. */
    public Node rdfClass() { return rdfClass; }

    /** The IRI of the entity of this type named {@code canonical}; never shared across types. */
    public Node iri(Iris iris, String canonical) {
        return switch (this) {
            case METHOD -> iris.method(canonical);
            case DATASET -> iris.dataset(canonical);
            case TASK -> iris.task(canonical);
            case METRIC -> iris.metric(canonical);
        };
    }

    /** Lower-case name as used in files and reports ({@code method}, {@code dataset}, ...). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static EntityType parse(String s) { return valueOf(s.strip().toUpperCase(Locale.ROOT)); }
}
