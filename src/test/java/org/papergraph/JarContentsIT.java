package org.papergraph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** {@code target/papergraph.jar}, the README's first command, stays free of Spark (which has its own jar, -Pspark). */
class JarContentsIT {
    @Test
    void thePapergraphJarHasNoSpark() throws Exception {
        Path jar = Path.of("target/papergraph.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package builds it");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("org/apache/spark/") || e.getName().startsWith("scala/")),
                    "Spark or Scala classes in papergraph.jar");
        }
        assertTrue(Files.size(jar) < 120L << 20, "papergraph.jar is " + Files.size(jar) + " bytes");
    }
}
