package org.papergraph.source;

import java.text.Normalizer;

/** Text clean-up shared by the readers, so every source yields the same form of the same words. */
public final class Text {
    /** A sentence ends at . ! or ? followed by space and something that starts a sentence. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\[(\"\\d])");

    private Text() {}

    /**
     * The sentence of {@code text} that holds {@code offset}, cleaned: the citation context of a citation marker.
     * Sentences end at {@code .!?} before a capital, digit, bracket or quote; abbreviations ("Fig. 2") may cut one
     * short, which costs context, not correctness.
     */
    public static String sentenceAt(String text, int offset) {
        int start = 0;
        java.util.regex.Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            if (m.end() > offset) return clean(text.substring(start, m.start()));
            start = m.end();
        }
        return clean(text.substring(start));
    }

    /**
     * NFC-normalises and folds runs of white space (including the line breaks that arXiv hard-wraps titles and
     * abstracts with) into single spaces; strips the ends. Returns null for null or blank input.
     */
    public static String clean(String s) {
        if (s == null) return null;
        if (alreadyClean(s)) return s;
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

    /**
     * Whether {@link #clean} would return {@code s} unchanged: not empty, every character below U+0300 (where
     * every character is its own NFC form and none combines with another) and white space only as single inner
     * spaces. Most titles, abstracts and names are, and then need neither normalising nor copying.
     */
    private static boolean alreadyClean(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x300) return false;
            if (c == ' ') {
                if (previous == ' ') return false;
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
