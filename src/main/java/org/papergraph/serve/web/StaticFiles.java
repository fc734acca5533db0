package org.papergraph.serve.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Where the site's static files come from: {@code web/} on the classpath and the Cytoscape.js WebJar. */
final class StaticFiles {
    private static final String CYTOSCAPE_POM = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";
    private static final String CYTOSCAPE = cytoscape();

    private StaticFiles() {}

    /** Classpath name of cytoscape.min.js in the WebJar, or null when the WebJar is missing. */
    static String cytoscapeResource() { return CYTOSCAPE; }

    private static String cytoscape() {
        // The WebJar's folder carries its version; read it from the jar's Maven metadata rather than hard-coding it.
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(CYTOSCAPE_POM)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/cytoscape/" + p.getProperty("version") + "/dist/cytoscape.min.js";
        } catch (IOException e) {
            return null;
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }
}
