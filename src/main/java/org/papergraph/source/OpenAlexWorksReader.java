package org.papergraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads OpenAlex work records: the snapshot's JSON Lines (one work per line, gzip or not) and API responses (a
 * single work, or a list response with {@code results}). Per work: OpenAlex id, DOI, arXiv id (from an arxiv.org
 * location), title, publication date, authorships (name, ORCID, institutions, else the raw affiliation strings),
 * the abstract rebuilt from {@code abstract_inverted_index}, and {@code referenced_works} as references known by
 * their OpenAlex id.
 *
 * <p>Lines are parsed one by one, so a broken line is rejected at its number and the next still reads. A line that
 * is JSON but not a work (an author, an institution, no {@code W} id) is rejected with what it is. A document whose
 * first line is a lone {@code {} or {@code [} is read as one pretty-printed document, its works counted as entries.
 */
public final class OpenAlexWorksReader implements LineRecordReader {
    public static final String FORMAT = "openalex-works";
    private static final ObjectMapper JSON = JsonLines.STRICT;
    private static final String OPENALEX = "https://openalex.org/";

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String h) {
        if (!JsonDocuments.startsLikeJson(h)) return 0;
        boolean work = h.contains("\"https://openalex.org/W");
        boolean workFields = h.contains("\"authorships\"") || h.contains("\"referenced_works\"") || h.contains("\"publication_year\"");
        return work && workFields ? 10 : 0;
    }

    /** Works in an API page ({@code results}), an array, or one work. */
    private static final JsonDocuments.Shape SHAPE = new JsonDocuments.Shape("an OpenAlex works file", "work", Set.of("results"), Set.of());

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(4096);
        String first = new String(buffered.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        buffered.reset();
        if (first.equals("{") || first.equals("[")) {
            JsonDocuments.read(buffered, file, sink, JSON, SHAPE, (w, pos, line) -> work(w, pos, sink));
            return;
        }
        readLines(buffered, file, 1, sink);
    }

    @Override
    public boolean splittable(String head) {
        String first = LineRecordReader.firstLine(head);
        return !first.equals("{") && !first.equals("[");
    }

    @Override
    public void readLines(InputStream in, String file, long firstLine, RecordSink sink) throws IOException {
        JsonLines.read(in, file, firstLine, sink, JSON, (n, pos) -> work(n, pos, sink));
    }

    private static void work(JsonNode w, SourcePosition pos, RecordSink sink) {
        if (!w.isObject()) { sink.reject(new RecordError(pos, "not a JSON object")); return; }
        String id = shortId(PwcEvaluationTablesReader.text(w, "id"));
        if (id == null || !id.startsWith("W")) {
            sink.reject(new RecordError(pos, "not an OpenAlex work (id " + PwcEvaluationTablesReader.text(w, "id") + ")"));
            return;
        }
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).otherId("openalex", id);
        String title = PwcEvaluationTablesReader.text(w, "title");
        b.title(title != null ? title : PwcEvaluationTablesReader.text(w, "display_name"));
        b.doi(PwcEvaluationTablesReader.text(w, "doi"));
        String date = PwcEvaluationTablesReader.text(w, "publication_date");
        b.published(date != null ? date : PwcEvaluationTablesReader.text(w, "publication_year"));
        JsonNode ids = w.get("ids");
        if (ids != null) b.otherId("mag", PwcEvaluationTablesReader.text(ids, "mag"));
        arxiv(w, b);
        JsonNode authorships = w.get("authorships");
        if (authorships != null && authorships.isArray()) {
            for (JsonNode a : authorships) {
                JsonNode author = a.get("author");
                String name = PwcEvaluationTablesReader.text(author, "display_name");
                if (name == null) name = PwcEvaluationTablesReader.text(a, "raw_author_name");
                if (name == null) continue;
                String orcid = PwcEvaluationTablesReader.text(author, "orcid");
                if (orcid != null) orcid = orcid.replaceFirst("^https?://orcid\\.org/", "");
                List<String> affs = new ArrayList<>();
                JsonNode inst = a.get("institutions");
                if (inst != null) for (JsonNode i : inst) add(affs, PwcEvaluationTablesReader.text(i, "display_name"));
                if (affs.isEmpty() && a.get("raw_affiliation_strings") != null) {
                    for (JsonNode r : a.get("raw_affiliation_strings")) add(affs, r.asText());
                }
                b.author(new Author(Text.clean(name), orcid, affs));
            }
        }
        b.abstractText(abstractFrom(w.get("abstract_inverted_index")));
        JsonNode refs = w.get("referenced_works");
        if (refs != null && refs.isArray()) {
            for (JsonNode r : refs) {
                String rid = shortId(r.asText(null));
                if (rid != null && rid.startsWith("W")) b.reference(new Reference(null, null, null, null, Map.of("openalex", rid), List.of(), null));
            }
        }
        sink.accept(b.build());
    }

    private static void add(List<String> list, String v) {
        String c = Text.clean(v);
        if (c != null && !list.contains(c)) list.add(c);
    }

    /** The arXiv id from an arxiv.org landing page or PDF among the work's locations. */
    private static void arxiv(JsonNode w, PaperRecord.Builder b) {
        JsonNode locations = w.get("locations");
        if (locations == null || !locations.isArray()) return;
        for (JsonNode l : locations) {
            for (String f : new String[] {"landing_page_url", "pdf_url"}) {
                String u = PwcEvaluationTablesReader.text(l, f);
                if (u == null) continue;
                Matcher m = PaperLinks.ARXIV.matcher(u);
                if (m.find()) { b.arxivId(m.group(1)); return; }
            }
        }
    }

    /** {@code https://openalex.org/W123} → {@code W123}. */
    static String shortId(String id) {
        if (id == null) return null;
        return id.startsWith(OPENALEX) ? id.substring(OPENALEX.length()) : id;
    }

    /** The abstract in word order from OpenAlex's inverted index (word → positions); null when absent. */
    static String abstractFrom(JsonNode index) {
        if (index == null || !index.isObject() || index.isEmpty()) return null;
        TreeMap<Integer, String> words = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode pos : e.getValue()) words.put(pos.asInt(), e.getKey());
        }
        return String.join(" ", words.values());
    }
}
