package org.papergraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.vocab.EntityType;

class SpanScoreTest {
    @Test
    void exactAndPartialMatchingCountEachGoldSpanOnce() {
        SpanScore s = new SpanScore();
        List<GoldSpan> gold = List.of(new GoldSpan(0, 10, EntityType.METHOD), new GoldSpan(20, 30, EntityType.TASK));
        // One exact hit, one overlapping split in two (counts one gold), one wrong type, one spurious.
        s.add(gold, List.of(new GoldSpan(0, 10, EntityType.METHOD), new GoldSpan(20, 24, EntityType.TASK),
                new GoldSpan(25, 30, EntityType.TASK), new GoldSpan(0, 10, EntityType.DATASET), new GoldSpan(40, 45, EntityType.METHOD)));
        assertEquals(0.5, s.exact(EntityType.METHOD).precision(), 1e-9);
        assertEquals(1.0, s.exact(EntityType.METHOD).recall(), 1e-9);
        assertEquals(0.0, s.exact(EntityType.TASK).recall(), 1e-9);
        assertEquals(1.0, s.partial(EntityType.TASK).precision(), 1e-9);
        assertEquals(1.0, s.partial(EntityType.TASK).recall(), 1e-9);
        assertEquals(0.0, s.partial(EntityType.DATASET).precision(), 1e-9);
    }
}
