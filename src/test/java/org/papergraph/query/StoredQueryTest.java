package org.papergraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

class StoredQueryTest {
    @Test
    void headerGivesSummaryAndParameters() {
        StoredQuery q = QueryCatalog.classpath().get("citation-path").orElseThrow();
        assertEquals("Citation chains of at most four steps from one paper to another", q.summary());
        assertEquals(List.of("from", "to"), q.params().stream().map(StoredQuery.Param::name).toList());
        assertTrue(q.params().stream().allMatch(StoredQuery.Param::required));
        StoredQuery m = QueryCatalog.classpath().get("mentions").orElseThrow();
        assertEquals(List.of("paper", "minConfidence"), m.params().stream().map(StoredQuery.Param::name).toList());
        assertTrue(m.params().stream().noneMatch(StoredQuery.Param::required));
        assertEquals(List.of("order", "limit", "offset"), QueryCatalog.classpath().get("papers").orElseThrow().params().stream()
                .map(StoredQuery.Param::name).toList());
        assertEquals(List.of(), QueryCatalog.classpath().get("stats").orElseThrow().params());
    }

    @Test
    void pagingParametersSetLimitAndOffsetOfThePagedLevel() {
        StoredQuery papers = QueryCatalog.classpath().get("papers").orElseThrow();
        var q = QueryRunner.prepare(papers, Map.of("limit", "25", "offset", "50"));
        var page = QueryRunner.pagedLevel(q);
        assertTrue(page != q, "papers pages in its subquery");
        assertEquals(25, page.getLimit());
        assertEquals(50, page.getOffset());
        assertTrue(!q.hasLimit(), "the outer query keeps no LIMIT of its own");
        assertEquals(1000, QueryRunner.pagedLevel(QueryRunner.prepare(papers, Map.of())).getLimit(), "default page");
        for (String bad : List.of("-1", "ten", "1.5", "<urn:x:a>")) {
            QueryFailure f = assertThrows(QueryFailure.class, () -> QueryRunner.prepare(papers, Map.of("limit", bad)), bad);
            assertTrue(f.getMessage().contains("whole number"), f.getMessage());
        }
        // A query that does not declare them has no such parameters.
        assertThrows(QueryFailure.class, () -> QueryRunner.prepare(QueryCatalog.classpath().get("stats").orElseThrow(),
                Map.of("limit", "5")));
    }

    @Test
    void parameterValuesBecomeTerms() {
        assertEquals(NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/1512.03385"),
                QueryRunner.term("https://papergraph.org/id/paper/arxiv/1512.03385"));
        assertEquals(NodeFactory.createURI("https://example.org/x"), QueryRunner.term("<https://example.org/x>"));
        assertEquals(NodeFactory.createLiteralDT("0.8", XSDDatatype.XSDdecimal), QueryRunner.term("0.8"));
        assertEquals(NodeFactory.createLiteralDT("2020", XSDDatatype.XSDinteger), QueryRunner.term("2020"));
        assertEquals(NodeFactory.createLiteralLang("ImageNet", "en"), QueryRunner.term("\"ImageNet\"@en"));
        assertEquals(NodeFactory.createLiteralString("Attention: all you need"), QueryRunner.term("Attention: all you need"));
    }

    @Test
    void bindRefusesUnknownAndMissingParameters() {
        StoredQuery q = QueryCatalog.classpath().get("citation-path").orElseThrow();
        QueryFailure missing = assertThrows(QueryFailure.class, () -> QueryRunner.bind(q, Map.of("from", "urn:x:a")));
        assertTrue(missing.getMessage().contains("--param to="), missing.getMessage());
        QueryFailure unknown = assertThrows(QueryFailure.class, () -> QueryRunner.bind(q, Map.of("via", "urn:x:a")));
        assertTrue(unknown.getMessage().contains("it takes: from (required) to (required)"), unknown.getMessage());
    }
}
