package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.Test;
import org.papergraph.extract.ImplementationExtractor.Named;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.SourcePosition;

/** Repository-to-method links on real listing papers (short excerpts), checked through SPARQL. */
class ImplementationExtractorTest {
    static final String PREFIX = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    static List<String> links(String title, String abs, String... codeLinks) {
        PaperRecord.Builder b = PaperRecord.builder("test", SourcePosition.line("t.txt", 1)).title(title).abstractText(abs);
        for (String c : codeLinks) b.codeLink(c);
        Dataset ds = DatasetFactory.create();
        var out = StreamRDFLib.dataset(ds.asDatasetGraph());
        out.start();
        new ImplementationExtractor(Iris.defaults()).extract(b.build(), NodeFactory.createURI("urn:g"), out);
        out.finish();
        String q = PREFIX + "SELECT ?repo ?m ?rule ?conf WHERE { GRAPH ?g { ?p pg:hasImplementationLink ?l . ?l a pg:ImplementationLink ; "
                + "pg:repository ?repo ; pg:implementedMethod ?m ; pg:linkRule ?rule ; pg:confidence ?conf ; pg:sentence ?s ; pg:extractedBy ?x . "
                + "?repo pg:implements ?m } } ORDER BY ?repo ?m";
        List<String> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining(s -> rows.add(s.getResource("repo").getURI() + " " + s.getResource("m").getURI()
                    + " " + s.getLiteral("rule").getString() + " " + s.getLiteral("conf").getLexicalForm()));
        }
        return rows;
    }

    @Test
    void aRepositoryNamedAfterTheTitlesMethodImplementsIt() {
        List<String> rows = links("EEEA-Net: An Early Exit Evolutionary Neural Architecture Search",
                "Using EEEA-Net on CIFAR-10, our experiments showed that EEEA-Net achieved the lowest error rate. "
                        + "(The algorithm code is available at https://github.com/chakkritte/EEEA-Net).");
        assertEquals(1, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("https://github.com/chakkritte/EEEA-Net " + Iris.defaults().method("EEEA-Net").getURI()), rows::toString);
        assertTrue(rows.get(0).endsWith(" repository-name 0.9"), rows::toString);
    }

    @Test
    void partsOfTheRepositoryNameLinkTheLongestMethodNames() {
        List<Named> methods = List.of(
                new Named("BSP", "BSP", false, "We employ Binary Space Partitioning (BSP)."),
                new Named("BSP-Net", "BSP-Net", true, "We devise BSP-Net, a network that learns to represent a 3D shape."));
        List<ImplementationExtractor.Link> l = ImplementationExtractor.byName("https://github.com/czq142857/BSP-NET-original", methods);
        assertEquals(List.of("BSP-Net"), l.stream().map(ImplementationExtractor.Link::method).toList());
        List<Named> two = List.of(new Named("PDSG", "PDSG", true, "s"), new Named("SDA", "SDA", true, "s"));
        assertEquals(List.of("PDSG", "SDA"), ImplementationExtractor.byName("https://github.com/ryime/PDSG-SDA", two).stream()
                .map(ImplementationExtractor.Link::method).toList());
    }

    @Test
    void theSoleProposedMethodIsLinkedOnlyWhenTheTextSaysTheCodeIsOutAndTheNameIsCoined() {
        Set<String> repo = new LinkedHashSet<>(List.of("https://github.com/NX-AI/kernels"));
        String avail = "Our open-source kernels are released here: https://github.com/NX-AI/kernels.";
        List<Named> one = List.of(new Named("ConstrINT", "ConstrINT", true, "We propose ConstrINT."));
        List<ImplementationExtractor.Link> l = ImplementationExtractor.links(repo, List.of(), one, "We propose ConstrINT. " + avail);
        assertEquals(1, l.size());
        assertEquals(ImplementationExtractor.SOLE_METHOD, l.get(0).rule());
        assertEquals(avail, l.get(0).sentence());
        assertEquals(List.of(), ImplementationExtractor.links(repo, List.of(), one, "We propose ConstrINT."), "no availability sentence");
        List<Named> generic = List.of(new Named("AE", "AE", true, "We propose an AE."));
        assertEquals(List.of(), ImplementationExtractor.links(repo, List.of(), generic, "We propose an AE. " + avail), "AE is no coined name");
        List<Named> twoProposed = List.of(one.get(0), new Named("FlashRNN", "FlashRNN", true, "s"));
        assertEquals(List.of(), ImplementationExtractor.links(repo, List.of(), twoProposed, avail), "two proposed methods: unclear");
    }

    @Test
    void aRepositoryHoldingManyModelsIsLinkedToNone() {
        assertEquals(List.of(), links("MnasNet: Platform-Aware Neural Architecture Search for Mobile",
                "We propose an automated mobile neural architecture search (MNAS) approach.", "https://github.com/tensorflow/tpu/tree/master/models/official/mnasnet"));
    }

}
