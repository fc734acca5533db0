package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/** The title dataset-phrase rule on real titles (ORKG CS-NER train and the trending listing). */
class TitleDatasetsTest {
    static List<String> phrases(String title) {
        List<Token> toks = Tokenizer.tokens(title);
        return TitleDatasets.find(toks).stream().map(r -> title.substring(toks.get(r[0]).start(), toks.get(r[1] - 1).end())).toList();
    }

    @Test
    void aTitlesPhraseIsAnotherNameOnlyWhenItSpellsOutTheShortName() {
        assertTrue(TitleDatasets.abbreviates("MOROCO", "Moldavian and Romanian Dialectal Corpus"));
        assertTrue(TitleDatasets.abbreviates("TORQUE", "Reading Comprehension Dataset of Temporal Ordering Questions"));
        assertTrue(TitleDatasets.abbreviates("CORD-19", "COVID-19 Open Research Dataset"));
        assertFalse(TitleDatasets.abbreviates("ImageNet", "large-scale hierarchical image database"));
        assertFalse(TitleDatasets.abbreviates("SQuAD", "100,000+ Questions for Machine Comprehension of Text"));
    }

    @Test
    void aTitlesOwnCorpusIsItsNounPhraseDeterminerIncluded() {
        String t = "MOROCO: The Moldavian and Romanian Dialectal Corpus";
        assertEquals(List.of("The Moldavian and Romanian Dialectal Corpus"), phrases(t));
        assertEquals("MOROCO", TitleDatasets.shortName(t, t.indexOf("The"), t.length()));
        assertEquals(List.of("A Dataset"), phrases("TORQUE: A Reading Comprehension Dataset of Temporal Ordering Questions")
                .stream().map(s -> s.substring(0, 1) + " " + s.substring(s.lastIndexOf(' ') + 1)).toList());
        assertEquals(List.of("a Web-based Speech Corpus"), phrases("Toward a Web-based Speech Corpus for Algerian Dialectal Arabic Varieties"));
        assertEquals(List.of("The COVID-19 Open Research Dataset"), phrases("CORD-19: The COVID-19 Open Research Dataset"));
        assertEquals(List.of("Polish evaluation dataset"), phrases("Polish evaluation dataset for compositional distributional semantics models"));
    }

    @Test
    void shortNameAfterThePhraseInParentheses() {
        String t = "A Dataset of Peer Reviews (PeerRead): Collection, Insights and NLP Applications";
        assertEquals(List.of("A Dataset"), phrases(t));
        assertEquals("PeerRead", TitleDatasets.shortName(t, 0, "A Dataset of Peer Reviews".length()));
        String plain = "Corpus Linguistics: A Dataset of Things";
        assertNull(TitleDatasets.shortName(plain, plain.indexOf("A Dataset"), plain.length()), "an ordinary phrase before a colon is no name");
    }

    @Test
    void activitiesCoordinationsAndBareHeadsAreNoDataset() {
        assertEquals(List.of(), phrases("Building a Polish Telephone Speech Corpus"));
        assertEquals(List.of(), phrases("Constructing a Japanese Basic Named Entity Corpus of Various Genres"));
        assertEquals(List.of(), phrases("Parallel Corpus Filtering via Pre-trained Language Models"));
        assertEquals(List.of(), phrases("Corpus and dictionary development for classifiers"));
        assertEquals(List.of(), phrases("Building Web Corpora for Minority Languages"));
        assertEquals(List.of(), phrases("Corpus: a study"));
        assertEquals(List.of(), phrases("The Penn Treebank revisited"));
    }

    @Test
    void twoWordDataSetIsAHead() {
        assertEquals(List.of("A New Data Set"), phrases("A New Data Set for Question Answering"));
    }
}
