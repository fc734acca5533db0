package org.papergraph.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * Reads Papers with Code methods: the archive's {@code methods.json} and the API's method responses. Each entry is
 * a method ({@code name}, {@code full_name}); when it names the paper that introduced it, the record is of that
 * paper, which {@code proposed} the method (the role the text extractor gives a method a paper presents).
 * See {@link PwcArchiveReader#entityEntry}.
 */
public final class PwcMethodsReader extends PwcArchiveReader {
    public static final String FORMAT = "pwc-methods";

    @Override
    public String format() { return FORMAT; }

    @Override
    String noun() { return "method"; }

    @Override
    public int sniff(String head) {
        // The archive's methods carry introduced_year, source_url, code_snippet_url and collections; the API's
        // only id, name, full_name, description and paper (datasets have full_name too, but a url or homepage).
        if (hasKeys(head, new String[] {"name", "full_name"}, "introduced_year", "code_snippet_url", "collections", "source_title")) return 9;
        return hasKeys(head, new String[] {"name", "full_name", "paper"}) ? 6 : 0;
    }

    @Override
    void entry(JsonNode n, SourcePosition pos, long line, RecordSink sink) {
        entityEntry(n, pos, line, sink, EntityType.METHOD, MentionRole.PROPOSED, null);
    }
}
