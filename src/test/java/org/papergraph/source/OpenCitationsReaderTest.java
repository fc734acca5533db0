package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.resolve.Iris;

class OpenCitationsReaderTest {
    static final Path DIR = SharedData.path("data/opencitations-samples");

    static Set<String> pairs(List<PaperRecord> records) {
        return records.stream().map(r -> Iris.normaliseDoi(r.doi()) + " -> " + Iris.normaliseDoi(r.references().get(0).doi()))
                .collect(Collectors.toSet());
    }

    @Test
    void csvAndRdfOfTheSameCitationsAgree() throws Exception {
        Path csv = DIR.resolve("citations_data.csv");
        long rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
        RecordCollector fromCsv = RecordCollector.read(new OpenCitationsCsvReader(), csv);
        RecordCollector fromRdf = RecordCollector.read(new OpenCitationsRdfReader(), DIR.resolve("citations_data.ttl"));
        assertEquals(List.of(), fromCsv.errors);
        assertEquals(List.of(), fromRdf.errors);
        assertEquals(rows, fromCsv.records.size());
        assertEquals(pairs(fromCsv.records), pairs(fromRdf.records));
        assertTrue(pairs(fromRdf.records).contains("10.1038/sj.cdd.4401289 -> 10.1096/fj.00-0336fje"));
        // Records of one citing paper keep apart by their key.
        assertEquals(rows, fromCsv.records.stream().map(r -> Iris.defaults().recordGraph(r)).distinct().count());
    }

    @Test
    void crossrefDerivedPairsReadWithoutCreationDates() throws Exception {
        Path csv = DIR.resolve("crossref_citations.csv");
        long rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
        RecordCollector c = RecordCollector.read(new OpenCitationsCsvReader(), csv);
        assertEquals(40, rows);
        assertEquals(rows, c.records.size() + c.errors.size());
        assertEquals(List.of(), c.errors);
    }

    @Test
    void badRowsAndBrokenRdfAreRejected() throws Exception {
        RecordCollector c = RecordCollector.read(new OpenCitationsCsvReader(), "c.csv",
                "\"citing\",\"cited\"\n\"10.1/a\",\"10.1/b\"\n\"10.1/a\"\n\"\",\"10.1/c\"\n\"10.1/a\",\"10.1/d\"\n");
        assertEquals(2, c.records.size());
        assertEquals(2, c.errors.size());
        assertTrue(c.errors.get(0).toString().startsWith("c.csv, line 3: expected 2 fields"), c.errors.toString());
        assertTrue(c.errors.get(1).toString().startsWith("c.csv, line 4: citing or cited DOI is empty"));
        RecordCollector r = RecordCollector.read(new OpenCitationsRdfReader(), "c.ttl",
                "@prefix cito: <http://purl.org/spar/cito/> .\n<x:c1> cito:hasCitingEntity <http://dx.doi.org/10.1/a> ; cito:hasCitedEntity <http://dx.doi.org/10.1/b> .\n"
                        + "<x:c2> cito:hasCitingEntity <http://dx.doi.org/10.1/a> .\n<x:c3> cito:hasCitedEntity \n");
        assertEquals(1, r.records.size());
        assertTrue(r.errors.stream().anyMatch(e -> e.reason().startsWith("RDF syntax error")), r.errors.toString());
        assertTrue(r.errors.stream().anyMatch(e -> e.reason().equals("citation without a cited DOI")), r.errors.toString());
        assertEquals(0, new OpenCitationsCsvReader().sniff("\"oci\",\"agent\",\"source\",\"created\"\n"));
    }
}
