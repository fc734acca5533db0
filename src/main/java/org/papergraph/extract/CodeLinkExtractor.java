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
        // The matches of REPO.matcher(text).find(), in order, but the pattern is only tried where a match can start:
        // at most "https://www." (12 characters) before one of the hosts. Trying it at every position of every
        // abstract cost more than the rest of the extractor. Transparent bounds let \b see the text before a start.
        Matcher m = null;
        int from = 0;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int host = hostBefore(text, dot);
            if (host < 0) continue;
            if (m == null) m = REPO.matcher(text).useTransparentBounds(true);
            for (int start = Math.max(from, host - 12); start <= host; start++) {
                m.region(start, text.length());
                if (!m.lookingAt()) continue;
                from = m.end();
                String repo = m.group(3);
                while (repo.endsWith(".")) repo = repo.substring(0, repo.length() - 1);
                if (repo.endsWith(".git")) repo = repo.substring(0, repo.length() - 4);
                if (!repo.isEmpty()) {
                    into.add(Iris.normaliseRepositoryUrl("https://" + m.group(1).toLowerCase() + "/" + m.group(2) + "/" + repo));
                }
                break;
            }
        }
    }

    /** Where the host whose dot is at {@code dot} starts, when one of {@link #REPO}'s hosts is there (any case); else -1. */
    private static int hostBefore(String text, int dot) {
        if (text.regionMatches(true, dot - 6, "github.com", 0, 10) || text.regionMatches(true, dot - 6, "gitlab.com", 0, 10)) {
            return dot - 6;
        }
        return text.regionMatches(true, dot - 9, "bitbucket.org", 0, 13) ? dot - 9 : -1;
    }
}
