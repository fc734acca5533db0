package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.source.ListingReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordCollector;

/** The bounded title similarity the resolver uses makes the same decisions as the plain one. */
class TitleSimilarityTest {
    @Test
    void boundedSimilarityAgreesWithThePlainOneOnRealTitles() throws Exception {
        List<String> titles = new ArrayList<>();
        for (PaperRecord r : RecordCollector.read(new ListingReader(), SharedData.listing()).records) {
            String t = Iris.normaliseTitle(r.title());
            titles.add(t);
            // near variants: one character dropped, one changed, a word appended
            titles.add(t.substring(1));
            titles.add(t.replace('e', 'a'));
            titles.add(t + " revisited");
        }
        int above = 0;
        for (double min : new double[] {0.5, 0.8, 0.9, 0.95}) {
            for (int i = 0; i < titles.size(); i += 3) {
                for (int j = 0; j < titles.size(); j += 5) {
                    String a = titles.get(i), b = titles.get(j);
                    double plain = PaperResolver.similarity(a, b);
                    double bounded = PaperResolver.similarityAtLeast(a, b, min);
                    if (plain >= min) {
                        assertEquals(plain, bounded, 1e-12, a + " / " + b);
                        above++;
                    } else {
                        assertTrue(bounded < min, a + " / " + b + ": " + bounded);
                    }
                }
            }
        }
        assertTrue(above > 100, "pairs above the threshold exercised: " + above);
    }
}
