package org.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.demo.Demo;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;

/** The serve, export and demo subcommands through {@link Main#run}, as a user runs them (minus blocking). */
class ServeExportDemoCommandTest {
    @TempDir Path tmp;

    Path demoStore(String name) {
        Path dir = tmp.resolve(name);
        assertEquals(0, Main.run("demo", "--no-serve", "-q", "--store", dir.toString(), "--corpus", "demo-test/"));
        return dir;
    }

    @Test
    void demoBuildsAMarkedStoreAndRebuildsItOnTheNextRun() throws Exception {
        Path dir = demoStore("demo");
        assertTrue(Files.exists(dir.resolve(Demo.MARKER)));
        long size;
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            size = s.size();
            assertTrue(size > 0);
        }
        assertEquals(0, Main.run("demo", "--no-serve", "-q", "--store", dir.toString(), "--corpus", "demo-test/"));
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            assertEquals(size, s.size(), "rebuilt, not added to");
        }
    }

    @Test
    void bundledCorpusBuildsWithoutRejects() {
        Path dir = tmp.resolve("bundled");
        assertEquals(0, Main.run("demo", "--no-serve", "-q", "--store", dir.toString()), "no record of the bundled corpus is rejected");
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            var ds = s.dataset();
            long papers = Txn.calculateRead(ds, () -> {
                try (var qe = org.apache.jena.query.QueryExecution.dataset(ds).query(
                        "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <https://papergraph.org/ontology#Paper> }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertTrue(papers >= 50 && papers <= 100, "the demo corpus holds 50-100 papers, not " + papers);
            List<String> files = Txn.calculateRead(ds, () -> {
                try (var qe = org.apache.jena.query.QueryExecution.dataset(ds).query(
                        "SELECT DISTINCT ?f { GRAPH ?m { ?g <https://papergraph.org/ontology#sourceFile> ?f } }").build()) {
                    List<String> l = new java.util.ArrayList<>();
                    qe.execSelect().forEachRemaining(r -> l.add(r.getLiteral("f").getString()));
                    return l;
                }
            });
            for (Demo.Entry e : Demo.entries(Demo.BUNDLED)) assertTrue(files.contains("classpath:" + e.resource()), files.toString());
        }
    }

    @Test
    void demoRefusesAFolderItDidNotMake() throws Exception {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "keep");
        assertEquals(3, Main.run("demo", "--no-serve", "--store", dir.toString(), "--corpus", "demo-test/"));
        assertEquals("keep", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void exportWritesAFileThatParsesBack() throws Exception {
        Path dir = demoStore("demo");
        Path out = tmp.resolve("dump.nt");
        // A partial file a killed export left behind (its process has ended) is cleaned up by the next export.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path leftover = tmp.resolve(".dump.nt.part-" + ended.pid());
        Files.writeString(leftover, "<a> <b> ");
        assertEquals(0, Main.run("export", "--store", dir.toString(), "--format", "nt", "-o", out.toString()));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".part")).toList());
        }
        Graph back = GraphFactory.createGraphMem();
        RDFParser.source(out).parse(back);
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            Graph union = GraphFactory.createGraphMem();
            Txn.executeRead(s.datasetGraph(), () -> s.datasetGraph().getUnionGraph().find().forEach(union::add));
            assertTrue(union.isIsomorphicWith(back));
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Path dir = demoStore("demo");
        assertEquals(Main.USAGE, Main.run("export", "--store", dir.toString(), "--format", "xml"));
        assertEquals(Main.USAGE, Main.run("serve", "--store", dir.toString(), "--port", "70000"));
        assertEquals(Main.USAGE, Main.run("serve", "--store", dir.toString(), "--timeout", "0"));
        assertEquals(3, Main.run("serve", "--store", tmp.resolve("nothing-here").toString()));
        assertFalse(Files.exists(tmp.resolve("nothing-here")), "serve does not create an empty store");
        assertEquals(3, Main.run("export", "--store", tmp.resolve("nothing-here").toString()));
    }

    @Test
    void serveReportsAPortInUse() {
        Path dir = demoStore("demo");
        try (GraphStore other = GraphStore.open(tmp.resolve("other"), Iris.defaults())) {
            Demo.ingest(other, "demo-test/", IngestListener.NONE);
            Server busy = Server.builder(other).port(0).build().start();
            try {
                assertEquals(3, Main.run("serve", "--store", dir.toString(), "--port", Integer.toString(busy.port())));
            } finally {
                busy.stop();
            }
        }
        // The failed serve closed its store: it opens again.
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            assertTrue(s.size() > 0);
        }
    }

    @Test
    void subcommandsAreListed() {
        List<String> names = List.copyOf(new picocli.CommandLine(new Main()).getSubcommands().keySet());
        assertTrue(names.containsAll(List.of("serve", "export", "demo")), names.toString());
    }
}
