package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
