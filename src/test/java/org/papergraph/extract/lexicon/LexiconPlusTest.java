package org.papergraph.extract.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.EntityType;

/**
 * Names that differ by a "+" are different things (GNN and GNN++, DeepLabv3 and DeepLabv3+, CK and CK+): the
 * lexicon keeps them apart, matches the one written, and they mint different IRIs.
 */
class LexiconPlusTest {
    private static Lexicon.Entry method(String name) { return new Lexicon.Entry(EntityType.METHOD, name, List.of(), false); }

    private static List<String> hits(Lexicon lexicon, String text) {
        List<Token> toks = Tokenizer.tokens(text);
        return lexicon.match(toks).stream()
                .map(m -> text.substring(toks.get(m.from()).start(), toks.get(m.to() - 1).end()) + "=" + m.entry().canonical()).toList();
    }

    @Test
    void aNameWithAPlusIsMatchedWholeAndNotAsTheNameWithout() {
        Lexicon both = Lexicon.of(List.of(method("GNN"), method("GNN++")));
        assertEquals(List.of("GNN++=GNN++", "GNN=GNN"), hits(both, "GNN++ improves on GNN ."));
        // "DeepLabv3+" is not DeepLabv3, listed or not.
        Lexicon one = Lexicon.of(List.of(method("DeepLabv3")));
        assertEquals(List.of("DeepLabv3=DeepLabv3"), hits(one, "DeepLabv3+ and DeepLabv3 are compared"));
        Lexicon sets = Lexicon.of(List.of(new Lexicon.Entry(EntityType.DATASET, "CK+", List.of(), false),
                new Lexicon.Entry(EntityType.DATASET, "NTU RGB+D", List.of(), false)));
        assertEquals(List.of("CK+=CK+", "NTU RGB+D=NTU RGB+D"), hits(sets, "results on CK+ and on NTU RGB+D ."));
        assertEquals(List.of(), hits(sets, "results on CK and on NTU RGB-D ."));
    }

    @Test
    void theShippedLexiconKeepsGnnApartFromGnnPlusPlus() {
        Lexicon shipped = Lexicon.shipped();
        Lexicon.Entry gnnpp = shipped.lookup("GNN++");
        assertNotNull(gnnpp);
        assertEquals("GNN++", gnnpp.canonical());
        Lexicon.Entry gnn = shipped.lookup("GNN");
        if (gnn != null) assertNotEquals("GNN++", gnn.canonical());
        EntityResolver resolver = new EntityResolver(shipped);
        assertNotEquals(resolver.canonical(EntityType.METHOD, "GNN"), resolver.canonical(EntityType.METHOD, "GNN++"));
        assertNotEquals(resolver.canonical(EntityType.METHOD, "GNNs"), "GNN++");
    }

    @Test
    void namesThatDifferByAPlusMintDifferentIris() {
        assertNotEquals(Iris.entitySlug("GNN"), Iris.entitySlug("GNN++"));
        assertNotEquals(Iris.entitySlug("DeepLabv3"), Iris.entitySlug("DeepLabv3+"));
        assertEquals("gnn-plus-plus", Iris.entitySlug("GNN++"));
        // A footnote's star is no part of the name, and names without a "+" keep their slugs.
        assertEquals(Iris.entitySlug("HRNet"), Iris.entitySlug("HRNet*"));
        assertEquals("resnet50", Iris.entitySlug("ResNet-50"));
    }
}
