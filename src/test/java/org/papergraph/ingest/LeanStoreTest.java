package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractor;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.RecordProvenance;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;
import org.papergraph.vocab.PROV;

/**
 * ADR 0024: what repeats is stated once. On real inputs (GROBID TEI files with their authors and reference lists, the
 * listing with its mentions): a mention carries its evidence but no type and no extractor, an authorship no type, a record graph
 * names one extractor set, and what identifies a cited paper is in the cited graph once, however many cite it.
 */
class LeanStoreTest {
    @TempDir Path tmp;

    static {
        // Jena's vocabulary classes need Jena initialised first when this class runs alone.
        org.apache.jena.sys.JenaSystem.init();
    }

    private static final Iris IRIS = Iris.defaults();
    private static final Node TYPE = RDF.type.asNode();

    @Test
    void citedPapersAreIdentifiedOnceInTheCitedGraph() throws Exception {
        Path nq = tmp.resolve("tei.nq.gz");
        new Converter(IRIS, Extractors.defaults(IRIS), IngestListener.NONE)
                .convert(List.of(SharedData.path("data/sota-leaderboards/grobid-tei-2023")), null, nq);
        Set<Quad> quads = ConverterTest.read(nq);
        Node cited = IRIS.citedGraph(), meta = IRIS.metaGraph();
        Set<Node> own = new HashSet<>();
        for (Quad q : quads) if (q.getGraph().equals(meta) && q.getPredicate().equals(PG.describes)) own.add(q.getObject());
        Map<Node, Integer> citations = new HashMap<>();
        for (Quad q : quads) if (q.getPredicate().equals(CITO.cites)) citations.merge(q.getObject(), 1, Integer::sum);
        assertTrue(citations.size() > 100, "cited papers: " + citations.size());
        // Some paper is cited by several records: the statements saved are real.
        assertTrue(citations.values().stream().anyMatch(n -> n > 1), "no paper cited twice");
        Set<Node> typedInCited = new HashSet<>();
        long identifiers = 0;
        for (Quad q : quads) {
            Node s = q.getSubject(), p = q.getPredicate();
            boolean identity = p.equals(TYPE) && q.getObject().equals(PG.Paper) || p.equals(PG.arxivId) || p.equals(PG.doi)
                    || p.equals(PG.openalexId) || p.equals(PG.s2Id);
            if (!identity || own.contains(s) && !q.getGraph().equals(cited)) continue;
            assertEquals(cited, q.getGraph(), "a cited paper identified in a record graph: " + q);
            if (p.equals(TYPE)) typedInCited.add(s);
            else identifiers++;
        }
        assertTrue(identifiers > 0, "no identifier of a cited paper");
        for (Node c : citations.keySet()) {
            assertTrue(typedInCited.contains(c) || own.contains(c), "cited but not a pg:Paper: " + c);
        }
        // An authorship's type is its pg:authorship link: none is stated.
        Set<Node> authorships = new HashSet<>();
        for (Quad q : quads) if (q.getPredicate().equals(PG.authorship)) authorships.add(q.getObject());
        assertTrue(authorships.size() > 300, authorships.size() + " authorships");
        for (Quad q : quads) if (authorships.contains(q.getSubject())) assertFalse(q.getPredicate().equals(TYPE), "typed: " + q);
        // The citation and what a reference alone says stay in the citing record's graph.
        for (Quad q : quads) {
            if (q.getPredicate().equals(CITO.cites) || q.getPredicate().equals(org.apache.jena.vocabulary.DCTerms.title.asNode())) {
                assertFalse(q.getGraph().equals(cited), "in the cited graph: " + q);
            }
        }
    }

    @Test
    void mentionsAndAuthorshipsCarryTheirEvidenceAndRecordsNameOneExtractorSet() throws Exception {
        Path nq = tmp.resolve("listing.nq.gz");
        List<Extractor> extractors = Extractors.defaults(IRIS);
        IngestSummary s = new Converter(IRIS, extractors, IngestListener.NONE).convert(List.of(SharedData.listing()), null, nq);
        Set<Quad> quads = ConverterTest.read(nq);
        Set<Node> mentions = new HashSet<>();
        for (Quad q : quads) if (q.getPredicate().equals(PG.hasMention)) mentions.add(q.getObject());
        assertTrue(mentions.size() > 500, mentions.size() + " mentions");
        Map<Node, Set<Node>> properties = new HashMap<>();
        for (Quad q : quads) {
            if (mentions.contains(q.getSubject())) properties.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).add(q.getPredicate());
        }
        Set<Node> evidence = Set.of(PG.entity, PG.surface, PG.role, PG.confidence, PG.field, PG.start, PG.end, PG.sentence);
        for (Node m : mentions) assertEquals(evidence, properties.get(m), "the properties of " + m);

        // One pg:extractors per record graph, naming the set of every extractor with its version.
        Node set = RecordProvenance.extractorSet(IRIS, extractors);
        Node meta = IRIS.metaGraph();
        long records = 0;
        List<Node> members = new ArrayList<>();
        String label = null;
        for (Quad q : quads) {
            if (!q.getGraph().equals(meta)) continue;
            assertFalse(q.getPredicate().equals(PG.extractedBy), "a record naming each extractor: " + q);
            if (q.getPredicate().equals(PG.extractors)) {
                assertEquals(set, q.getObject());
                records++;
            }
            if (q.getSubject().equals(set) && q.getPredicate().equals(PROV.hadMember)) members.add(q.getObject());
            if (q.getSubject().equals(set) && q.getPredicate().equals(RDFS.label.asNode())) label = q.getObject().getLiteralLexicalForm();
        }
        assertEquals(s.stored(), records);
        assertEquals(extractors.stream().map(x -> IRIS.extractor(x.name())).collect(java.util.stream.Collectors.toSet()), new HashSet<>(members));
        assertTrue(label != null && label.contains("entities " + extractors.stream().filter(x -> x.name().equals("entities")).findFirst().orElseThrow().version()), label);
    }
}
