package org.papergraph.store;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.papergraph.extract.Extractor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.SourcePosition;
import org.papergraph.vocab.PG;
import org.papergraph.vocab.PROV;

/**
 * The provenance papergraph keeps in the metadata graph ({@link Iris#metaGraph()}): each extractor described once as
 * a {@code prov:SoftwareAgent}, and for each record graph where it came from, when it was made and by which
 * extractors. One place for it, so the transactional store ({@link GraphStore#write}) and the bulk and conversion
 * paths write the same quads.
 */
public final class RecordProvenance {
    private RecordProvenance() {}

    /**
     * Quads describing each extractor (type, label and version; 3 per extractor) and the set of them the record graphs
     * of this run name ({@link #extractorSet}: type, a label listing names and versions, one member per extractor).
     */
    public static void agents(Iris iris, List<Extractor> extractors, Consumer<Quad> out) {
        Node meta = iris.metaGraph();
        for (Extractor x : extractors) {
            Node agent = iris.extractor(x.name());
            out.accept(Quad.create(meta, agent, RDF.type.asNode(), PROV.SoftwareAgent));
            out.accept(Quad.create(meta, agent, RDFS.label.asNode(), NodeFactory.createLiteralString(x.name())));
            out.accept(Quad.create(meta, agent, PG.version, NodeFactory.createLiteralString(x.version())));
        }
        Node set = extractorSet(iris, extractors);
        out.accept(Quad.create(meta, set, RDF.type.asNode(), PG.ExtractorSet));
        out.accept(Quad.create(meta, set, RDFS.label.asNode(), NodeFactory.createLiteralString(String.join(", ", namesAndVersions(extractors)))));
        for (Extractor x : extractors) out.accept(Quad.create(meta, set, PROV.hadMember, iris.extractor(x.name())));
    }

    /**
     * The {@code pg:ExtractorSet} of {@code extractors}: a record graph names it once instead of naming each extractor
     * (ADR 0024), and as its IRI comes from the names and versions, an older record keeps the set that made it.
     */
    public static Node extractorSet(Iris iris, List<Extractor> extractors) {
        Memo m = memo;
        if (m != null && m.iris() == iris && m.extractors() == extractors) return m.set();
        Node set = iris.extractorSet(namesAndVersions(extractors));
        memo = new Memo(iris, extractors, set);
        return set;
    }

    /** The last set made: a run asks for the same one for every record. */
    private record Memo(Iris iris, List<Extractor> extractors, Node set) {}
    private static volatile Memo memo;

    private static List<String> namesAndVersions(List<Extractor> extractors) {
        return extractors.stream().map(x -> x.name() + " " + x.version()).toList();
    }

    /**
     * Quads describing record graph {@code graph}: its type, the paper it describes (when {@code paper} is not null),
     * source file, format, unit and index, generation time and the set of extractors that made it.
     *
     * @return how many quads were given to {@code out}
     */
    public static int record(Iris iris, Node graph, Node paper, String format, SourcePosition position, Node time,
                             List<Extractor> extractors, Consumer<Quad> out) {
        Node meta = iris.metaGraph();
        out.accept(Quad.create(meta, graph, RDF.type.asNode(), PG.RecordGraph));
        if (paper != null) out.accept(Quad.create(meta, graph, PG.describes, paper));
        out.accept(Quad.create(meta, graph, PG.sourceFile, NodeFactory.createLiteralString(position.file())));
        out.accept(Quad.create(meta, graph, PG.sourceFormat, NodeFactory.createLiteralString(format)));
        out.accept(Quad.create(meta, graph, PG.sourceUnit, NodeFactory.createLiteralString(position.unit())));
        out.accept(Quad.create(meta, graph, PG.sourceIndex,
                NodeFactory.createLiteralDT(Long.toString(position.index()), XSDDatatype.XSDinteger)));
        out.accept(Quad.create(meta, graph, PROV.generatedAtTime, time));
        out.accept(Quad.create(meta, graph, PG.extractors, extractorSet(iris, extractors)));
        return paper != null ? 8 : 7;
    }
}
