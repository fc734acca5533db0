package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/** The Crossref works dump of the OpenCitations samples, read and ingested. */
class CrossrefWorksReaderTest {
    static final Path DUMP = SharedData.path("data/opencitations-samples/crossref_dump.json");
    @TempDir Path tmp;

    @Test
    void readsEveryWorkWithItsReferences() throws IOException {
        JsonNode items = new ObjectMapper().readTree(DUMP.toFile()).get("items");
        try (InputStream in = SourceFiles.open(DUMP)) {
            assertEquals(Optional.of(CrossrefWorksReader.FORMAT), SourceFiles.detect(SourceFiles.head(in)).map(RecordReader::format));
        }
        RecordCollector c = RecordCollector.read(new CrossrefWorksReader(), DUMP);
        assertEquals(List.of(), c.errors);
        assertEquals(items.size(), c.records.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode w = items.get(i);
            PaperRecord r = c.records.get(i);
            assertEquals(w.get("DOI").asText(), r.doi());
            assertEquals(w.get("title").get(0).asText(), r.title());
            assertEquals(w.get("author").size(), r.authors().size());
            int refs = w.has("reference") ? w.get("reference").size() : 0;
            assertEquals(refs, r.references().size(), "every reference kept: " + r);
        }
        PaperRecord first = c.records.get(0);
        assertEquals("2017-05", first.published(), "issued date-parts as precise as given");
        assertEquals("0000-0003-0530-4305", first.authors().get(0).orcid());
        assertEquals("Silvio Peroni", first.authors().get(0).name());
        assertTrue(first.journalRef().startsWith("Journal of Web Semantics 44"), first.journalRef());
        // The PeerJ article's abstract is JATS: tags go, text stays.
        PaperRecord peerj = c.records.stream().filter(r -> r.doi().equals("10.7717/peerj.4375")).findFirst().orElseThrow();
        assertTrue(peerj.abstractText().startsWith("Despite growing interest in Open Access"), peerj.abstractText());
        Reference book = peerj.references().stream().filter(x -> x.doi() == null).findFirst().orElseThrow();
        assertEquals("The access principle: the case for open access to research and scholarship", book.title());
        assertEquals(2009, book.year());
        assertEquals(List.of("Willinsky"), book.authors());
        // Unstructured references: the DOI they contain, else the title they quote.
        PaperRecord jd = c.records.stream().filter(r -> r.doi().equals("10.1108/jd-12-2013-0166")).findFirst().orElseThrow();
        assertTrue(jd.references().stream().anyMatch(x -> "10.1045/june2004-harnad".equals(x.doi())), jd.references().toString());
        assertTrue(jd.references().stream().anyMatch(x -> x.doi() == null
                && "Pathema: a clade-specific bioinformatics resource center for pathogen research".equals(x.title()) && x.year() == 2009));
    }

    @Test
    void badWorksAreRejectedAtTheirEntry() throws IOException {
        String text = "{\"message\": {\"items\": [\n {\"DOI\": \"10.1/a\", \"title\": [\"A\"], \"container-title\": []},\n 7,\n"
                + " {\"publisher\": \"X\"},\n {\"DOI\": \"10.1/b\", \"reference\": [{\"key\": \"k\"}, {\"unstructured\": \"Someone (2001), a note.\"}]}\n]}}";
        RecordCollector c = RecordCollector.read(new CrossrefWorksReader(), "w.json", text);
        assertEquals(List.of("10.1/a", "10.1/b"), c.records.stream().map(PaperRecord::doi).toList());
        assertEquals(List.of("w.json, entry 2: work at line 3 is not a JSON object", "w.json, entry 3: work has neither a DOI nor a title"),
                c.errors.stream().map(Object::toString).toList());
        // A reference with nothing to identify it is dropped; an unstructured one without quotes keeps its text.
        assertEquals(List.of("Someone (2001), a note."), c.records.get(1).references().stream().map(Reference::title).toList());
        assertEquals(2001, c.records.get(1).references().get(0).year());
    }

    @Test
    void ingestGivesACitationPerReference() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 50, IngestListener.NONE).ingest(List.of(DUMP), null);
            assertEquals(5, s.stored());
            long cites = org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
                try (var qe = org.apache.jena.query.QueryExecution.dataset(store.dataset())
                        .query("PREFIX cito: <http://purl.org/spar/cito/> SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a cito:cites ?b } }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(43, cites, "the dump's 43 references, each a distinct cited work");
        }
    }
}
