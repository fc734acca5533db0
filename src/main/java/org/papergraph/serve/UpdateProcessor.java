package org.papergraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update over HTTP POST ({@code application/sparql-update} body or an {@code update=} form field), run in
 * one write transaction through {@link ManualGraphWrites}: the whole request is applied or none of it. A request
 * that does not parse is answered 400 with the parser's message, line and column; success is 204. Mounted only
 * when the server allows updates, behind HTTP basic authentication (the endpoint's auth policy is checked by
 * Fuseki before this runs). Thread-safe: TDB2 serialises writers.
 */
final class UpdateProcessor implements ActionProcessor {
    /** Longest update request accepted, in bytes; larger data belongs in an upload or an ingest. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private final DatasetGraph store;
    private final DatasetGraph view;
    private final LeaderboardUpkeep leaderboards;
    private final StoreGate gate;

    UpdateProcessor(DatasetGraph store, DatasetGraph view, LeaderboardUpkeep leaderboards, StoreGate gate) {
        this.gate = gate;
        this.store = store;
        this.view = view;
        this.leaderboards = leaderboards;
    }

    @Override
    public void execPost(HttpAction action) {
        UpdateRequest request = parse(action, text(action));
        gate.write(action, () -> Txn.executeWrite(store, () -> {
            UpdateExec.dataset(view).update(request).execute();
            leaderboards.changed(store);
        }));
        leaderboards.committed();
        action.log.info("[{}] update applied", action.id);
        ServletOps.successNoContent(action);
    }

    @Override
    public void execOptions(HttpAction action) { ActionLib.doOptionsPost(action); }

    private static String text(HttpAction action) {
        ContentType ct = ActionLib.getContentType(action);
        String type = ct == null ? WebContent.contentTypeSPARQLUpdate : ct.getContentTypeStr();
        if (type.equals(WebContent.contentTypeHTMLForm)) {
            String[] values = action.getRequestParameterValues("update");
            if (values == null || values.length != 1) ServletOps.errorBadRequest("send exactly one update= form field");
            return values[0];
        }
        if (!type.equals(WebContent.contentTypeSPARQLUpdate)) {
            ServletOps.error(415, "send the update as " + WebContent.contentTypeSPARQLUpdate + " or as an HTML form, not " + type);
        }
        try (InputStream in = action.getRequestInputStream()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) ServletOps.error(413, "update request larger than " + MAX_REQUEST_BYTES + " bytes");
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the update request: " + e.getMessage());
            return null;
        }
    }

    private static UpdateRequest parse(HttpAction action, String text) {
        try {
            return UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            String where = first.contains("line ") ? "" : "line " + e.getLine() + ", column " + e.getColumn() + ": ";
            ServletOps.errorBadRequest("SPARQL Update does not parse: " + where + first);
            return null;
        }
    }
}
