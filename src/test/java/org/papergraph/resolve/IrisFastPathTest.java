package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.papergraph.source.Text;

/**
 * The loops that replaced regular expressions on the per-record path ({@link Iris#slug}, {@link Iris#arxivBase},
 * {@link Text#clean}) give what the expressions gave, on random strings built from the characters that matter.
 */
class IrisFastPathTest {
    static final List<String> PARTS = List.of("a", "Z", "q", "0", "9", "v", "V", "v2", "v12", "-", "--", " ", "  ",
            "\t", "\n", "\r", "\u00A0", "\u2028", "\u0085", ".", "/", ":", "arXiv:", "ARXIV:", "é", "e\u0301", "ﬁ",
            "İ", "ß", "Å", "東", "\uD83D\uDE00", "\u0300", "(", "'", "_", "1706.03762", "cs/0112017");

    static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(9);
        for (int k = 0; k < n; k++) sb.append(PARTS.get(r.nextInt(PARTS.size())));
        return sb.toString();
    }

    /** The slug as the general path computes it: transliterated, then regular expressions. */
    static String regexSlug(String s) {
        String n = Iris.transliterate(s).toLowerCase(Locale.ROOT);
        n = n.replaceAll("[^a-z0-9]+", "-");
        n = n.replaceAll("^-+|-+$", "");
        if (n.isEmpty()) n = "x" + Iris.hash(s).substring(0, 12);
        return n;
    }

    static String regexArxivBase(String id) {
        String s = id.strip();
        if (s.regionMatches(true, 0, "arXiv:", 0, 6)) s = s.substring(6);
        return s.replaceFirst("v\\d+$", "");
    }

    /** Text.clean without its shortcut for text that is clean already. */
    static String fullClean(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Test
    void slugsArxivIdsAndCleanTextAreWhatTheRegularExpressionsGave() {
        Random r = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String s = random(r);
            assertEquals(regexSlug(s), Iris.slug(s), s);
            assertEquals(regexArxivBase(s), Iris.arxivBase(s), s);
            assertEquals(fullClean(s), Text.clean(s), s);
        }
        for (String s : List.of("1706.03762v2", "arXiv:1706.03762v12", "cs/0112017v1", "1706.03762", "v2", "x v2",
                "1706.03762v", "1706.03762v2\u0085", "Attention Is All You Need", "  Attention   is all\n", "ÉCOLE")) {
            assertEquals(regexSlug(s), Iris.slug(s), s);
            assertEquals(regexArxivBase(s), Iris.arxivBase(s), s);
            assertEquals(fullClean(s), Text.clean(s), s);
        }
    }
}
