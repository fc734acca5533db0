package org.papergraph.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence boundaries of an abstract, as [start, end) UTF-16 ranges. A sentence ends at {@code . ! ?} followed by
 * white space and an upper-case letter, digit or bracket, unless the period closes a known abbreviation
 * ("e.g.", "et al.", "Fig.") or a single initial. Good enough for evidence and for scoping result patterns; not a
 * linguistic parser. Stateless.
 */
public final class Sentences {
    private Sentences() {}

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "al", "fig", "eq", "vs", "etc", "cf",
            "resp", "approx", "no", "sec", "tab", "w.r.t", "ref", "dr", "mr", "ms", "viz");

    /** Sentence ranges covering {@code s}, each trimmed of surrounding white space. */
    public static List<int[]> split(String s) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i + 2 < n && Character.isWhitespace(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                if (j >= n) break;
                char next = s.charAt(j);
                if (!(Character.isUpperCase(next) || Character.isDigit(next) || next == '(' || next == '[' || next == '"')) continue;
                if (c == '.' && isAbbreviation(s, i)) continue;
                add(s, start, i + 1, out);
                start = j;
                i = j - 1;
            }
        }
        add(s, start, n, out);
        return out;
    }

    private static boolean isAbbreviation(String s, int dot) {
        int k = dot;
        while (k > 0 && !Character.isWhitespace(s.charAt(k - 1)) && s.charAt(k - 1) != '(') k--;
        String word = s.substring(k, dot).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) return true;
        return ABBREVIATIONS.contains(word);
    }

    private static void add(String s, int from, int to, List<int[]> out) {
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        if (to > from) out.add(new int[] {from, to});
    }
}
