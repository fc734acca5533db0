package org.papergraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The named queries papergraph ships: every {@code queries/NAME.rq} on the classpath (the repository's
 * {@code queries/} folder, packaged into the jar). Loaded once; immutable and thread-safe afterwards.
 */
public final class QueryCatalog {
    /** Classpath folder of the named queries. */
    public static final String FOLDER = "queries";
    private final Map<String, StoredQuery> queries;

    private QueryCatalog(Map<String, StoredQuery> queries) {
        this.queries = Collections.unmodifiableMap(queries);
    }

    /** The queries on this class's classpath. */
    public static QueryCatalog classpath() {
        Map<String, StoredQuery> found = new TreeMap<>();
        try {
            // Every classpath root may hold a queries/ folder (test resources do too); the first holder of a name wins.
            List<URL> roots = Collections.list(QueryCatalog.class.getClassLoader().getResources(FOLDER));
            for (URL url : roots) {
                URI uri = url.toURI();
                Map<String, StoredQuery> here = new TreeMap<>();
                if (uri.getScheme().equals("jar")) {
                    // Inside the shaded jar the folder is a zip entry: list it through the zip file system.
                    FileSystem fs;
                    try {
                        fs = FileSystems.getFileSystem(uri);
                    } catch (FileSystemNotFoundException e) {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    }
                    readFolder(fs.getPath(FOLDER), here);
                } else {
                    readFolder(Path.of(uri), here);
                }
                here.forEach(found::putIfAbsent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled queries: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found.isEmpty()) throw new IllegalStateException("no " + FOLDER + "/*.rq on the classpath; the build packages them");
        return new QueryCatalog(found);
    }

    /** The queries in a folder of {@code .rq} files. */
    public static QueryCatalog folder(Path dir) {
        Map<String, StoredQuery> found = new TreeMap<>();
        try {
            readFolder(dir, found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list queries in " + dir + ": " + e.getMessage(), e);
        }
        return new QueryCatalog(found);
    }

    private static void readFolder(Path dir, Map<String, StoredQuery> into) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".rq")).forEach(files::add);
        }
        for (Path p : files) {
            String file = p.getFileName().toString();
            String name = file.substring(0, file.length() - 3);
            try (InputStream in = Files.newInputStream(p)) {
                into.put(name, StoredQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    /** Names, sorted. */
    public List<String> names() { return List.copyOf(queries.keySet()); }

    /** All queries, sorted by name. */
    public List<StoredQuery> all() { return List.copyOf(queries.values()); }

    public Optional<StoredQuery> get(String name) { return Optional.ofNullable(queries.get(name)); }

    /**
     * A query by name, or, when {@code nameOrFile} ends in {@code .rq} or names an existing file, that file.
     *
     * @throws QueryFailure when neither exists; the message lists the known names
     */
    public StoredQuery resolve(String nameOrFile) {
        StoredQuery q = queries.get(nameOrFile);
        if (q != null) return q;
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try {
                return StoredQuery.parse(nameOrFile, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new QueryFailure("cannot read query file " + file + ": " + e.getMessage());
            }
        }
        if (nameOrFile.endsWith(".rq")) throw new QueryFailure("no such query file: " + file);
        throw new QueryFailure("unknown query '" + nameOrFile + "'; known: " + String.join(", ", names())
                + " (or give a path to a .rq file)");
    }
}
