package org.papergraph.source.latex;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one LaTeX file: decoding and removing what TeX never typesets. Stateless.
 *
 * <p>Decoding: UTF-8 when the bytes are UTF-8, else Windows-1252 (a superset of Latin-1 for text), which is what
 * arXiv sources that are not UTF-8 almost always are ({@code &#92;usepackage[latin1]{inputenc}}). A file holding NUL
 * bytes is not text and is refused.
 *
 * <p>Cleaning keeps every line break, so a line number in the cleaned text is the line in the file: comments
 * ({@code %} to the end of the line, unless escaped), {@code \iffalse ... \fi} blocks, and the bodies of
 * {@code verbatim}, {@code comment}, {@code lstlisting} and {@code minted} environments become empty lines.
 */
final class LatexFiles {
    private LatexFiles() {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> VERBATIM = List.of("verbatim", "verbatim*", "comment", "lstlisting", "minted", "Verbatim");

    /** The file's text; a {@link LatexProblem} when it holds NUL bytes (binary data, not LaTeX). */
    static String decode(byte[] bytes, String name) throws LatexProblem {
        int line = 1;
        for (byte b : bytes) {
            if (b == '\n') line++;
            else if (b == 0) throw new LatexProblem(name, line, "binary data (a NUL byte), not LaTeX source");
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, bytes.length - from, WINDOWS_1252);
        }
    }

    /** The text without comments, {@code \iffalse} blocks and verbatim bodies; line breaks kept. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' && !TexScan.escaped(s, i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                continue;
            }
            if (c == '\\') {
                if (TexScan.isCommand(s, i, "iffalse", n)) {
                    int end = ifEnd(s, i + 8, n);
                    newlines(s, i, end, out);
                    i = end;
                    continue;
                }
                if (s.startsWith("\\begin{", i)) {
                    String env = TexScan.envName(s, i, n);
                    if (env != null && VERBATIM.contains(env)) {
                        int close = s.indexOf("\\end{" + env + "}", i);
                        int end = close < 0 ? n : close + env.length() + 6;
                        newlines(s, i, end, out);
                        i = end;
                        continue;
                    }
                }
                if (TexScan.isCommand(s, i, "verb", n) && i + 5 < n) {
                    char delim = s.charAt(i + 5);
                    int close = Character.isLetter(delim) || Character.isWhitespace(delim) ? -1 : s.indexOf(delim, i + 6);
                    int nl = s.indexOf('\n', i);
                    if (close > 0 && (nl < 0 || close < nl)) {
                        out.append(s, i + 6, close);
                        i = close + 1;
                        continue;
                    }
                }
                // An escaped character is copied with its backslash, so "\%" is never taken for a comment.
                out.append(c);
                if (i + 1 < n) out.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The end of the {@code \fi} that closes an {@code \iffalse} whose body starts at {@code from}; nested ifs counted. */
    private static int ifEnd(String s, int from, int n) {
        int depth = 1;
        int i = from;
        while (i < n) {
            int b = s.indexOf('\\', i);
            if (b < 0) return n;
            int e = TexScan.commandEnd(s, b, n);
            String word = s.substring(b + 1, e);
            if (word.equals("fi")) {
                if (--depth == 0) return e;
            } else if (word.startsWith("if") && word.length() > 2 && !word.equals("ifthenelse")) {
                depth++;
            }
            i = e;
        }
        return n;
    }

    private static void newlines(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) if (s.charAt(k) == '\n') out.append('\n');
    }

    /** 1-based line of {@code offset} in {@code s}. */
    static long lineOf(String s, int offset) {
        long line = 1;
        for (int k = 0; k < offset && k < s.length(); k++) if (s.charAt(k) == '\n') line++;
        return line;
    }

    /** Splits a comma-separated argument ("a, b,c") into trimmed non-empty names. */
    static List<String> names(String arg) {
        List<String> out = new ArrayList<>();
        for (String p : arg.split(",")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }
}
