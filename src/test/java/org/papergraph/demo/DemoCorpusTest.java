package org.papergraph.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperJsonReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordSink;
import org.papergraph.store.GraphStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bundled demo corpus: every file named in {@code demo/index.txt} reads cleanly, is internally consistent, and
 * ingests into exactly the graph its JSON describes. Expected counts are computed here from the raw JSON, not
 * hard-coded, so the corpus can grow without touching the test.
 */
class DemoCorpusTest {
    private static final String PREFIXES = "PREFIX pg: <https://papergraph.org/ontology#> "
            + "PREFIX cito: <http://purl.org/spar/cito/> PREFIX dcterms: <http://purl.org/dc/terms/> ";
    private static final Pattern REPO_IN_TEXT = Pattern.compile("https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private static List<String> resources;
    private static List<JsonNode> papers;

    @TempDir Path tmp;

    @BeforeAll
    static void load() throws IOException {
        resources = new ArrayList<>();
        try (InputStream in = DemoCorpusTest.class.getResourceAsStream("/demo/index.txt")) {
            assertNotNull(in, "demo/index.txt is missing from the classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) resources.add(line.strip());
            }
        }
        assertFalse(resources.isEmpty(), "demo/index.txt lists no resource");
        ObjectMapper mapper = new ObjectMapper();
        papers = new ArrayList<>();
        for (String r : resources) {
            for (String line : new String(bytes(r), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) papers.add(mapper.readTree(line));
            }
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = DemoCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "index lists " + resource + " but it is not on the classpath");
            return in.readAllBytes();
        }
    }

    /** The paper's key as {@code cites} entries name it: its arXiv id, else its DOI. */
    private static String key(JsonNode p) {
        return p.hasNonNull("arxiv") ? p.get("arxiv").asText() : p.get("doi").asText();
    }

    private static List<String> strings(JsonNode p, String field) {
        List<String> out = new ArrayList<>();
        if (p.has(field)) p.get(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void readsWithZeroRejects() throws IOException {
        List<PaperRecord> ok = new ArrayList<>();
        List<RecordError> bad = new ArrayList<>();
        for (String r : resources) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(r)) {
                new PaperJsonReader().read(in, r, new RecordSink() {
                    @Override public void accept(PaperRecord record) { ok.add(record); }
                    @Override public void reject(RecordError error) { bad.add(error); }
                });
            }
        }
        assertEquals(List.of(), bad);
        assertEquals(papers.size(), ok.size());
        assertTrue(papers.size() >= 60 && papers.size() <= 100, "corpus size " + papers.size());
    }

    @Test
    void recordsAreCompleteAndIdsUnique() {
        Set<String> arxiv = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode p : papers) {
            String k = key(p);
            assertTrue(keys.add(k), "duplicate paper " + k);
            if (p.hasNonNull("arxiv")) assertTrue(arxiv.add(p.get("arxiv").asText()), "duplicate arXiv id " + k);
            assertFalse(p.path("title").asText().isBlank(), k + " has no title");
            assertTrue(titles.add(p.get("title").asText()), "duplicate title " + p.get("title"));
            assertTrue(p.path("abstract").asText().split("(?<=\\.) ").length >= 2, k + " abstract is not 2+ sentences");
            assertFalse(strings(p, "authors").isEmpty(), k + " has no author");
            LocalDate.parse(p.path("published").asText());
            // a code link stated in the abstract is also listed as the paper's code
            Matcher m = REPO_IN_TEXT.matcher(p.get("abstract").asText());
            while (m.find()) {
                String url = m.group().replaceAll("\\.$", "");
                assertTrue(strings(p, "code").contains(url), k + " mentions " + url + " but does not list it in code");
            }
        }
    }

    @Test
    void everyCitationPointsIntoTheCorpus() {
        Set<String> keys = new HashSet<>();
        for (JsonNode p : papers) keys.add(key(p));
        int edges = 0;
        for (JsonNode p : papers) {
            Set<String> seen = new HashSet<>();
            for (String c : strings(p, "cites")) {
                assertTrue(keys.contains(c), key(p) + " cites " + c + ", which is not in the corpus");
                assertFalse(c.equals(key(p)), key(p) + " cites itself");
                assertTrue(seen.add(c), key(p) + " cites " + c + " twice");
                edges++;
            }
        }
        assertTrue(edges >= 150, "only " + edges + " citations");
    }

    @Test
    void ingestBuildsExactlyTheGraphTheFileDescribes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String r : resources) {
            Path f = tmp.resolve(Path.of(r).getFileName().toString());
            Files.write(f, bytes(r));
            files.add(f);
        }
        Set<String> citePairs = new HashSet<>();
        Set<String> repos = new LinkedHashSet<>();
        long authorships = 0;
        for (JsonNode p : papers) {
            for (String c : strings(p, "cites")) citePairs.add(key(p) + " " + c);
            repos.addAll(strings(p, "code"));
            authorships += strings(p, "authors").size();
        }
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            // format detected from content, as `papergraph ingest` does
            IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 25, IngestListener.NONE)
                    .ingest(files, null);
            assertEquals(0, s.rejected());
            assertEquals(papers.size(), s.stored());
            assertEquals(papers.size(), count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper }"));
            assertEquals(papers.size(), count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper ; dcterms:abstract ?a }"));
            assertEquals(citePairs.size(), count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a cito:cites ?b } }"));
            assertEquals(repos.size(), count(store, "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?p pg:codeRepository ?r }"));
            assertEquals(authorships, count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?p pg:authorship ?s }"));
            // every cited paper is a full record (it has an abstract), not a stub made from the reference
            assertEquals(0, count(store, "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?a cito:cites ?b FILTER NOT EXISTS { ?b dcterms:abstract ?x } }"));
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) WHERE { <https://papergraph.org/id/paper/arxiv/1810.04805> "
                    + "cito:cites <https://papergraph.org/id/paper/arxiv/1706.03762> }"));
        }
    }

    private static long count(GraphStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PREFIXES + query).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }
}
