package org.papergraph.source;

import java.text.Normalizer;

/** Text clean-up shared by the readers, so every source yields the same form of the same words. */
public final class Text {
    private Text() {}

    /**
     * NFC-normalises and folds runs of white space (including the line breaks that arXiv hard-wraps titles and
     * abstracts with) into single spaces; strips the ends. Returns null for null or blank input.
     */
    public static String clean(String s) {
        if (s == null) return null;
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
}
