package org.papergraph.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.Converter;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.ShardFolder;
import org.papergraph.resolve.Iris;

/**
 * The packaged {@code target/papergraph-spark.jar} as users run it: {@code java -jar} in local mode (no JVM flags:
 * the manifest opens what Spark needs), and through Spark's own submit class as {@code spark-submit} runs it, the
 * master coming from there. Both write the quads {@code convert} writes, and the same shards.
 */
class SparkJarIT {
    @TempDir Path tmp;

    static final String TIME = "2024-05-01T12:00:00Z";

    @Test
    void theJarRunsLocallyAndUnderSparkSubmit() throws Exception {
        Path jar = Path.of("target/papergraph-spark.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build it first: mvn -Pspark package");
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(200, 3).write(corpus);
        List<String> inputs = List.of(corpus.toString(), SharedData.path("data/openalex-samples/snapshot/works").toString());

        Path local = tmp.resolve("local");
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", jar.toString(), "convert", "--master", "local[2]",
                "--split-mb", "0.1", "--time", TIME, "-o", local.toString()));
        cmd.addAll(inputs);
        String out = run(cmd);
        assertTrue(out.contains("converted into " + local), out);
        assertTrue(!out.contains("SLF4J") && !out.contains("StAX"), "one logging provider, the JDK's StAX: " + out);

        // spark-submit runs org.apache.spark.deploy.SparkSubmit with the flags of Spark's launcher; the master is its.
        Path submitted = tmp.resolve("submitted");
        List<String> submit = new ArrayList<>(List.of("java", "-Xmx1g"));
        submit.addAll(List.of(System.getProperty("papergraph.spark.opens", SPARK_OPENS).split(" ")));
        submit.addAll(List.of("-cp", jar.toString(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--class", "org.papergraph.spark.SparkMain", jar.toString(), "convert", "--split-mb", "0.1", "--time", TIME,
                "-o", submitted.toString()));
        submit.addAll(inputs);
        out = run(submit);
        assertTrue(out.contains("converted into " + submitted), out);

        List<Path> a = ShardFolder.shards(local), b = ShardFolder.shards(submitted);
        assertEquals(a.stream().map(Path::getFileName).toList(), b.stream().map(Path::getFileName).toList());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());

        Path converted = tmp.resolve("convert.nq.gz");
        new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE)
                .convert(inputs.stream().map(Path::of).toList(), null, converted);
        assertEquals(SparkConvertTest.lines(converted), SparkConvertTest.lines(a.toArray(new Path[0])));
    }

    static final String SPARK_OPENS = "-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED "
            + "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
            + "--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED "
            + "--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED "
            + "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED "
            + "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED "
            + "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED "
            + "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED "
            + "-Dio.netty.tryReflectionSetAccessible=true";

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        assertTrue(status == 0 || status == 1, "exit " + status + " from " + String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
