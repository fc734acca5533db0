package org.papergraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.EntityFinder;
import org.papergraph.extract.EntityFinder.Field;
import org.papergraph.extract.EntityFinder.Source;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.ExtractionModels;

/**
 * The confidences {@link EntityFinder} gives its spans are what {@code papergraph eval --by-source} measures on the
 * dev splits: when the finder changes and the table is not re-measured, this fails and prints the new values.
 */
class ConfidenceCalibrationTest {
    /** Fewer spans than this give too rough a precision to hold the table to. */
    private static final int MIN_PREDICTED = 5;

    private static Evaluation eval;
    private static final Map<Field, Evaluation.GoldSet> CALIBRATION = new EnumMap<>(Field.class);
    private static final Map<Field, Evaluation.SourceScores> MEASURED = new EnumMap<>(Field.class);

    @BeforeAll
    static void measure() throws Exception {
        SharedData.path("data/orkg-cs-ner");
        SharedData.path("data/scierc/raw/dev.json");
        eval = new Evaluation(SharedData.ROOT, ExtractionModels.shipped());
        for (Evaluation.GoldSet g : eval.goldSets()) {
            if (!g.calibrates()) continue;
            assertTrue(CALIBRATION.put(g.field(), g) == null, "two gold sets calibrate " + g.field());
            MEASURED.put(g.field(), eval.bySource(g.docs(), g.field(), g.types()));
        }
        assertEquals(Field.values().length, CALIBRATION.size(), "every field has a gold set for its confidences");
    }

    @Test
    void everyConfidenceIsTheMeasuredPrecisionOfItsSource() {
        StringBuilder wrong = new StringBuilder();
        int checked = 0;
        for (Field field : Field.values()) {
            Evaluation.GoldSet g = CALIBRATION.get(field);
            for (Source source : Source.values()) {
                // The title-dataset rule runs on titles and finds datasets only; its one constant is checked there.
                if (source == Source.TITLE_DATASETS && field != Field.TITLE) continue;
                for (EntityType type : EntityType.values()) {
                    if (source == Source.TITLE_DATASETS && type != EntityType.DATASET) continue;
                    double have = EntityFinder.confidence(field, source, type);
                    SpanScore.Counts c = MEASURED.get(field).partial(source, type);
                    double want;
                    if (!g.types().contains(type) || c.predicted() == 0) want = 0.5;
                    else if (c.predicted() >= MIN_PREDICTED) want = Math.round(c.precision() * 100) / 100.0;
                    else continue;
                    checked++;
                    if (Math.abs(have - want) > 1e-9) {
                        wrong.append(String.format("%n  %s %s %s: table %.2f, measured %.2f (%d of %d)", field.label(), source.label(),
                                type.label(), have, want, c.matchedPredicted(), c.predicted()));
                    }
                }
            }
        }
        assertTrue(checked >= 10, "cells checked: " + checked);
        assertTrue(wrong.isEmpty(), "EntityFinder.CONFIDENCE is stale; re-measure with papergraph eval --by-source:" + wrong);
    }

    @Test
    void sourcesSplitTheSpansTheEvaluationScores() throws Exception {
        for (Field field : Field.values()) {
            Evaluation.GoldSet g = CALIBRATION.get(field);
            SpanScore all = eval.entities(g.docs(), field, g.types());
            for (EntityType type : g.types()) {
                int predicted = 0, matched = 0;
                for (Source source : Source.values()) {
                    predicted += MEASURED.get(field).partial(source, type).predicted();
                    matched += MEASURED.get(field).partial(source, type).matchedPredicted();
                }
                assertEquals(all.partial(type).predicted(), predicted, field + " " + type);
                assertEquals(all.partial(type).precision(), predicted == 0 ? 0 : (double) matched / predicted, 1e-12, field + " " + type);
            }
            assertTrue(all.partial(EntityType.METHOD).predicted() > 100, "too few spans to calibrate on " + g.name());
        }
    }

    @Test
    void eachSpanNamesTheSourceThatFoundIt() throws Exception {
        EntityFinder finder = new EntityFinder(ExtractionModels.shipped());
        Map<Source, Integer> seen = new EnumMap<>(Source.class);
        for (Field field : Field.values()) {
            for (GoldDoc d : CALIBRATION.get(field).docs()) {
                for (EntityFinder.Found f : finder.find(d.text(), field)) {
                    assertEquals(f.entry() != null, f.source() == Source.LEXICON, d.id() + " " + f);
                    if (f.source() == Source.TITLE_DATASETS) assertTrue(field == Field.TITLE && f.type() == EntityType.DATASET, f.toString());
                    assertEquals(EntityFinder.confidence(field, f.source(), f.type()), f.confidence(), 0, f.toString());
                    seen.merge(f.source(), 1, Integer::sum);
                }
            }
        }
        assertEquals(Source.values().length, seen.size(), seen.toString());
    }

    @Test
    void theBySourceTableHasOneRowPerCellAndNaWhereNothingWasPredicted() throws Exception {
        StringWriter s = new StringWriter();
        eval.sourceReport(new PrintWriter(s));
        List<String> rows = s.toString().lines().skip(2).toList();
        int expected = 0;
        for (Evaluation.GoldSet g : eval.goldSets()) {
            expected += 2 * g.types().size() + (g.field() == Field.TITLE && g.types().contains(EntityType.DATASET) ? 1 : 0);
        }
        assertEquals(expected, rows.size(), s.toString());
        for (String row : rows) {
            String[] c = row.split("\\s*\\|\\s*");
            // c[0] is empty: the row starts with a bar.
            int predicted = Integer.parseInt(c[5]), correct = Integer.parseInt(c[6]);
            assertTrue(correct <= predicted, row);
            if (predicted == 0) assertEquals("n/a", c[7], row);
            else assertEquals((double) correct / predicted, Double.parseDouble(c[7]), 0.0005, row);
        }
    }
}
