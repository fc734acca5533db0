package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the arXiv metadata snapshot (the OAI-PMH export published on Kaggle): JSON lines, one paper per line,
 * with {@code id}, {@code title}, {@code abstract}, {@code authors} and {@code authors_parsed}, {@code versions},
 * {@code update_date}, {@code categories}, {@code doi} and {@code journal-ref}.
 *
 * <p>Each line is decoded and parsed on its own, so a line that is not UTF-8, not valid JSON, not an object, has
 * no title or no arXiv id is rejected at its line number and the next line reads normally. Blank lines are
 * skipped. Field mapping:
 * <ul>
 *   <li>arXiv id as given (any {@code vN} suffix removed), version labels from {@code versions} in order;</li>
 *   <li>published = the {@code v1} creation date (UTC, {@code yyyy-MM-dd}), updated = {@code update_date};</li>
 *   <li>authors from {@code authors_parsed} ({@code [last, first, suffix, affiliation?]} → "First Last Suffix"),
 *       else split from the {@code authors} string; simple TeX accents become Unicode;</li>
 *   <li>categories split at white space, the first being the primary one; the first DOI when several are
 *       listed (later ones are usually errata).</li>
 * </ul>
 * Title and abstract keep their TeX as written (after {@link Text#clean}). Stateless and thread-safe.
 */
public final class ArxivJsonReader implements JsonLinesOnlyReader {
    public static final String FORMAT = "arxiv-jsonl";

    /** How many leading lines of the head {@link #sniff} tries to parse. */
    private static final int SNIFF_LINES = 5;
    private static final Pattern VERSION_SUFFIX = Pattern.compile("v\\d+$");
    /** New-style (0704.0001, 2103.00020) and old-style (hep-th/9901001, math.GT/0309136) arXiv ids. */
    static final Pattern ARXIV_ID = Pattern.compile(
            "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(\\.[A-Z]{2})?/\\d{7})(v\\d+)?");
    /** How every snapshot line begins: the id key first, holding an arXiv id. */
    private static final Pattern SNAPSHOT_LINE_START =
            Pattern.compile("\\{\\s*\"id\"\\s*:\\s*\"" + ARXIV_ID.pattern() + "\"");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Affiliations in authors_parsed that are only footnote marks ("1", "1 and 2", "2,3"). */
    private static final Pattern FOOTNOTE_MARKS = Pattern.compile("[\\d\\s,;&]*(and[\\d\\s,;&]*)*");
    /** The snapshot's parser writes hyphenated initials as "C. -P."; the paper says "C.-P.". */
    private static final Pattern SPACED_HYPHEN = Pattern.compile("(?<=\\.)\\s+-(?=\\p{L})");

    private static final ObjectMapper JSON = JsonLines.STRICT;

    @Override
    public String format() { return FORMAT; }

    /**
     * 10 when one of the first lines parses as a JSON object with {@code id} (an arXiv id), {@code title} and one
     * of {@code abstract}, {@code authors}, {@code versions}; otherwise 0. Other JSON-lines sources (OpenAlex,
     * S2ORC, unarXive) lack that combination of top-level keys, so they are left to their own readers. When the
     * first line is longer than the head, 5 if it starts the way snapshot lines do ({@code {"id":"0704.0001"})
     * and the head holds those keys.
     */
    @Override
    public int sniff(String head) {
        String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
        if (!h.stripLeading().startsWith("{")) return 0;
        int tried = 0;
        for (String line : h.split("\r?\n")) {
            if (line.isBlank()) continue;
            if (++tried > SNIFF_LINES) break;
            try {
                JsonNode n = JSON.readTree(line);
                if (looksLikeArxiv(n)) return 10;
            } catch (JsonProcessingException e) {
                // the head may end inside a line; the next complete line decides
            }
        }
        // A first line longer than the head: judge by how the snapshot writes its lines, a little less sure.
        return tried == 1 && SNAPSHOT_LINE_START.matcher(h.stripLeading()).lookingAt() && h.contains("\"title\":")
                && (h.contains("\"abstract\":") || h.contains("\"authors\":") || h.contains("\"versions\":")) ? 5 : 0;
    }

    private static boolean looksLikeArxiv(JsonNode n) {
        if (n == null || !n.isObject()) return false;
        String id = n.path("id").textValue();
        return id != null && ARXIV_ID.matcher(id).matches() && n.path("title").isTextual()
                && (n.has("abstract") || n.has("authors") || n.has("versions"));
    }

    @Override
    public void readLines(InputStream in, String file, long firstLine, RecordSink sink) throws IOException {
        JsonLines.read(in, file, firstLine, sink, JSON, (node, pos) -> {
            String problem = problem(node);
            if (problem != null) throw new JsonLines.BadRecord(problem);
            sink.accept(record(node, pos));
        });
    }

    /** Why a parsed object cannot be a paper record, or null when it can. */
    private static String problem(JsonNode o) {
        JsonNode title = o.get("title");
        if (title == null || title.isNull()) return "missing title";
        if (!title.isTextual()) return "title is not a string";
        if (Text.clean(title.textValue()) == null) return "empty title";
        JsonNode id = o.get("id");
        if (id == null || id.isNull()) return "missing id";
        if (!id.isTextual()) return "id is not a string";
        // Minting keys paper IRIs on the id, so anything else (an OpenAlex URL read with --format) must not pass.
        if (!ARXIV_ID.matcher(id.textValue().strip()).matches()) {
            return "id '" + id.textValue() + "' is not an arXiv identifier";
        }
        return null;
    }

    /** A short parser message with the column, without Jackson's echo of the source text. */
    private static PaperRecord record(JsonNode o, SourcePosition pos) {
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos);
        b.arxivId(VERSION_SUFFIX.matcher(text(o, "id").strip()).replaceFirst(""));
        b.title(text(o, "title"));
        b.abstractText(text(o, "abstract"));
        // published is when v1 appeared; fall back to the oldest listed version when no label says v1
        String firstCreated = null;
        String v1Created = null;
        for (JsonNode v : o.path("versions")) {
            String label = text(v, "version");
            String created = text(v, "created");
            b.arxivVersion(label);
            if (firstCreated == null) firstCreated = created;
            if ("v1".equals(label)) v1Created = created;
        }
        b.published(rfc1123Date(v1Created != null ? v1Created : firstCreated));
        String updated = text(o, "update_date");
        if (updated != null && ISO_DATE.matcher(updated.strip()).matches()) b.updated(updated.strip());
        authors(o).forEach(b::author);
        String cats = text(o, "categories");
        if (cats != null) for (String c : cats.strip().split("\\s+")) b.category(c);
        String doi = text(o, "doi");
        if (doi != null && !doi.isBlank()) b.doi(doi.strip().split("\\s+")[0]);
        b.journalRef(text(o, "journal-ref"));
        return b.build();
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        return n.asText();
    }

    /** "Mon, 2 Apr 2007 19:18:42 GMT" → "2007-04-02"; null when absent or not in that form. */
    static String rfc1123Date(String s) {
        if (s == null) return null;
        try {
            ZonedDateTime t = ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return LocalDate.ofInstant(t.toInstant(), ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Author> authors(JsonNode o) {
        List<Author> list = new ArrayList<>();
        JsonNode parsed = o.get("authors_parsed");
        if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
            for (JsonNode a : parsed) {
                if (!a.isArray()) continue;
                String last = clean(a.path(0).asText(""));
                String first = clean(a.path(1).asText(""));
                String suffix = clean(a.path(2).asText(""));
                if (first != null) first = SPACED_HYPHEN.matcher(first).replaceAll("-");
                String name = Text.clean(join(first, last, suffix));
                if (name == null) continue;
                String aff = clean(a.path(3).asText(""));
                List<String> affs = aff == null || FOOTNOTE_MARKS.matcher(aff).matches() ? List.of() : List.of(aff);
                list.add(new Author(name, null, affs));
            }
            if (!list.isEmpty()) return list;
        }
        String authors = text(o, "authors");
        if (authors != null) {
            for (String part : splitAuthors(authors)) {
                String name = clean(part);
                if (name != null) list.add(Author.named(name));
            }
        }
        return list;
    }

    private static String clean(String s) {
        return Text.clean(TexAccents.toUnicode(s));
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(p);
        }
        return sb.toString();
    }

    /** Splits the free-text author string of the snapshot, dropping parenthesised affiliations and footnotes. */
    static List<String> splitAuthors(String s) {
        // Remove every parenthesised group (affiliations, footnote numbers); they may nest.
        StringBuilder flat = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (depth == 0) flat.append(c);
        }
        List<String> names = new ArrayList<>();
        for (String part : flat.toString().split(",|\\s+and\\s+|&")) {
            String p = part.strip();
            if (p.startsWith("and ")) p = p.substring(4);
            if (!p.isBlank()) names.add(p);
        }
        return names;
    }
}
