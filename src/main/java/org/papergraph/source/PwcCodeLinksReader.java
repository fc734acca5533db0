package org.papergraph.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.resolve.Iris;

/**
 * Reads the Papers with Code archive's {@code links-between-papers-and-code.json} (a JSON array; an API list
 * response of the same objects also reads): each entry links one paper ({@code paper_arxiv_id},
 * {@code paper_url} holding its Papers with Code id, {@code paper_title}, {@code paper_url_abs}) to one repository
 * ({@code repo_url}) and becomes one record of that paper with the repository as its code link, an official one
 * when {@code is_official} is true. The record key is
 * the repository URL, so the links of one paper keep separate record graphs. An entry without {@code repo_url}, or
 * naming no paper, is rejected.
 *
 * <p>Not carried: {@code mentioned_in_paper}, {@code mentioned_in_github} and {@code framework}.
 */
public final class PwcCodeLinksReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-code-links";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "code link"; }

    @Override
    public int sniff(String head) {
        return hasKeys(head, new String[] {"repo_url"}, "paper_arxiv_id", "is_official", "paper_url", "mentioned_in_paper") ? 10 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        String repo = text(n, "repo_url");
        if (repo == null) {
            sink.reject(new RecordError(pos, "code link at line " + line + " has no repo_url"));
            return;
        }
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos)
                .title(text(n, "paper_title"))
                .arxivId(text(n, "paper_arxiv_id"))
                .otherId("pwc", pwcId(text(n, "paper_url")))
                .codeLink(repo)
                .recordKey(Iris.contentKey(Iris.normaliseRepositoryUrl(repo)));
        JsonNode official = n.get("is_official");
        if (official != null && official.asBoolean(false)) b.officialCodeLink(repo);
        if (text(n, "paper_arxiv_id") == null) {
            String abs = text(n, "paper_url_abs");
            java.util.regex.Matcher a = abs == null ? null : PaperLinks.ARXIV.matcher(abs);
            if (a != null && a.find()) b.arxivId(a.group(1));
        }
        PaperRecord r = b.build();
        if (!r.describesPaper()) {
            sink.reject(new RecordError(pos, "code link at line " + line + " (" + repo + ") names no paper"));
            return;
        }
        sink.accept(r);
    }
}
