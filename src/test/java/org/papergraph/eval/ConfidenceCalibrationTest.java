package org.papergraph.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.Confidence;
import org.papergraph.extract.ConfidenceFit;
import org.papergraph.extract.EntityFinder;
import org.papergraph.extract.ExtractionModels;

/**
 * The confidences the entity finder gives are calibrated on text the model was not fitted to: on the report parts of
 * the dev sets, the spans at or above a confidence c are right about c of the time, higher confidences are right
 * more often, and the shipped model is the one {@code build-models} fits for the shipped taggers (so a change to the
 * finder that is not followed by a refit fails here).
 */
class ConfidenceCalibrationTest {
    private static Evaluation eval;
    private static final List<Evaluation.Judged> REPORT = new ArrayList<>();

    @BeforeAll
    static void judge() throws Exception {
        SharedData.path("data/orkg-cs-ner");
        SharedData.path("data/scierc/raw/dev.json");
        eval = new Evaluation(SharedData.ROOT, ExtractionModels.shipped());
        for (Evaluation.GoldSet g : eval.goldSets()) {
            if (g.calibrates()) REPORT.addAll(eval.judged(g.docs(DevSplit.Part.REPORT), g.field(), g.types()));
        }
        assertTrue(REPORT.size() > 1000, "spans judged: " + REPORT.size());
    }

    /** Share right among the report spans with confidence in [from, to). */
    private static double precision(double from, double to, int[] count) {
        int n = 0, right = 0;
        for (Evaluation.Judged j : REPORT) {
            double c = j.found().confidence();
            if (c < from || c >= to) continue;
            n++;
            if (j.right()) right++;
        }
        count[0] = n;
        return n == 0 ? Double.NaN : (double) right / n;
    }

    @Test
    void spansAtOrAboveAConfidenceAreRightAboutThatOften() {
        for (double c : new double[] {0.3, 0.5, 0.7}) {
            int[] n = new int[1];
            double p = precision(c, 2, n);
            double mean = REPORT.stream().filter(j -> j.found().confidence() >= c).mapToDouble(j -> j.found().confidence()).average().orElse(0);
            assertTrue(n[0] >= 50, "too few spans at or above " + c + ": " + n[0]);
            assertTrue(p >= c - 0.05, "confidence >= " + c + ": precision " + p + " of " + n[0]);
            assertEquals(mean, p, 0.1, "confidence >= " + c + ": mean confidence " + mean + ", precision " + p + " of " + n[0]);
        }
    }

    @Test
    void higherConfidenceMeansRightMoreOften() {
        int[] low = new int[1], high = new int[1];
        double below = precision(0, Confidence.SHOWN, low), above = precision(0.7, 2, high);
        assertTrue(low[0] >= 30 && high[0] >= 30, "spans below the threshold " + low[0] + ", at 0.7 or more " + high[0]);
        assertTrue(above - below >= 0.25, "precision at >= 0.7: " + above + ", below " + Confidence.SHOWN + ": " + below);
    }

    @Test
    void eachSpanCarriesTheEvidenceItsConfidenceComesFrom() throws Exception {
        Confidence model = ExtractionModels.shipped().confidence();
        EntityFinder finder = new EntityFinder(ExtractionModels.shipped());
        for (Evaluation.GoldSet g : eval.goldSets()) {
            for (GoldDoc d : g.docs(DevSplit.Part.REPORT)) {
                for (EntityFinder.Found f : finder.find(d.text(), g.field())) {
                    assertEquals(f.source() == EntityFinder.Source.LEXICON, f.entry() != null, d.id() + " " + f);
                    assertEquals(model.of(f.evidence()), f.confidence(), 0, f.toString());
                    assertEquals(g.field(), f.evidence().field());
                }
            }
        }
    }

    @Test
    void theShippedModelIsTheFitOfTheShippedTaggers() throws Exception {
        Confidence shipped = ExtractionModels.shipped().confidence();
        Confidence refit = ConfidenceFit.fit(SharedData.ROOT, ExtractionModels.shipped());
        StringBuilder stale = new StringBuilder();
        for (EntityFinder.Field field : EntityFinder.Field.values()) {
            for (String name : Confidence.featureNames()) {
                if (Math.abs(shipped.weight(field, name) - refit.weight(field, name)) > 1e-4) {
                    stale.append(String.format("%n  %s %s: shipped %.4f, fitted now %.4f", field.label(), name, shipped.weight(field, name),
                            refit.weight(field, name)));
                }
            }
        }
        assertTrue(stale.isEmpty(), "confidence.tsv is stale; rerun papergraph build-models:" + stale);
    }

    @Test
    void theFitDoesNotDependOnTheConfidenceModelInUse() throws Exception {
        // build-models fits with whatever confidence.tsv its folder held before, the check above with the shipped one:
        // the two agree only if no span the fit reads depends on the model (the type one name takes in a field did).
        ExtractionModels shipped = ExtractionModels.shipped();
        ExtractionModels flat = new ExtractionModels(shipped.lexicon(), shipped.titleTagger(), shipped.abstractTagger(), shipped.pos(),
                shipped.edges(), shipped.ordinaryWords(), Confidence.constant(0.5));
        Confidence a = ConfidenceFit.fit(SharedData.ROOT, shipped), b = ConfidenceFit.fit(SharedData.ROOT, flat);
        for (EntityFinder.Field field : EntityFinder.Field.values()) {
            for (String name : Confidence.featureNames()) {
                assertEquals(a.weight(field, name), b.weight(field, name), 1e-9, field.label() + " " + name);
            }
        }
    }

    @Test
    void theCalibrationTableBinsEverySpanOfTheReportParts() throws Exception {
        StringWriter s = new StringWriter();
        eval.calibrationReport(new PrintWriter(s));
        int spans = 0;
        Matcher m = Pattern.compile("(?m)^\\| (\\d\\.\\d)-\\d\\.\\d \\| (\\d+) \\|").matcher(s.toString());
        int rows = 0;
        while (m.find()) {
            rows++;
            spans += Integer.parseInt(m.group(2));
        }
        assertEquals(20, rows, s.toString());
        assertEquals(REPORT.size(), spans, s.toString());
    }

    @Test
    void theMentionsQueryShowsWhatThePagesShowByDefault() throws Exception {
        String q = Files.readString(java.nio.file.Path.of("queries/mentions.rq"));
        Matcher m = Pattern.compile("COALESCE\\(\\?minConfidence, ([0-9.]+)\\)").matcher(q);
        assertTrue(m.find(), q);
        assertEquals(Confidence.SHOWN, Double.parseDouble(m.group(1)), 0, "queries/mentions.rq default");
    }
}
