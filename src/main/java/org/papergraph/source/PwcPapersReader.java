package org.papergraph.source;

import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * Reads Papers with Code papers: the archive's {@code papers-with-abstracts.json} (a JSON array) and the API's paper
 * responses (one paper, or a list response). Per paper: title, abstract, arXiv id (else one found in
 * {@code url_abs}/{@code url_pdf}), DOI from a doi.org {@code url_abs}, authors, date ({@code date} in the archive,
 * {@code published} in the API), the Papers with Code id ({@code id}, or the archive's {@code paper_url}), and the
 * archive's {@code tasks} and {@code methods} as entities the paper uses. An entry with neither a title nor an
 * identifier is rejected. See {@link PwcArchiveReader} for the file shapes and error handling.
 */
public final class PwcPapersReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-papers";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "paper"; }

    @Override
    public int sniff(String head) {
        // Both shapes have url_abs and url_pdf; the code-links file has paper_url_abs, which the quotes keep apart.
        return hasKeys(head, new String[] {"title", "url_abs"}, "abstract", "arxiv_id", "url_pdf") ? 10 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos)
                .title(text(n, "title"))
                .abstractText(text(n, "abstract"))
                .arxivId(text(n, "arxiv_id"));
        String pwc = text(n, "id");
        b.otherId("pwc", pwc != null ? pwcId(pwc) : pwcId(text(n, "paper_url")));
        String abs = text(n, "url_abs");
        String pdf = text(n, "url_pdf");
        for (String url : new String[] {abs, pdf}) {
            if (url == null) continue;
            Matcher a = PaperLinks.ARXIV.matcher(url);
            if (text(n, "arxiv_id") == null && a.find()) { b.arxivId(a.group(1)); break; }
            Matcher d = PaperLinks.DOI.matcher(url);
            if (d.find()) { b.doi(d.group(1)); break; }
        }
        String date = text(n, "date");
        if (date == null) date = text(n, "published");
        if (date != null && date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?.*")) b.published(date.length() >= 10 ? date.substring(0, 10) : date.substring(0, 4));
        JsonNode authors = n.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode a : authors) if (a.isTextual()) b.author(new Author(Text.clean(a.asText()), null, java.util.List.of()));
        }
        JsonNode tasks = n.get("tasks");
        if (tasks != null && tasks.isArray()) {
            for (JsonNode t : tasks) {
                String name = t.isTextual() ? t.asText() : text(t, "name");
                if (name != null && !name.isBlank()) b.entity(new SourceEntity(EntityType.TASK, name, null, MentionRole.USED, null));
            }
        }
        JsonNode methods = n.get("methods");
        if (methods != null && methods.isArray()) {
            for (JsonNode m : methods) {
                String name = m.isTextual() ? m.asText() : text(m, "name");
                if (name != null && !name.isBlank()) {
                    b.entity(new SourceEntity(EntityType.METHOD, name, text(m, "full_name"), MentionRole.USED, null));
                }
            }
        }
        PaperRecord r = b.build();
        if (!r.describesPaper()) {
            sink.reject(new RecordError(pos, "paper at line " + line + " has no title and no identifier"));
            return;
        }
        sink.accept(r);
    }
}
