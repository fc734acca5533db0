package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.vocab.EntityType;

/** The one-word filter: statistics as shipped, and its effect on real abstract sentences from the listing. */
class OrdinaryWordsTest {
    static List<String> found(EntityFinder f, String text, EntityType type) {
        return f.find(text, EntityFinder.Field.ABSTRACT).stream().filter(x -> x.type() == type)
                .map(x -> text.substring(x.start(), x.end())).toList();
    }

    @Test
    void shippedStatisticsJudgeCommonWordsAndKeepNames() {
        OrdinaryWords w = OrdinaryWords.shipped();
        assertTrue(w.ordinary(EntityType.METHOD, "neural"));
        assertTrue(w.ordinary(EntityType.TASK, "learning"));
        assertTrue(w.ordinary(EntityType.METRIC, "data"), "never a metric alone in SciERC train");
        assertFalse(w.ordinary(EntityType.METHOD, "bert"));
        assertFalse(w.ordinary(EntityType.METRIC, "accuracy"));
        // A metric alone must be a measurement's name: "quality" is one alone 2 times of 27, "precision" 7 of 12.
        assertTrue(w.ordinary(EntityType.METRIC, "quality"));
        assertFalse(w.ordinary(EntityType.METRIC, "precision"));
        assertFalse(w.ordinary(EntityType.METHOD, "tacotron2"), "a word the train splits never saw is not judged");
    }

    @Test
    void ordinaryWordsAreDroppedWhileNamesStay() {
        String text = "We overcome these challenges by employing a classical spatial data structure from computer graphics, and we fine-tune BERT "
                + "on stationary batches of training data and report accuracy.";
        EntityFinder filtered = new EntityFinder(ExtractionModels.shipped());
        assertEquals(EntityType.METRIC, ExtractionModels.shipped().lexicon().lookup("data").type(), "the lexicon has a 'Data' metric");
        assertFalse(found(filtered, text, EntityType.METRIC).contains("data"));
        assertFalse(found(filtered, text, EntityType.TASK).contains("training"));
        assertTrue(found(filtered, text, EntityType.METHOD).contains("BERT"));
        assertTrue(found(filtered, text, EntityType.METRIC).contains("accuracy"));
    }
}
