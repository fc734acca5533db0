package org.papergraph.source;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads unarXive JSON Lines (one arXiv paper a line): arXiv metadata (id, title, authors, abstract, DOI, categories,
 * versions), the body text, and {@code bib_entries} as references identified by the OpenAlex id, DOI and arXiv id
 * unarXive linked them to, with the first body sentence that cites them. Bib entries with none of those identifiers
 * are dropped: unarXive gives only the raw reference string there, and papergraph does not parse titles out of it.
 */
public final class UnarxiveReader implements JsonObjectsReader {
    public static final String FORMAT = "unarxive";

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String h = head.stripLeading();
        // Its metadata holds arXiv OAI fields (submitter, versions): the source hashes tell it from an OAI line.
        return h.startsWith("{") && h.contains("\"paper_id\"") && h.contains("\"_source_hash\"") ? 20 : 0;
    }

    @Override
    public void paper(JsonNode n, SourcePosition pos, RecordSink sink) {
        JsonNode meta = n.get("metadata");
        if (!n.isObject() || meta == null || !meta.isObject()) {
            sink.reject(new RecordError(pos, "not an unarXive paper: no metadata object"));
            return;
        }
        String id = JsonRecords.text(meta, "id");
        if (id == null) id = JsonRecords.text(n, "paper_id");
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).arxivId(id);
        b.title(JsonRecords.text(meta, "title"));
        b.abstractText(JsonRecords.text(meta, "abstract"));
        b.doi(JsonRecords.text(meta, "doi"));
        b.journalRef(JsonRecords.text(meta, "journal-ref"));
        String cats = JsonRecords.text(meta, "categories");
        if (cats != null) for (String c : cats.split("\\s+")) b.category(c);
        JsonNode versions = meta.get("versions");
        if (versions != null && versions.isArray()) for (JsonNode v : versions) b.arxivVersion(JsonRecords.text(v, "version"));
        JsonNode parsed = meta.get("authors_parsed");
        if (parsed != null && parsed.isArray()) {
            for (JsonNode a : parsed) {
                if (!a.isArray() || a.isEmpty()) continue;
                String last = a.get(0).asText("");
                String first = a.size() > 1 ? a.get(1).asText("") : "";
                String suffix = a.size() > 2 ? a.get(2).asText("") : "";
                String name = Text.clean(first + " " + last + " " + suffix);
                if (name != null) b.author(Author.named(name));
            }
        }
        String update = JsonRecords.text(meta, "update_date");
        if (update != null && update.matches("\\d{4}-\\d{2}-\\d{2}")) b.updated(update);
        if (versions != null && versions.isArray() && !versions.isEmpty()) {
            String created = JsonRecords.text(versions.get(0), "created");
            if (created != null) {
                try {
                    b.published(java.time.ZonedDateTime.parse(created, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString());
                } catch (java.time.format.DateTimeParseException ignored) {
                    // An unusual date leaves the record without a publication date rather than rejecting it.
                }
            }
        }
        Map<String, String> contexts = new HashMap<>();
        b.bodyText(Doc2Json.body(n.get("body_text"), contexts));
        for (Reference r : Doc2Json.references(n.get("bib_entries"), contexts)) b.reference(r);
        sink.accept(b.build());
    }
}
