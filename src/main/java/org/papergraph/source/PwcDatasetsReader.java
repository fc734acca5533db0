package org.papergraph.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * Reads Papers with Code datasets: the archive's {@code datasets.json} and the API's dataset responses. Each entry
 * is a dataset ({@code name}, {@code full_name}, {@code variants}); when it names the paper that introduced it, the
 * record is of that paper, which {@code introduced} the dataset. See {@link PwcArchiveReader#entityEntry}.
 */
public final class PwcDatasetsReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-datasets";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "dataset"; }

    @Override
    public int sniff(String head) {
        // Archive datasets: homepage, modalities, introduced_date, variants, data_loaders. API datasets: id, name,
        // full_name and url, without a paper.
        if (hasKeys(head, new String[] {"name", "full_name"}, "homepage", "modalities", "introduced_date", "variants", "data_loaders")) return 10;
        return hasKeys(head, new String[] {"name", "full_name", "url"}) && !head.contains("\"paper\"") ? 6 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        entityEntry(n, pos, line, sink, EntityType.DATASET, MentionRole.INTRODUCED, strings(n, "variants"));
    }
}
