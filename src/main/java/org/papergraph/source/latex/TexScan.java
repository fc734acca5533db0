package org.papergraph.source.latex;

/**
 * Low-level scanning of LaTeX source: control sequences, braced and bracketed arguments, environments. Every
 * method works on {@code s[from, end)} and never looks past {@code end}; none recurses, so hostile nesting cannot
 * overflow the stack, and each call is linear in what it scans.
 */
final class TexScan {
    private TexScan() {}

    /** An argument's content {@code s[start, end)} and where scanning goes on after it. */
    record Arg(int start, int end, int next) {
        String of(String s) { return s.substring(start, end); }
    }

    /** Whether the character at {@code i} is escaped by an odd run of backslashes before it. */
    static boolean escaped(String s, int i) {
        int n = 0;
        while (i - 1 - n >= 0 && s.charAt(i - 1 - n) == '\\') n++;
        return (n & 1) == 1;
    }

    /**
     * A command's rewrite: appends what replaces the command at {@code b..e} (and what follows it) to
     * {@code replacement} and returns where the replaced text ends, or returns -1 to keep the command.
     */
    interface CommandRewrite { int at(int b, int e, StringBuilder replacement); }

    /** Copies {@code s} to {@code out} command by command, letting {@code rewrite} replace a command as it says. */
    static void rewriteCommands(String s, StringBuilder out, CommandRewrite rewrite) {
        int n = s.length();
        int i = 0;
        int copied = 0;
        StringBuilder replacement = new StringBuilder();
        while (i < n) {
            int b = s.indexOf('\\', i);
            if (b < 0) break;
            int e = commandEnd(s, b, n);
            replacement.setLength(0);
            int end = rewrite.at(b, e, replacement);
            if (end < 0) {
                i = e;
                continue;
            }
            out.append(s, copied, b).append(replacement);
            copied = end;
            i = end;
        }
        out.append(s, copied, n);
    }

    /** The end of the control sequence starting at {@code s[i] == '\\'}: a run of letters (and {@code @}), or one character. */
    static int commandEnd(String s, int i, int end) {
        int p = i + 1;
        if (p >= end) return p;
        if (!isLetter(s.charAt(p))) return p + 1;
        while (p < end && isLetter(s.charAt(p))) p++;
        return p;
    }

    static boolean isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@'; }

    /** The first index at or after {@code i} that is not white space (blank lines included), at most {@code end}. */
    static int skipSpace(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /**
     * The index of the {@code '}'} matching the {@code '{'} at {@code open}, or -1 when it is not closed before
     * {@code end}. Escaped braces ({@code \{}, {@code \}}) do not count.
     */
    static int matchBrace(String s, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;   // skips the escaped character, so \{ \} and \\ are passed over
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /** The index of the {@code ']'} closing the {@code '['} at {@code open} (braces inside are skipped), or -1. */
    static int matchBracket(String s, int open, int end) {
        int depth = 0;
        for (int i = open + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ']' && depth <= 0) return i;
            if (depth < 0) return -1;
        }
        return -1;
    }

    /**
     * A mandatory argument at {@code i} (after white space): a braced group, or else a single token (a control
     * sequence or one character) as TeX takes it; null at the end of input or when the group is never closed.
     */
    static Arg mandatory(String s, int i, int end) {
        int p = skipSpace(s, i, end);
        if (p >= end) return null;
        char c = s.charAt(p);
        if (c == '{') {
            int close = matchBrace(s, p, end);
            return close < 0 ? null : new Arg(p + 1, close, close + 1);
        }
        if (c == '}') return null;
        if (c == '\\') {
            int e = commandEnd(s, p, end);
            return new Arg(p, e, e);
        }
        return new Arg(p, p + 1, p + 1);
    }

    /** An optional argument {@code [...]} at {@code i} (after white space), or null when there is none. */
    static Arg optional(String s, int i, int end) {
        int p = skipSpace(s, i, end);
        if (p >= end || s.charAt(p) != '[') return null;
        int close = matchBracket(s, p, end);
        return close < 0 ? null : new Arg(p + 1, close, close + 1);
    }

    /** Skips any optional arguments at {@code i}; returns where scanning goes on. */
    static int skipOptionals(String s, int i, int end) {
        Arg o;
        while ((o = optional(s, i, end)) != null) i = o.next();
        return i;
    }

    /**
     * The start of the {@code \end{name}} that closes an environment whose body starts at {@code from}, counting
     * nested environments of the same name; -1 when it is not closed before {@code end}.
     */
    static int endOf(String s, String name, int from, int end) {
        String begin = "\\begin{" + name + "}";
        String close = "\\end{" + name + "}";
        int depth = 1;
        int i = from;
        while (i < end) {
            int b = s.indexOf(begin, i);
            int e = s.indexOf(close, i);
            if (e < 0 || e >= end) return -1;
            if (b >= 0 && b < e) {
                depth++;
                i = b + begin.length();
            } else {
                if (--depth == 0) return e;
                i = e + close.length();
            }
        }
        return -1;
    }

    /** The name in a {@code \begin{name}} whose {@code \begin} starts at {@code i}, or null when malformed. */
    static String envName(String s, int i, int end) {
        int p = skipSpace(s, i + 6, end);
        if (p >= end || s.charAt(p) != '{') return null;
        int close = s.indexOf('}', p);
        if (close < 0 || close >= end || close - p > 40) return null;
        return s.substring(p + 1, close).strip();
    }

    /** Whether {@code s} starts the control word {@code word} (without backslash) at {@code i}, not a longer one. */
    static boolean isCommand(String s, int i, String word, int end) {
        int e = i + 1 + word.length();
        return s.startsWith(word, i + 1) && s.charAt(i) == '\\' && (e >= end || !isLetter(s.charAt(e)));
    }
}
