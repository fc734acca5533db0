package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * {@link EntityExtractor#role} scans a window for the words its patterns need before running them; on real
 * abstracts (the seed listing, SciERC dev) it gives, at every token, the role the patterns alone give.
 */
class RolePatternsTest {
    @Test
    void roleEqualsThePatternsAloneAtEveryToken() throws Exception {
        List<String> texts = new ArrayList<>();
        for (PaperRecord r : ExtractionBenchmark.listing(SharedData.listing())) if (r.abstractText() != null) texts.add(r.abstractText());
        for (GoldDoc d : GoldSets.scierc(SharedData.path("data/scierc/raw/dev.json"), GoldSets.SCIERC)) texts.add(d.text());
        texts.add("We train a model named\u2028X and one called  Y: Z, dubbed W, unlike V.");
        // Letters that fold to ASCII ones only under Unicode case rules (long s, Kelvin sign, dotted capital I): the
        // (?i) patterns do not fold them, and neither may the word scan that gates them.
        texts.add("WE PROPOSE X. We propo\u017Fe Y. TH\u0130S paper builds Z. We \u212Aeep W over V; over\u017Fampling U.");
        Map<String, Integer> seen = new HashMap<>();
        for (String text : texts) {
            for (int[] s : Sentences.split(text)) {
                for (Token t : Tokenizer.tokens(text, s[0], s[1])) {
                    for (EntityType type : new EntityType[] {EntityType.METHOD, EntityType.DATASET}) {
                        EntityFinder.Found f = new EntityFinder.Found(t.start(), t.end(), type, 0.5, null, s[0], s[1], EntityFinder.Source.TAGGER);
                        String want = reference(f, text);
                        assertEquals(want, EntityExtractor.role(f, text), text.substring(s[0], t.end()));
                        seen.merge(want, 1, Integer::sum);
                    }
                }
            }
        }
        assertTrue(seen.getOrDefault(MentionRole.PROPOSED, 0) > 1000, seen.toString());
        assertTrue(seen.getOrDefault(MentionRole.COMPARED, 0) > 1000, seen.toString());
        assertTrue(seen.getOrDefault(MentionRole.INTRODUCED, 0) > 1000, seen.toString());
    }

    /** The role as the patterns alone decide it. */
    private static String reference(EntityFinder.Found f, String text) {
        int from = Math.max(f.sentenceStart(), f.start() - 100);
        boolean proposes = EntityExtractor.NAMED_JUST_BEFORE.matcher(text).region(from, f.start()).find()
                || EntityExtractor.PROPOSE.matcher(text).region(from, f.start()).find() && EntityExtractor.objectOfProposal(text, from, f.start())
                || (f.sentenceStart() == 0 && f.start() == 0 && text.startsWith(":", f.end()));
        int cfrom = Math.max(Math.max(f.sentenceStart(), f.start() - 100), f.start() - 60);
        boolean compares = EntityExtractor.COMPARE_BEFORE.matcher(text).region(cfrom, f.start()).find();
        if (f.type() == EntityType.METHOD) return compares ? MentionRole.COMPARED : proposes ? MentionRole.PROPOSED : MentionRole.USED;
        return proposes && !compares ? MentionRole.INTRODUCED : MentionRole.USED;
    }
}
