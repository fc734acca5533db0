package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.papergraph.resolve.Iris;

/**
 * Reads the Papers with Code {@code evaluation-tables} archive (and the sota-extractor task files in the same
 * shape): a JSON array of tasks, each with {@code datasets} (each with {@code sota.rows} and {@code subdatasets})
 * and {@code subtasks}. Every leaderboard row becomes one {@link PaperRecord} of the paper the row names, with one
 * {@link ReportedResult} per metric cell; the record key is a hash of the row's content, so rows of the same paper
 * keep separate record graphs and re-ingesting replaces the same graphs.
 *
 * <p>Streams with Jackson: one top-level task at a time is held in memory (its rows wait until the task's name,
 * which comes last in the archive's sorted keys, is known). A row is rejected, at the line where it starts, when it
 * names no paper (neither {@code paper_title} nor {@code paper_url}) or its {@code metrics} is not an object; the
 * other rows still read. A JSON syntax error ends the file: it is reported at its line, with the rows of the
 * unfinished task that could not be read.
 */
public final class PwcEvaluationTablesReader implements RecordReader {
    public static final String FORMAT = "pwc-evaluation-tables";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String h = head.stripLeading();
        if (!h.startsWith("[")) return 0;
        // The archive's tasks carry datasets with "sota" tables; no other JSON we read has those keys.
        // ("task" itself may come after thousands of rows, past the head, when keys are sorted.)
        return h.contains("\"datasets\"") && (h.contains("\"sota\"") || h.contains("\"subdatasets\"")) ? 10 : 0;
    }

    /** A task or dataset on the path to a row; names may arrive after the rows. */
    private static final class Frame {
        final Frame parent;
        String name;
        Frame(Frame parent) { this.parent = parent; }
    }

    private record PendingRow(Frame task, Frame dataset, JsonNode row, long line) {}

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            List<PendingRow> pending = new ArrayList<>();
            try {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    sink.reject(new RecordError(SourcePosition.line(file, line(p)),
                            "not a Papers with Code evaluation-tables file: expected a JSON array of tasks"));
                    return;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readTask(p, new Frame(null), pending);
                    for (PendingRow r : pending) emit(r, file, sink);
                    pending.clear();
                }
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
                sink.reject(new RecordError(SourcePosition.line(file, e.getLocation() == null ? line(p) : e.getLocation().getLineNr()),
                        "JSON syntax error" + where + ": " + e.getOriginalMessage() + "; the rest of the file cannot be read"
                                + (pending.isEmpty() ? "" : ", including " + pending.size() + " row(s) of the unfinished task")));
            }
        }
    }

    private static long line(JsonParser p) { return Math.max(1, p.currentTokenLocation().getLineNr()); }

    /** Reads one task object; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    private static void readTask(JsonParser p, Frame task, List<PendingRow> rows) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "task" -> task.name = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "datasets" -> readArray(p, t, () -> readDataset(p, task, new Frame(null), rows));
                case "subtasks" -> readArray(p, t, () -> readTask(p, new Frame(task), rows));
                default -> p.skipChildren();
            }
        }
    }

    private static void readDataset(JsonParser p, Frame task, Frame dataset, List<PendingRow> rows) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "dataset" -> dataset.name = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "sota" -> {
                    if (t != JsonToken.START_OBJECT) { p.skipChildren(); break; }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        JsonToken v = p.nextToken();
                        if (p.currentName().equals("rows") && v == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                long line = line(p);
                                rows.add(new PendingRow(task, dataset, JSON.readTree(p), line));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "subdatasets" -> readArray(p, t, () -> readDataset(p, task, new Frame(dataset), rows));
                default -> p.skipChildren();
            }
        }
    }

    private interface Element { void read() throws IOException; }

    /** Calls {@code element} for each object of the array the parser is on; skips anything else. */
    private static void readArray(JsonParser p, JsonToken t, Element element) throws IOException {
        if (t != JsonToken.START_ARRAY) { p.skipChildren(); return; }
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e == JsonToken.START_OBJECT) element.read();
            else p.skipChildren();
        }
    }

    private static void emit(PendingRow pr, String file, RecordSink sink) {
        SourcePosition pos = SourcePosition.line(file, pr.line);
        JsonNode row = pr.row;
        if (!row.isObject()) {
            sink.reject(new RecordError(pos, "leaderboard row is not a JSON object"));
            return;
        }
        String title = text(row, "paper_title");
        String url = text(row, "paper_url");
        // Some tables put the paper's link in the title column: it is a link, not a title.
        if (title != null && title.matches("(?i)https?://\\S+")) {
            if (url == null) url = title;
            title = null;
        }
        String model = text(row, "model_name");
        String where = "row of '" + pr.task.name + "' on '" + pr.dataset.name + "'" + (model == null ? "" : " (model '" + model + "')");
        if (title == null && url == null) {
            sink.reject(new RecordError(pos, where + " names no paper (paper_title and paper_url are empty)"));
            return;
        }
        JsonNode metrics = row.get("metrics");
        if (metrics != null && !metrics.isNull() && !metrics.isObject()) {
            sink.reject(new RecordError(pos, where + ": metrics is not an object of name to value"));
            return;
        }
        PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos).title(title).published(date(text(row, "paper_date")));
        PaperLinks.identify(url, b);
        JsonNode code = row.get("code_links");
        if (code != null && code.isArray()) {
            for (JsonNode c : code) b.codeLink(text(c, "url"));
        }
        List<String> parents = new ArrayList<>();
        for (Frame f = pr.task.parent; f != null; f = f.parent) if (f.name != null) parents.add(f.name);
        String variantOf = pr.dataset.parent == null ? null : pr.dataset.parent.name;
        // Sorted cells make the record key independent of key order in the file.
        Map<String, String> cells = new TreeMap<>();
        if (metrics != null && metrics.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                JsonNode v = m.getValue();
                String raw = v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
                cells.put(m.getKey(), raw);
                b.result(new ReportedResult(pr.task.name, parents, pr.dataset.name, variantOf, model, m.getKey(), raw));
            }
        }
        b.recordKey(Iris.contentKey(String.join(">", parents), String.valueOf(pr.task.name), String.valueOf(variantOf),
                String.valueOf(pr.dataset.name), String.valueOf(model), String.valueOf(title), String.valueOf(url),
                cells.toString()));
        sink.accept(b.build());
    }

    /** The date part of {@code paper_date} ({@code 2017-04-11}), or null. */
    private static String date(String s) {
        if (s == null) return null;
        return s.matches("\\d{4}-\\d{2}-\\d{2}.*") ? s.substring(0, 10) : null;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
