package org.papergraph.source;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.resolve.Iris;

/**
 * Reads Papers with Code results as the API lists a paper's results ({@code {id, metrics, methodology, paper,
 * evaluated_on, ...}}, a list response or a JSON array): each entry becomes one record of the paper ({@code paper},
 * its Papers with Code id) with one {@link ReportedResult} per metric cell, the method being {@code methodology}.
 * The API's result names no task or dataset, so neither is set. The record key is the result's {@code id} (else a
 * hash of its content), so the results of one paper keep separate graphs. An entry naming no paper, or whose
 * {@code metrics} is not an object, is rejected.
 */
public final class PwcResultsReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-results";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "result"; }

    @Override
    public int sniff(String head) {
        return hasKeys(head, new String[] {"metrics", "methodology"}, "paper", "best_rank", "evaluated_on") ? 10 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        String paper = pwcId(text(n, "paper"));
        if (paper == null) {
            sink.reject(new RecordError(pos, "result at line " + line + " names no paper"));
            return;
        }
        JsonNode metrics = n.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            sink.reject(new RecordError(pos, "result at line " + line + ": metrics is not an object of name to value"));
            return;
        }
        String method = text(n, "methodology");
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).otherId("pwc", paper);
        Map<String, String> cells = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            JsonNode v = m.getValue();
            String raw = v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
            cells.put(m.getKey(), raw);
            b.result(new ReportedResult(null, null, null, null, method, m.getKey(), raw));
        }
        String id = text(n, "id");
        b.recordKey(id != null ? id : Iris.contentKey(paper, String.valueOf(method), cells.toString()));
        sink.accept(b.build());
    }
}
