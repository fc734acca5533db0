package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

class TokenizerTest {
    @Test
    void namesStayWholeAndOffsetsPointIntoTheText() {
        String s = "our model achieves 2.08\\% test error on CIFAR-10 with ViT-B/16 (nDCG@3).";
        List<Token> t = Tokenizer.tokens(s);
        List<String> texts = t.stream().map(Token::text).toList();
        assertEquals(List.of("our", "model", "achieves", "2.08", "\\", "%", "test", "error", "on", "CIFAR-10", "with", "ViT-B/16", "(", "nDCG@3", ")", "."), texts);
        for (Token k : t) assertEquals(k.text(), s.substring(k.start(), k.end()));
        assertEquals("cifar10", t.get(9).key());
    }

    @Test
    void sentencesSplitAtStopsButNotAtAbbreviationsOrDecimals() {
        String s = "We use ResNet-50, e.g. on ImageNet. It scores 75.2% top-1 accuracy. Results follow (Fig. 2).";
        List<int[]> r = Sentences.split(s);
        assertEquals(3, r.size());
        assertEquals("We use ResNet-50, e.g. on ImageNet.", s.substring(r.get(0)[0], r.get(0)[1]));
        assertEquals("It scores 75.2% top-1 accuracy.", s.substring(r.get(1)[0], r.get(1)[1]));
    }

    /**
     * "+" makes another name ("GNN++", "DeepLabv3+", "C++", "RGB+D"); a footnote's "*" after a name does not. Fails
     * when the key drops "+" again (the lexicon then merges GNN into GNN++ and the listing's "(GNN)" links to GNN++).
     */
    @Test
    void keysKeepTheCharactersThatMakeAnotherName() {
        assertNotEquals(Tokenizer.key("GNN"), Tokenizer.key("GNN++"));
        assertEquals("gnn++", Tokenizer.key("GNN++"));
        assertNotEquals(Tokenizer.key("DeepLabv3"), Tokenizer.key("DeepLabv3+"));
        assertNotEquals(Tokenizer.key("C"), Tokenizer.key("C++"));
        assertNotEquals(Tokenizer.key("NTU RGB-D"), Tokenizer.key("NTU RGB+D"));
        assertEquals(Tokenizer.key("HRNet"), Tokenizer.key("HRNet*"));
        assertEquals(Tokenizer.key("ResNet-50"), Tokenizer.key("ResNet 50"));
        // The key of a name is its tokens' keys joined (the lexicon matches over tokens), and "+" stays punctuation.
        for (String name : List.of("GNN++", "DeepLabv3+", "NTU RGB+D", "Mask R-CNN*", "A* search", "C++")) {
            StringBuilder joined = new StringBuilder();
            for (Token t : Tokenizer.tokens(name)) joined.append(t.key());
            assertEquals(Tokenizer.key(name), joined.toString(), name);
        }
        List<Token> t = Tokenizer.tokens("GNN++ (RGB+D)");
        assertEquals(List.of("GNN", "+", "+", "(", "RGB+D", ")"), t.stream().map(Token::text).toList());
        assertTrue(t.get(1).isPunct());
        assertFalse(t.get(4).isPunct());
    }
}
