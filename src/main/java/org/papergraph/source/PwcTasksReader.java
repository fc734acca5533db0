package org.papergraph.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * Reads Papers with Code tasks as the API lists them ({@code {id, name, description}}, one task or a list response;
 * a JSON array of such objects too). Each task is an entity record. The archive has no tasks file: its tasks come
 * with the evaluation tables and with each paper ({@link PwcPapersReader}).
 */
public final class PwcTasksReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-tasks";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "task"; }

    @Override
    public int sniff(String head) {
        String h = head.stripLeading();
        // A task has only id, name and description; anything with more keys is another file.
        for (String other : new String[] {"full_name", "title", "repo_url", "metrics", "datasets", "url", "paper"}) {
            if (h.contains("\"" + other + "\"")) return 0;
        }
        if (hasKeys(h, new String[] {"id", "name", "description"})) return 5;
        // An empty API list response says nothing of its kind; claim it last, so it reads (as no record) instead
        // of failing a folder ingest.
        boolean emptyList = h.startsWith("{") && h.contains("\"results\"") && h.contains("\"previous\"")
                && h.replaceAll("\\s", "").contains("\"results\":[]");
        return emptyList ? 1 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        entityEntry(n, pos, line, sink, EntityType.TASK, MentionRole.USED, null);
    }
}
