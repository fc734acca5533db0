package org.papergraph.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word tokens with UTF-16 offsets. A word is a run of letters and digits, joined across one of
 * {@code - _ . / + @ '} when a letter or digit follows, so model and dataset names ("ResNet-50", "ViT-B/16",
 * "nDCG@3", "2.08", "Wav2Vec", "RGB+D") stay one token; any other non-space character is a token of its
 * own ("GNN++" is "GNN", "+", "+"). Stateless.
 */
public final class Tokenizer {
    private Tokenizer() {}

    public static List<Token> tokens(String s) { return tokens(s, 0, s.length()); }

    /** Tokens of {@code s} between {@code from} and {@code to}; offsets are into {@code s}. */
    public static List<Token> tokens(String s, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                i++;
                while (i < to) {
                    char d = s.charAt(i);
                    if (Character.isLetterOrDigit(d)) { i++; continue; }
                    if (isJoiner(d) && i + 1 < to && Character.isLetterOrDigit(s.charAt(i + 1))) { i += 2; continue; }
                    break;
                }
            } else {
                i++;
            }
            out.add(token(s, start, i));
        }
        return out;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '_' || c == '.' || c == '/' || c == '+' || c == '@' || c == '\'' || c == '\u2013';
    }

    static Token token(String s, int start, int end) {
        String text = s.substring(start, end);
        String lower = text.toLowerCase(Locale.ROOT);
        return new Token(text, start, end, lower, key(lower));
    }

    /**
     * The matching key of a name: its letters and digits lower-cased, and every {@code +}, which makes another name
     * ("GNN++" is not "GNN", "DeepLabv3+" not "DeepLabv3", "RGB+D" not "RGB-D"). The key of a name is the keys of its
     * tokens joined, so a name matches over tokens ({@link org.papergraph.extract.lexicon.Lexicon}). A {@code *} is
     * left out: in table names it is mostly a footnote mark ("HRNet*", "Mask R-CNN*"), and a name with one inside
     * ("R*CNN") shares its key with the name without it (the lexicon then names the entry as running text does).
     */
    public static String key(String s) {
        // Most tokens are already their own key (lower-case letters and digits): return them without copying.
        int same = 0;
        while (same < s.length()) {
            char c = s.charAt(same);
            if (!Character.isLetterOrDigit(c) || Character.toLowerCase(c) != c) break;
            same++;
        }
        if (same == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
            else if (c == '+') sb.append(c);
        }
        return sb.toString();
    }
}
