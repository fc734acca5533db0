package org.papergraph.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Checks papergraph data against the SHACL shapes in {@code ontology/shapes.ttl} (packaged on the classpath).
 * What is validated is the union of all named graphs, metadata graph included: the graph queries see, where sources
 * for the same paper meet. Immutable and thread-safe once constructed.
 */
public final class Validation {
    /** Classpath location of the shapes. */
    public static final String SHAPES = "ontology/shapes.ttl";
    private final Shapes shapes;

    private Validation(Shapes shapes) { this.shapes = shapes; }

    /** Validation against the bundled shapes. */
    public static Validation bundled() {
        try (InputStream in = Validation.class.getClassLoader().getResourceAsStream(SHAPES)) {
            if (in == null) throw new IllegalStateException("no " + SHAPES + " on the classpath; the build packages it");
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return new Validation(Shapes.parse(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation against the shapes in {@code shapesGraph}. */
    public static Validation of(Graph shapesGraph) { return new Validation(Shapes.parse(shapesGraph)); }

    /** Validates the union graph of {@code dsg} in a read transaction. */
    public Outcome validate(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> validate(dsg.getUnionGraph()));
    }

    /** Validates {@code data}; the caller holds any transaction it needs. */
    public Outcome validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            problems.add(new Problem(e.severity().level(), e.focusNode(),
                    e.resultPath() == null ? null : e.resultPath().toString(), e.value(), e.message()));
        }
        // Violations first, then by focus node, so the capped list shows what breaks conformance.
        problems.sort(Comparator.comparing((Problem p) -> !p.isViolation())
                .thenComparing(p -> p.focus().toString())
                .thenComparing(p -> String.valueOf(p.path()))
                .thenComparing(p -> String.valueOf(p.message())));
        return new Outcome(problems);
    }

    /**
     * One validation result.
     *
     * @param severity {@code sh:Violation}, {@code sh:Warning} or {@code sh:Info}, as its IRI node
     * @param focus    the node that failed
     * @param path     the property path checked, in SPARQL syntax; null for node-level constraints
     * @param value    the offending value, null when the problem is a missing value
     * @param message  the shape's message, or the engine's when the shape has none
     */
    public record Problem(Node severity, Node focus, String path, Node value, String message) {
        public boolean isViolation() { return Severity.Violation.level().equals(severity); }

        /** {@code Violation}, {@code Warning} or {@code Info}. */
        public String severityName() {
            String s = severity.getURI();
            return s.substring(s.lastIndexOf('#') + 1);
        }
    }

    /**
     * The results of one validation, violations first.
     *
     * @param problems every result, warnings included
     */
    public record Outcome(List<Problem> problems) {
        public Outcome { problems = List.copyOf(problems); }

        public long violations() { return problems.stream().filter(Problem::isViolation).count(); }

        public long warnings() { return problems.size() - violations(); }

        /** True when there is no violation; warnings do not break conformance for papergraph. */
        public boolean conforms() { return violations() == 0; }
    }
}
