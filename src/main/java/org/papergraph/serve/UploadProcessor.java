package org.papergraph.serve;

import java.io.IOException;
import java.io.InputStream;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Uploads RDF in the style of the SPARQL Graph Store Protocol: {@code POST} adds the body's triples to the target
 * graph, {@code PUT} replaces the target graph with them. The target is {@code ?graph=IRI}, or the default graph
 * ({@code ?default} or no parameter), which {@link ManualGraphWrites} turns into {@code graph/manual}. Quad formats
 * (TriG, N-Quads) keep their own graph names, their default-graph quads going to the target. The body must be in
 * an RDF syntax named by its Content-Type; it is parsed and stored in one write transaction, so a body that does
 * not parse is answered 400 (with the parser's line and column) and changes nothing. Success is 204. Reading the
 * graphs back is done with SPARQL on the open query endpoints. Mounted behind HTTP basic authentication only when
 * the server allows updates.
 */
final class UploadProcessor implements ActionProcessor {
    private final DatasetGraph store;
    private final DatasetGraph view;
    private final LeaderboardUpkeep leaderboards;
    private final StoreGate gate;

    UploadProcessor(DatasetGraph store, DatasetGraph view, LeaderboardUpkeep leaderboards, StoreGate gate) {
        this.gate = gate;
        this.store = store;
        this.view = view;
        this.leaderboards = leaderboards;
    }

    @Override public void execPost(HttpAction action) { upload(action, false); }

    @Override public void execPut(HttpAction action) { upload(action, true); }

    @Override
    public void execOptions(HttpAction action) {
        ActionLib.setCommonHeadersForOptions(action);
        action.setResponseHeader("Allow", "OPTIONS,POST,PUT");
        ServletOps.success(action);
    }

    private void upload(HttpAction action, boolean replace) {
        Node target = target(action);
        ContentType ct = ActionLib.getContentType(action);
        Lang lang = ct == null ? null : RDFLanguages.contentTypeToLang(ct.getContentTypeStr());
        if (lang == null) {
            ServletOps.error(415, "send the data with the Content-Type of an RDF syntax (text/turtle, application/n-triples, "
                    + "application/trig, application/n-quads, application/ld+json, application/rdf+xml)");
        }
        StreamRDF sink = new StreamRDFBase() {
            @Override public void triple(Triple t) { view.add(target, t.getSubject(), t.getPredicate(), t.getObject()); }

            @Override public void quad(Quad q) {
                view.add(q.isDefaultGraph() ? target : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            }
        };
        try (InputStream in = action.getRequestInputStream()) {
            gate.write(action, () -> Txn.executeWrite(store, () -> {
                if (replace) view.deleteAny(target, Node.ANY, Node.ANY, Node.ANY);
                RDFParser.source(in).lang(lang).base(action.getRequestRequestURL()).parse(sink);
                leaderboards.changed(store);
            }));
            leaderboards.committed();
        } catch (RiotException e) {
            ServletOps.errorBadRequest("the uploaded data does not parse as " + lang.getLabel() + ": " + e.getMessage());
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the uploaded data: " + e.getMessage());
        }
        action.log.info("[{}] upload stored", action.id);
        ServletOps.successNoContent(action);
    }

    private static Node target(HttpAction action) {
        String graph = action.getRequestParameter("graph");
        boolean dflt = action.getRequestParameter("default") != null;
        if (graph != null && dflt) ServletOps.errorBadRequest("give either ?graph=IRI or ?default, not both");
        if (graph == null) return Quad.defaultGraphIRI;
        try {
            if (IRIx.create(graph).isAbsolute()) return NodeFactory.createURI(graph);
        } catch (IRIException e) {
            // answered below
        }
        ServletOps.errorBadRequest("?graph must be an absolute IRI: " + graph);
        return null;
    }
}
