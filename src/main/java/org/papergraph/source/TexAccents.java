package org.papergraph.source;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns the simple LaTeX accent commands arXiv metadata uses in names ({@code Bal\'azs}, {@code \v{S}r\'amek},
 * {@code {\O}bro}) into Unicode. Anything it does not recognise is left as written, so the worst case is the
 * source's own spelling. Braces that only group a letter are dropped; the result is NFC.
 */
final class TexAccents {
    private TexAccents() {}

    /** Accent command character → combining mark placed after the accented letter. */
    private static final Map<Character, Character> ACCENTS = Map.ofEntries(
            Map.entry('\'', '\u0301'), Map.entry('`', '\u0300'), Map.entry('^', '\u0302'),
            Map.entry('"', '\u0308'), Map.entry('~', '\u0303'), Map.entry('=', '\u0304'),
            Map.entry('.', '\u0307'), Map.entry('u', '\u0306'), Map.entry('v', '\u030C'),
            Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'),
            Map.entry('r', '\u030A'));

    /** Letter commands (no argument) → the letter. */
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ss", "ß"), Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"));

    /** The text with recognised accent commands replaced; null for null. */
    static String toUnicode(String s) {
        if (s == null || (s.indexOf('\\') < 0 && s.indexOf('{') < 0)) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                int used = command(s, i, out);
                if (used > 0) {
                    i += used;
                    continue;
                }
            }
            // Grouping braces around a letter or an accent ({\'a}, {\O}) carry no meaning in a name.
            if (c != '{' && c != '}') out.append(c);
            i++;
        }
        String r = Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
        // Dotless i under an accent is how TeX writes an accented i (\'{\i}); Unicode wants the plain i.
        return r.replace("ı\u0301", "í").replace("ı\u0300", "ì")
                .replace("ı\u0302", "î").replace("ı\u0308", "ï");
    }

    /** Handles the command starting at {@code s[at] == '\\'}; returns the characters consumed, 0 if unknown. */
    private static int command(String s, int at, StringBuilder out) {
        int n = s.length();
        char cmd = s.charAt(at + 1);
        Character mark = ACCENTS.get(cmd);
        boolean letterCommand = Character.isLetter(cmd);
        if (mark != null) {
            // A letter-named accent (v, c, u after the backslash) must not be the start of a longer command word.
            int p = at + 2;
            if (letterCommand) {
                if (p < n && s.charAt(p) == '{') {
                    // \v{S}
                } else if (p < n && s.charAt(p) == ' ' && p + 1 < n && Character.isLetter(s.charAt(p + 1))) {
                    p++;   // \v S
                } else {
                    return letterCommandOnly(s, at, out);
                }
            } else if (p < n && s.charAt(p) == ' ') {
                p++;
            }
            int argEnd;
            String arg;
            if (p < n && s.charAt(p) == '{') {
                int close = s.indexOf('}', p);
                if (close < 0) return 0;
                arg = s.substring(p + 1, close);
                argEnd = close + 1;
            } else if (p + 1 < n && s.charAt(p) == '\\' && (s.charAt(p + 1) == 'i' || s.charAt(p + 1) == 'j')) {
                arg = s.substring(p, p + 2);
                argEnd = p + 2;
            } else if (p < n && Character.isLetter(s.charAt(p))) {
                arg = String.valueOf(s.charAt(p));
                argEnd = p + 1;
            } else {
                return 0;
            }
            String letter = arg.equals("\\i") ? "ı" : arg.equals("\\j") ? "ȷ" : arg;
            if (letter.length() != 1 || !Character.isLetter(letter.charAt(0))) return 0;
            out.append(letter).append(mark.charValue());
            return argEnd - at;
        }
        return letterCommandOnly(s, at, out);
    }

    private static int letterCommandOnly(String s, int at, StringBuilder out) {
        int p = at + 1;
        while (p < s.length() && Character.isLetter(s.charAt(p))) p++;
        String word = s.substring(at + 1, p);
        String letter = LETTERS.get(word);
        if (letter == null) return 0;
        out.append(letter);
        // The space that ends a command word ("\o bro" style) is not part of the name.
        if (p < s.length() && s.charAt(p) == ' ' && p + 1 < s.length() && Character.isLetter(s.charAt(p + 1))) p++;
        return p - at;
    }
}
