package org.papergraph.extract;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.PG;

/**
 * Code links: repositories the source lists, plus GitHub, GitLab and Bitbucket repository URLs found in the title
 * or abstract. A link is cut to the repository ({@code host/owner/repo}); deeper paths (tree/main/...) are dropped.
 * A listed link the source calls the authors' own ({@link PaperRecord#officialCodeLinks()}) is also
 * {@code pg:officialCodeRepository}.
 */
public final class CodeLinkExtractor implements Extractor {
    /** host/owner/repo, with or without scheme; owner and repo as those hosts allow them. */
    static final Pattern REPO = Pattern.compile(
            "(?i)\\b(?:https?://)?(?:www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org)/([A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)/([A-Za-z0-9_.-]+)");

    @Override
    public String name() { return "code-links"; }

    private final Iris iris;

    public CodeLinkExtractor(Iris iris) { this.iris = iris; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Set<String> urls = repositories(r);
        if (urls.isEmpty()) return;
        Set<String> official = new LinkedHashSet<>();
        for (String link : r.officialCodeLinks()) official.add(repository(link));
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        for (String url : urls) {
            Node repo = Iris.repository(url);
            q.add(paper, PG.codeRepository, repo);
            q.add(repo, RDF.type.asNode(), PG.CodeRepository);
            if (official.contains(url)) q.add(paper, PG.officialCodeRepository, repo);
        }
    }

    /** The normalised repository URLs of a record: those its source lists, then those in its title and abstract. */
    static Set<String> repositories(PaperRecord r) {
        Set<String> urls = new LinkedHashSet<>();
        for (String link : r.codeLinks()) urls.add(repository(link));
        find(r.title(), urls);
        find(r.abstractText(), urls);
        return urls;
    }

    /** A listed link cut to its repository: links may point into one (tree/master/research/...). */
    private static String repository(String link) {
        Set<String> found = new LinkedHashSet<>();
        find(link, found);
        return found.isEmpty() ? Iris.normaliseRepositoryUrl(link) : found.iterator().next();
    }

    /** Adds the normalised repository URLs found in {@code text}. */
    static void find(String text, Set<String> into) {
        if (text == null) return;
        Matcher m = REPO.matcher(text);
        while (m.find()) {
            String repo = m.group(3);
            while (repo.endsWith(".")) repo = repo.substring(0, repo.length() - 1);
            if (repo.endsWith(".git")) repo = repo.substring(0, repo.length() - 4);
            if (repo.isEmpty()) continue;
            into.add(Iris.normaliseRepositoryUrl("https://" + m.group(1).toLowerCase() + "/" + m.group(2) + "/" + repo));
        }
    }
}
