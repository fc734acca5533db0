package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.PROV;

/** {@code convert} writes exactly what the bulk loader stores, resolution included, and never a partial file. */
class ConverterTest {
    @TempDir Path tmp;

    static final Node TIME = NodeFactory.createLiteralString("time");

    static Set<Quad> read(Path nq) throws Exception {
        Set<Quad> out = new HashSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nq))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override public void quad(Quad q) {
                    out.add(q.getPredicate().equals(PROV.generatedAtTime)
                            ? Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), TIME) : q);
                }
            });
        }
        return out;
    }

    static Set<Quad> byValue(Set<Quad> quads) {
        Set<Quad> out = new HashSet<>();
        for (Quad q : quads) {
            Node o = q.getObject();
            if (o.isLiteral() && XSDDatatype.XSDdecimal.getURI().equals(o.getLiteralDatatypeURI())) {
                String v = new java.math.BigDecimal(o.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
                o = NodeFactory.createLiteralDT(v, XSDDatatype.XSDdecimal);
            }
            out.add(Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), o));
        }
        return out;
    }

    @Test
    void theConvertedFileHoldsTheQuadsOfTheBulkLoadedStore() throws Exception {
        // A leaderboard file and a TEI file that cites one of its papers by title only: resolution must happen in
        // both paths (PaperResolutionTest has the normal path).
        List<Path> inputs = List.of(SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"),
                SharedData.path("data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml/1410.5401.tei.xml"));
        Path nq = tmp.resolve("out/graph.nq.gz");
        Converter c = new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE);
        IngestSummary s = c.convert(inputs, null, nq);
        assertTrue(s.stored() > 100, s.toString());
        assertTrue(c.resolutionLinks().getOrDefault("title", 0L) >= 1, c.resolutionLinks().toString());

        Path db = tmp.resolve("bulk");
        BulkIngestor b = new BulkIngestor(db, Iris.defaults(), Extractors.defaults(Iris.defaults()),
                BulkIngestor.DEFAULT_LOADER, IngestListener.NONE);
        IngestSummary bs = b.ingest(inputs, null);
        assertEquals(s.stored(), bs.stored());
        assertEquals(c.resolutionLinks(), b.resolutionLinks());
        // TDB2 stores decimals by value and gives "90" back as "90.0": compare decimals by value.
        Set<Quad> file = byValue(read(nq));
        Set<Quad> store = byValue(StoreSnapshot.of(db));
        // The bulk path adds the leaderboard summaries it derives after the load (ADR 0009); convert does not.
        Node summaries = Iris.defaults().leaderboardsGraph();
        assertTrue(store.stream().anyMatch(q -> q.getGraph().equals(summaries)), "no leaderboard summaries in the store");
        store.removeIf(q -> q.getGraph().equals(summaries));
        // Every store keeps its counts and paper orders in the default graph (ADR 0017); a converted file has none.
        assertTrue(store.stream().anyMatch(q -> Quad.isDefaultGraph(q.getGraph())), "no kept counts in the store");
        assertTrue(file.stream().noneMatch(q -> Quad.isDefaultGraph(q.getGraph())), "the converted file has default-graph quads");
        store.removeIf(q -> Quad.isDefaultGraph(q.getGraph()));
        assertEquals(store.size(), file.size());
        Set<Quad> onlyInFile = new HashSet<>(file);
        onlyInFile.removeAll(store);
        Set<Quad> onlyInStore = new HashSet<>(store);
        onlyInStore.removeAll(file);
        assertTrue(onlyInFile.isEmpty() && onlyInStore.isEmpty(), "file only: " + onlyInFile.stream().limit(5).toList()
                + "; store only: " + onlyInStore.stream().limit(5).toList());
        // The reference without an identifier became the leaderboard's paper, in the bulk-built store too.
        try (GraphStore g = GraphStore.open(db, Iris.defaults())) {
            assertEquals(1, IngestTest.count(g, "PREFIX pg: <https://papergraph.org/ontology#> PREFIX cito: <http://purl.org/spar/cito/> "
                    + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?citing pg:arxivId \"1410.5401\" ; cito:cites ?p . ?p pg:arxivId \"1409.0473\" }"));
        }
        try (var files = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(nq), files.toList(), "no temporary file left beside the output");
        }
    }

    @Test
    void eachQuadIsWrittenOnceAndTheSummaryCountsTheFile() throws Exception {
        // On the seed listing the entity and the result extractor both declare some of the same methods and
        // datasets in a record's graph; the file must hold each statement once, and the summary must count the
        // record graphs' quads and their provenance: every line but the extractors' own descriptions.
        Path nq = tmp.resolve("listing.nq.gz");
        var extractors = Extractors.defaults(Iris.defaults());
        IngestSummary s = new Converter(Iris.defaults(), extractors, IngestListener.NONE)
                .convert(List.of(SharedData.listing()), null, nq);
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nq))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(distinct.size(), lines.size(), "lines written twice: " + (lines.size() - distinct.size()));
        List<Quad> agents = new ArrayList<>();
        org.papergraph.store.RecordProvenance.agents(Iris.defaults(), extractors, agents::add);
        assertEquals(lines.size(), s.totalQuads() + agents.size(), s.toString());
        Set<Quad> parsed = read(nq);
        long provenance = parsed.stream().filter(q -> q.getGraph().equals(Iris.defaults().metaGraph())).count();
        assertEquals(provenance, s.provenance() + agents.size(), s.toString());
        assertEquals(parsed.size() - provenance, s.quads(), s.toString());
    }

    @Test
    void entityDeclarationsAreStatedOnceInTheEntitiesGraph() throws Exception {
        // ADR 0008: record graphs about papers hold their mentions, not the declarations of the entities mentioned;
        // those are in the entities graph, each statement once however many records mention the entity.
        Path nq = tmp.resolve("listing-entities.nq.gz");
        Iris iris = Iris.defaults();
        new Converter(iris, Extractors.defaults(iris), IngestListener.NONE).convert(List.of(SharedData.listing()), null, nq);
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nq))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        Set<Quad> quads = read(nq);
        Node entities = iris.entitiesGraph();
        java.util.Map<Node, Long> typedIn = new java.util.HashMap<>();
        long declarations = 0;
        for (Quad q : quads) {
            if (!iris.isEntity(q.getSubject())) continue;
            boolean declaration = q.getPredicate().equals(org.apache.jena.vocabulary.RDF.type.asNode())
                    || q.getPredicate().equals(org.apache.jena.vocabulary.RDFS.label.asNode());
            if (!declaration) continue;
            assertEquals(entities, q.getGraph(), "declared in a record graph: " + q);
            declarations++;
            if (q.getPredicate().equals(org.apache.jena.vocabulary.RDF.type.asNode())) typedIn.merge(q.getSubject(), 1L, Long::sum);
        }
        assertTrue(declarations > 50, "declarations: " + declarations);
        typedIn.forEach((e, n) -> assertEquals(1L, n, "typed " + n + " times: " + e));
        // Some entity is mentioned by several papers, so the copies were really saved.
        Set<Node> mentioned = new HashSet<>();
        long mentions = 0;
        for (Quad q : quads) {
            if (q.getPredicate().equals(org.papergraph.vocab.PG.entity)) {
                mentions++;
                mentioned.add(q.getObject());
                assertTrue(typedIn.containsKey(q.getObject()), "mentioned but not declared: " + q.getObject());
            }
        }
        assertTrue(mentions > mentioned.size(), mentions + " mentions of " + mentioned.size() + " entities");
        assertEquals(new HashSet<>(lines).size(), lines.size());
    }

    @Test
    void aFailedConversionLeavesNoFile() throws Exception {
        Path nq = tmp.resolve("graph.nq.gz");
        Path bad = tmp.resolve("bad.bin");
        Files.write(bad, new byte[] {0, 1, 2, 3, 4, 5});
        Converter c = new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE);
        IngestException e = assertThrows(IngestException.class, () -> c.convert(List.of(SharedData.listing(), bad), null, nq));
        assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(bad), files.toList());
        }
        assertFalse(Files.exists(nq));
    }
}
