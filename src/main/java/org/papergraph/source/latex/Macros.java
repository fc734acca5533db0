package org.papergraph.source.latex;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user's macros: definitions are collected from the source and taken out of it, and uses are replaced by
 * their bodies, so {@code \newcommand{\ours}{IDN}} makes a table row read "IDN" and
 * {@code \newcommand{\best}[1]{\textbf{#1}}} makes {@code \best{37.8}} a bold cell. Read are {@code \newcommand},
 * {@code \renewcommand}, {@code \providecommand}, {@code \DeclareRobustCommand} (with their argument count and
 * optional first-argument default), {@code \def}/{@code \gdef}/{@code \edef}/{@code \xdef} with plain
 * {@code #1#2...} parameters, and {@code \DeclareMathOperator}. Anything cleverer (delimited parameters,
 * {@code \csname}, conditionals) is not run: its uses stay in the text as written. Environment, column-type and
 * counter definitions are taken out and not expanded.
 *
 * <p>Expansion is bounded: bodies are expanded again at most {@link #MAX_DEPTH} times, and the whole expansion may
 * not grow the text past {@link #MAX_GROWTH} times its size, so a recursive or exploding macro cannot hang or
 * exhaust the reader; past the bounds, uses are left as they are.
 */
final class Macros {
    /** A macro: its argument count, the default of an optional first argument (or null), and its body. */
    record Macro(int args, String optionalDefault, String body) {}

    static final int MAX_DEPTH = 8;
    static final int MAX_GROWTH = 4;

    private static final Set<String> DEFINERS = Set.of("newcommand", "renewcommand", "providecommand", "DeclareRobustCommand",
            "def", "gdef", "edef", "xdef", "DeclareMathOperator", "newenvironment", "renewenvironment", "newcolumntype",
            "newcounter", "let", "newif", "newlength", "NewDocumentCommand", "RenewDocumentCommand", "newtheorem");

    private final Map<String, Macro> macros = new HashMap<>();
    private String text;

    /** Collects the definitions in {@code source}; {@link #text()} is the source without them. */
    static Macros collect(String source) {
        Macros m = new Macros();
        m.text = m.take(source);
        return m;
    }

    /** The source without its definitions. */
    String text() { return text; }

    Map<String, Macro> macros() { return macros; }

    private String take(String s) {
        StringBuilder out = new StringBuilder(s.length());
        TexScan.rewriteCommands(s, out, (b, e, replacement) -> {
            String word = s.substring(b + 1, e);
            if (!DEFINERS.contains(word)) return -1;
            int end = definition(word, s, e, s.length());
            if (end <= e) return -1;
            // Keep line breaks, so offsets after the definition still map to their lines.
            for (int k = b; k < end; k++) if (s.charAt(k) == '\n') replacement.append('\n');
            return end;
        });
        return out.toString();
    }

    /** Reads the definition after {@code \word} at {@code p}; returns where it ends (or {@code p} when it is not one). */
    private int definition(String word, String s, int p, int n) {
        switch (word) {
            case "newcommand", "renewcommand", "providecommand", "DeclareRobustCommand" -> {
                int q = TexScan.skipSpace(s, p, n);
                if (q < n && s.charAt(q) == '*') q++;
                TexScan.Arg name = TexScan.mandatory(s, q, n);
                if (name == null) return p;
                String cs = name.of(s).strip();
                if (!cs.startsWith("\\")) return p;
                int args = 0;
                String dflt = null;
                TexScan.Arg count = TexScan.optional(s, name.next(), n);
                int next = name.next();
                if (count != null) {
                    try {
                        args = Integer.parseInt(count.of(s).strip());
                    } catch (NumberFormatException ex) {
                        return p;
                    }
                    next = count.next();
                    TexScan.Arg d = TexScan.optional(s, next, n);
                    if (d != null) {
                        dflt = d.of(s);
                        next = d.next();
                    }
                }
                TexScan.Arg body = TexScan.mandatory(s, next, n);
                if (body == null || args < 0 || args > 9) return p;
                if (!(word.equals("providecommand") && macros.containsKey(cs.substring(1)))) {
                    macros.put(cs.substring(1), new Macro(args, dflt, body.of(s)));
                }
                return body.next();
            }
            case "def", "gdef", "edef", "xdef" -> {
                int q = TexScan.skipSpace(s, p, n);
                if (q >= n || s.charAt(q) != '\\') return p;
                int e = TexScan.commandEnd(s, q, n);
                String cs = s.substring(q + 1, e);
                int k = e;
                int args = 0;
                // Plain parameters only: #1#2... right before the body.
                while (k + 1 < n && s.charAt(k) == '#' && Character.isDigit(s.charAt(k + 1))) {
                    args++;
                    k += 2;
                }
                k = TexScan.skipSpace(s, k, n);
                if (k >= n || s.charAt(k) != '{') return p;
                int close = TexScan.matchBrace(s, k, n);
                if (close < 0) return p;
                macros.put(cs, new Macro(args, null, s.substring(k + 1, close)));
                return close + 1;
            }
            case "DeclareMathOperator" -> {
                int q = TexScan.skipSpace(s, p, n);
                if (q < n && s.charAt(q) == '*') q++;
                TexScan.Arg name = TexScan.mandatory(s, q, n);
                TexScan.Arg body = name == null ? null : TexScan.mandatory(s, name.next(), n);
                if (body == null || !name.of(s).strip().startsWith("\\")) return p;
                macros.put(name.of(s).strip().substring(1), new Macro(0, null, body.of(s)));
                return body.next();
            }
            case "newenvironment", "renewenvironment" -> {
                TexScan.Arg name = TexScan.mandatory(s, p, n);
                if (name == null) return p;
                int next = TexScan.skipOptionals(s, name.next(), n);
                TexScan.Arg begin = TexScan.mandatory(s, next, n);
                TexScan.Arg end = begin == null ? null : TexScan.mandatory(s, begin.next(), n);
                return end == null ? p : end.next();
            }
            case "newcolumntype", "NewDocumentCommand", "RenewDocumentCommand" -> {
                TexScan.Arg name = TexScan.mandatory(s, p, n);
                if (name == null) return p;
                int next = TexScan.skipOptionals(s, name.next(), n);
                TexScan.Arg a = TexScan.mandatory(s, next, n);
                if (a == null) return p;
                if (!word.equals("newcolumntype")) {
                    TexScan.Arg body = TexScan.mandatory(s, a.next(), n);
                    return body == null ? p : body.next();
                }
                return a.next();
            }
            case "newtheorem" -> {
                TexScan.Arg name = TexScan.mandatory(s, p, n);
                if (name == null) return p;
                int next = TexScan.skipOptionals(s, name.next(), n);
                TexScan.Arg title = TexScan.mandatory(s, next, n);
                return title == null ? p : TexScan.skipOptionals(s, title.next(), n);
            }
            case "newcounter", "newlength", "newif" -> {
                TexScan.Arg name = TexScan.mandatory(s, p, n);
                return name == null ? p : TexScan.skipOptionals(s, name.next(), n);
            }
            case "let" -> {
                int q = TexScan.skipSpace(s, p, n);
                if (q >= n || s.charAt(q) != '\\') return p;
                int e = TexScan.commandEnd(s, q, n);
                int r = TexScan.skipSpace(s, e, n);
                if (r < n && s.charAt(r) == '=') r = TexScan.skipSpace(s, r + 1, n);
                if (r >= n) return p;
                return s.charAt(r) == '\\' ? TexScan.commandEnd(s, r, n) : r + 1;
            }
            default -> { return p; }
        }
    }

    /** {@code text} with every use of a collected macro replaced by its body, within the bounds. */
    String expand(String in) {
        if (macros.isEmpty()) return in;
        int[] budget = {Math.max(1 << 16, in.length() * MAX_GROWTH)};
        StringBuilder out = new StringBuilder(in.length() + 1024);
        expand(in, 0, out, budget);
        return out.toString();
    }

    private void expand(String s, int depth, StringBuilder out, int[] budget) {
        int n = s.length();
        TexScan.rewriteCommands(s, out, (b, e, replacement) -> {
            Macro m = e - b > 1 ? macros.get(s.substring(b + 1, e)) : null;
            if (m == null || depth >= MAX_DEPTH || budget[0] <= 0) return -1;
            String[] args = new String[m.args()];
            int next = e;
            boolean ok = true;
            for (int k = 0; k < m.args(); k++) {
                if (k == 0 && m.optionalDefault() != null) {
                    TexScan.Arg o = TexScan.optional(s, next, n);
                    if (o != null) {
                        args[0] = o.of(s);
                        next = o.next();
                    } else {
                        args[0] = m.optionalDefault();
                    }
                    continue;
                }
                TexScan.Arg a = TexScan.mandatory(s, next, n);
                if (a == null) {
                    ok = false;
                    break;
                }
                args[k] = a.of(s);
                next = a.next();
            }
            if (!ok) return -1;
            String body = substitute(m.body(), args);
            budget[0] -= body.length();
            // "\ours{}": the empty group only ends the macro name.
            if (m.args() == 0 && next + 1 < n && s.charAt(next) == '{' && s.charAt(next + 1) == '}') next += 2;
            expand(body, depth + 1, replacement, budget);
            return next;
        });
    }

    private static String substitute(String body, String[] args) {
        if (args.length == 0 || body.indexOf('#') < 0) return body;
        StringBuilder sb = new StringBuilder(body.length() + 16);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '#' && i + 1 < body.length()) {
                char d = body.charAt(i + 1);
                if (d >= '1' && d <= '9' && d - '1' < args.length) {
                    sb.append(args[d - '1']);
                    i++;
                    continue;
                }
                if (d == '#') {
                    sb.append('#');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
