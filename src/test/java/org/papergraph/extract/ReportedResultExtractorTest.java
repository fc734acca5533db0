package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.SourcePosition;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PwcEvaluationTablesReader;
import org.papergraph.source.RecordCollector;
import org.papergraph.source.ReportedResult;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.PG;

/** Results from a real slice of the 2020 evaluation tables, extracted into an in-memory dataset. */
class ReportedResultExtractorTest {
    static final Iris IRIS = Iris.defaults();
    static List<PaperRecord> slice;
    static DatasetGraph dsg;

    @BeforeAll
    static void extract() throws Exception {
        List<PaperRecord> all = RecordCollector.read(new PwcEvaluationTablesReader(),
                SharedData.path("data/paperswithcode/evaluation-tables-2020-09/evaluation_tables.json.gz")).records;
        // The first rows, plus rows of subtasks (for the hierarchy) and rows with percent cells.
        slice = new ArrayList<>(all.subList(0, 1500));
        all.stream().filter(r -> !r.results().isEmpty() && !r.results().get(0).parentTasks().isEmpty()).limit(500).forEach(slice::add);
        all.stream().filter(r -> r.results().stream().anyMatch(x -> x.rawValue().endsWith("%"))).limit(100).forEach(slice::add);
        dsg = DatasetGraphFactory.createTxnMem();
        var out = StreamRDFLib.dataset(dsg);
        ReportedResultExtractor x = new ReportedResultExtractor(IRIS);
        for (PaperRecord r : slice) x.extract(r, IRIS.recordGraph(r), out);
    }

    static Node lit(String s) { return NodeFactory.createLiteralString(s); }

    static final EntityResolver RESOLVER = new EntityResolver(Lexicon.shipped());

    static String canon(EntityType type, String name) { return IRIS.entity(type, RESOLVER.canonical(type, name)).getURI(); }

    @Test
    void sourceNamesResolveToTheTextExtractorsEntities() {
        // "Abstract Meaning Representation Parsing" is a Papers with Code synonym of the task "AMR parsing" in the
        // lexicon; "Cifar100" a spelling of "CIFAR-100"; the determiner of "the X" is not part of a name.
        PaperRecord r = PaperRecord.builder(PwcEvaluationTablesReader.FORMAT, SourcePosition.entry("t.json", 1))
                .arxivId("1234.56789").title("A paper")
                .result(new ReportedResult("Abstract Meaning Representation Parsing", List.of(), "Cifar100", null,
                        "The Example Net", "Accuracy", "91.2%"))
                .build();
        DatasetGraph g = DatasetGraphFactory.createTxnMem();
        new ReportedResultExtractor(IRIS).extract(r, IRIS.recordGraph(r), StreamRDFLib.dataset(g));
        Node result = g.find(Node.ANY, IRIS.paper(r), PG.reportsResult, Node.ANY).next().getObject();
        assertTrue(g.contains(Node.ANY, result, PG.task, IRIS.task("AMR parsing")));
        assertTrue(g.contains(Node.ANY, IRIS.task("AMR parsing"), SKOS.altLabel.asNode(), lit("Abstract Meaning Representation Parsing")));
        assertTrue(g.contains(Node.ANY, result, PG.dataset, IRIS.dataset("CIFAR-100")));
        assertTrue(g.contains(Node.ANY, result, PG.method, IRIS.method("Example Net")));
        // The text extractor gives a mention of the same name the same entity.
        EntityResolver text = new EntityResolver(ExtractionModels.shipped().lexicon());
        assertEquals(IRIS.task("AMR parsing"), IRIS.entity(EntityType.TASK, text.canonical(EntityType.TASK, "abstract meaning representation parsing")));
    }

    @Test
    void oneResultPerDistinctCellWithRawValueAlwaysAndValueWhenNumeric() {
        Set<List<String>> cells = new HashSet<>();
        Set<List<String>> numeric = new HashSet<>();
        for (PaperRecord r : slice) {
            for (ReportedResult rr : r.results()) {
                // Entities are identified by their canonical name, as the text extractor resolves them.
                List<String> key = List.of(IRIS.paper(r).getURI(), canon(EntityType.TASK, rr.task()),
                        canon(EntityType.DATASET, rr.dataset()), rr.method() == null ? "" : canon(EntityType.METHOD, rr.method()),
                        canon(EntityType.METRIC, rr.metric()), rr.rawValue());
                cells.add(key);
                if (ResultValue.parse(rr.rawValue()).isPresent()) numeric.add(key);
            }
        }
        Set<Node> results = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, PG.reportsResult, Node.ANY).forEachRemaining(q -> results.add(q.getObject()));
        assertEquals(cells.size(), results.size());
        long withValue = results.stream().filter(r -> dsg.find(Node.ANY, r, PG.value, Node.ANY).hasNext()).count();
        assertEquals(numeric.size(), withValue);
        assertTrue(withValue < results.size(), "the slice has non-numeric cells too");
        for (Node r : results) {
            assertTrue(dsg.find(Node.ANY, r, PG.rawValue, Node.ANY).hasNext(), "raw value of " + r);
            assertTrue(dsg.find(Node.ANY, r, PG.metric, Node.ANY).hasNext(), "metric of " + r);
        }
    }

    @Test
    void firstCellOfTheDumpIsADecimalWithItsEntities() {
        PaperRecord first = slice.get(0);
        Node paper = IRIS.paper(first);
        assertEquals(IRIS.paperByArxiv("1704.03549"), paper);
        Node result = dsg.find(Node.ANY, paper, PG.reportsResult, Node.ANY).next().getObject();
        Node value = dsg.find(Node.ANY, result, PG.value, Node.ANY).next().getObject();
        assertEquals(XSDDatatype.XSDdecimal.getURI(), value.getLiteralDatatypeURI());
        assertEquals("15.8", value.getLiteralLexicalForm());
        assertTrue(dsg.contains(Node.ANY, result, PG.metric, IRIS.metric("Sequence error")));
        assertTrue(dsg.contains(Node.ANY, IRIS.metric("Sequence error"), RDFS.label.asNode(), lit("Sequence error")));
        assertTrue(dsg.contains(Node.ANY, result, PG.dataset, IRIS.dataset("FSNS - Test")));
        assertTrue(dsg.contains(Node.ANY, result, PG.method, IRIS.method("AttentionOCR_Inception-resnet-v2_Location")));
    }

    @Test
    void subtasksAreNarrowerThanTheirTaskAndPercentCellsHaveAUnit() {
        ReportedResult sub = slice.stream().flatMap(r -> r.results().stream()).filter(x -> !x.parentTasks().isEmpty())
                .findFirst().orElseThrow();
        assertTrue(dsg.contains(Node.ANY, IRIS.task(sub.task()), SKOS.broader.asNode(), IRIS.task(sub.parentTasks().get(0))),
                sub.task() + " < " + sub.parentTasks());
        long percent = dsg.stream(Node.ANY, Node.ANY, PG.unit, lit("percent")).count();
        assertTrue(percent > 0);
    }
}
