package org.papergraph.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Semantic Scholar S2ORC JSON: metadata lines ({@code paper_id}, title, authors, abstract, year, arXiv id, DOI,
 * {@code outbound_citations} as references known by their S2 id) and full papers in each release's shape (2019
 * {@code metadata} + {@code grobid_parse}, 2020 pdf_parses, doc2json output with {@code pdf_parse}), whose
 * {@code bib_entries} become references with the first body sentence that cites them ({@code cite_spans}).
 * One paper per line, or one pretty-printed paper per file. A paper is identified by its S2 {@code paper_id} when it
 * has no arXiv id, DOI or title (the 2020 pdf_parses carry none of those).
 */
public final class S2orcReader implements JsonObjectsReader {
    public static final String FORMAT = "s2orc";

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String h = head.stripLeading();
        if (!h.startsWith("{") || !h.contains("\"paper_id\"")) return 0;
        // unarXive has the same shape and says so with its source hashes; it has its own reader.
        if (h.contains("\"_source_hash\"")) return 0;
        boolean s2 = h.contains("\"outbound_citations\"") || h.contains("\"bib_entries\"") || h.contains("\"grobid_parse\"")
                || h.contains("\"pdf_parse\"") || h.contains("\"body_text\"") || h.contains("\"_pdf_hash\"");
        return s2 ? 10 : 0;
    }

    @Override
    public void paper(JsonNode n, SourcePosition pos, RecordSink sink) {
        if (!n.isObject()) { sink.reject(new RecordError(pos, "not a JSON object")); return; }
        String id = JsonRecords.text(n, "paper_id");
        if (id == null) { sink.reject(new RecordError(pos, "no paper_id: not an S2ORC paper")); return; }
        JsonNode meta = n.has("metadata") && n.get("metadata").isObject() ? n.get("metadata") : n;
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).otherId("s2", id);
        String title = JsonRecords.text(meta, "title");
        b.title(title != null ? title : JsonRecords.text(n, "title"));
        Doc2Json.authors(meta.has("authors") ? meta.get("authors") : n.get("authors"), b);
        JsonNode year = meta.has("year") ? meta.get("year") : n.get("year");
        if (year != null && year.canConvertToInt() && year.asInt() > 0) b.published(String.format("%04d", year.asInt()));
        b.arxivId(JsonRecords.text(meta, "arxiv_id"));
        b.doi(JsonRecords.text(meta, "doi"));
        b.otherId("mag", JsonRecords.text(meta, "mag_id"));
        b.journalRef(JsonRecords.text(meta, "journal"));
        // The parse holding abstract, body and bibliography: grobid_parse (2019), pdf_parse (doc2json) or the top.
        JsonNode parse = n.has("pdf_parse") && n.get("pdf_parse").isObject() ? n.get("pdf_parse")
                : n.has("grobid_parse") && n.get("grobid_parse").isObject() ? n.get("grobid_parse") : n;
        String abs = Doc2Json.abstractText(meta.get("abstract"));
        if (abs == null || abs.isBlank()) abs = Doc2Json.abstractText(parse.get("abstract"));
        if ((abs == null || abs.isBlank()) && parse != n) abs = Doc2Json.abstractText(n.get("abstract"));
        b.abstractText(abs);
        Map<String, String> contexts = new HashMap<>();
        b.bodyText(Doc2Json.body(parse.get("body_text"), contexts));
        for (Reference r : Doc2Json.references(parse.get("bib_entries"), contexts)) b.reference(r);
        JsonNode out = n.get("outbound_citations");
        if (out != null && out.isArray()) {
            for (JsonNode c : out) {
                if (c.isValueNode() && !c.asText().isBlank()) b.reference(new Reference(null, null, null, null, Map.of("s2", c.asText()), List.of(), null));
            }
        }
        sink.accept(b.build());
    }
}
