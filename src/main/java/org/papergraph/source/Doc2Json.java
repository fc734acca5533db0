package org.papergraph.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a paper that S2ORC and unarXive share (both come from AllenAI's doc2json): authors as
 * {@code {first, middle[], last}}, abstract as a string, a list of paragraphs or one paragraph object,
 * {@code body_text} paragraphs with {@code cite_spans} pointing into {@code bib_entries}.
 */
final class Doc2Json {
    private static final Pattern MARKER = Pattern.compile("\\{\\{(?:cite|formula|figure|table|ref):[^}]*}}");

    private Doc2Json() {}

    static String name(JsonNode a) {
        if (a == null || !a.isObject()) return null;
        List<String> parts = new ArrayList<>();
        String first = JsonRecords.text(a, "first");
        if (first != null) parts.add(first);
        JsonNode middle = a.get("middle");
        if (middle != null && middle.isArray()) for (JsonNode m : middle) if (!m.asText().isBlank()) parts.add(m.asText());
        String last = JsonRecords.text(a, "last");
        if (last != null) parts.add(last);
        String suffix = JsonRecords.text(a, "suffix");
        if (suffix != null) parts.add(suffix);
        return Text.clean(String.join(" ", parts));
    }

    static void authors(JsonNode list, PaperRecord.Builder b) {
        if (list == null || !list.isArray()) return;
        for (JsonNode a : list) {
            String n = name(a);
            if (n == null) continue;
            List<String> affs = new ArrayList<>();
            JsonNode aff = a.get("affiliation");
            if (aff != null && aff.isObject()) {
                String inst = JsonRecords.text(aff, "institution");
                if (inst != null) affs.add(Text.clean(inst));
            }
            b.author(new Author(n, null, affs));
        }
    }

    /** Abstract from a string, a paragraph object {@code {text}} or a list of them. */
    static String abstractText(JsonNode a) {
        if (a == null || a.isNull()) return null;
        if (a.isTextual()) return a.asText();
        if (a.isObject()) return stripMarkers(JsonRecords.text(a, "text"));
        if (a.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode p : a) {
                String t = p.isTextual() ? p.asText() : JsonRecords.text(p, "text");
                if (t != null) sb.append(sb.isEmpty() ? "" : " ").append(stripMarkers(t));
            }
            return sb.toString();
        }
        return null;
    }

    /**
     * The body text (paragraphs joined by blank lines, markers removed), and for each bib entry id the first
     * sentence that cites it.
     */
    static String body(JsonNode paragraphs, Map<String, String> contexts) {
        if (paragraphs == null || !paragraphs.isArray()) return null;
        StringBuilder body = new StringBuilder();
        for (JsonNode p : paragraphs) {
            String text = JsonRecords.text(p, "text");
            if (text == null) continue;
            JsonNode spans = p.get("cite_spans");
            if (spans != null && spans.isArray()) {
                for (JsonNode s : spans) {
                    String ref = JsonRecords.text(s, "ref_id");
                    JsonNode start = s.get("start");
                    if (ref == null || start == null || !start.canConvertToInt()) continue;
                    int at = Math.max(0, Math.min(text.length(), start.asInt()));
                    contexts.putIfAbsent(ref, stripMarkers(Text.sentenceAt(text, at)));
                }
            }
            if (!body.isEmpty()) body.append("\n\n");
            body.append(stripMarkers(text));
        }
        return body.toString();
    }

    /** Removes unarXive's {@code {{cite:...}}}-style markers, which are not text. */
    static String stripMarkers(String s) {
        if (s == null) return null;
        Matcher m = MARKER.matcher(s);
        return m.find() ? Text.clean(m.replaceAll("")) : s;
    }

    /**
     * One bib entry as a reference: title, authors, year, DOI and arXiv id ({@code other_ids} or unarXive's
     * {@code ids}), S2 id ({@code link}/{@code links}), OpenAlex id; null when it identifies nothing.
     */
    static Reference reference(JsonNode e, String context) {
        if (e == null || !e.isObject()) return null;
        String title = Text.clean(JsonRecords.text(e, "title"));
        List<String> authors = new ArrayList<>();
        JsonNode as = e.get("authors");
        if (as != null && as.isArray()) for (JsonNode a : as) { String n = name(a); if (n != null) authors.add(n); }
        Integer year = null;
        JsonNode y = e.get("year");
        if (y != null && y.canConvertToInt() && y.asInt() > 0) year = y.asInt();
        String doi = null, arxiv = null;
        Map<String, String> other = new HashMap<>();
        JsonNode oi = e.get("other_ids");
        if (oi != null && oi.isObject()) {
            for (var it = oi.fields(); it.hasNext(); ) {
                var f = it.next();
                String v = JsonRecords.firstText(oi, f.getKey());
                if (v == null) continue;
                switch (f.getKey().toLowerCase()) {
                    case "doi" -> doi = v;
                    case "arxiv" -> arxiv = v;
                    default -> { }
                }
            }
        }
        JsonNode ids = e.get("ids");
        if (ids != null && ids.isObject()) {
            if (doi == null) doi = JsonRecords.text(ids, "doi");
            if (arxiv == null) arxiv = JsonRecords.text(ids, "arxiv_id");
            String oa = JsonRecords.text(ids, "open_alex_id");
            if (oa != null) other.put("openalex", OpenAlexWorksReader.shortId(oa));
        }
        JsonNode contained = e.get("contained_arXiv_ids");
        if (arxiv == null && contained != null && contained.isArray() && !contained.isEmpty()) {
            // unarXive lists arXiv ids found in the raw reference as {id, text, start, end}.
            JsonNode c = contained.get(0);
            arxiv = c.isObject() ? JsonRecords.text(c, "id") : c.asText(null);
        }
        String s2 = JsonRecords.text(e, "link");
        if (s2 == null) s2 = JsonRecords.firstText(e, "links");
        if (s2 != null) other.put("s2", s2);
        if (title == null && doi == null && arxiv == null && other.isEmpty()) return null;
        return new Reference(title, year, doi, arxiv, other, authors, context);
    }

    /** Every bib entry as a reference, in the order of the map, with its citation context. */
    static List<Reference> references(JsonNode bib, Map<String, String> contexts) {
        List<Reference> refs = new ArrayList<>();
        if (bib == null || !bib.isObject()) return refs;
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        bib.fields().forEachRemaining(f -> entries.put(f.getKey(), f.getValue()));
        for (Map.Entry<String, JsonNode> en : entries.entrySet()) {
            Reference r = reference(en.getValue(), contexts.get(en.getKey()));
            if (r != null) refs.add(r);
        }
        return refs;
    }
}
