package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** A page query passed to the log holds the page's values, so that it asks the same question when sent on its own. */
class PageQueryLogTest {
    @Test
    void theLoggedQueryHasThePagesBindingsWrittenIn() {
        List<String> seen = new ArrayList<>();
        PageQueryLog.listen(seen::add);
        try {
            new Sparql(DatasetFactory.create(), 10_000).select("paper-authors",
                    Map.of("paper", NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/1706.03762")));
        } finally {
            PageQueryLog.listen(null);
        }
        assertEquals(1, seen.size());
        String q = seen.get(0);
        assertTrue(q.contains("<https://papergraph.org/id/paper/arxiv/1706.03762>"), q);
        assertFalse(q.contains("?paper"), q);
        QueryFactory.create(q); // parses again
    }
}
