package org.papergraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;
import org.papergraph.vocab.PG;

/**
 * Links a paper's code repositories to the method it proposes, where the text makes it clear:
 * <ul>
 *   <li>{@code repository-name}: the repository is named after a method the title or abstract names ("EEEA-Net" and
 *       github.com/chakkritte/EEEA-Net; "SDA" and ryime/PDSG-SDA, where the name is one of the repository name's
 *       parts); confidence 0.9 for the whole name, 0.8 for a part;</li>
 *   <li>{@code sole-proposed-method}: no repository is named after a method, the paper proposes exactly one method
 *       ({@code role} proposed, as in the mentions) and a sentence says its code is available or links a
 *       repository; confidence 0.6.</li>
 * </ul>
 * Each link is {@code repo pg:implements method} plus a {@code pg:ImplementationLink} evidence node (repository,
 * method, rule, sentence, confidence, extractor). Records without a code link cost nothing: the text is tagged only
 * when there is a repository to link. Stateless over shared immutable models; safe from many threads.
 */
public final class ImplementationExtractor implements Extractor {
    public static final String NAME = "implementations";
    static final String BY_NAME = "repository-name", SOLE_METHOD = "sole-proposed-method";

    /** A sentence that says the code is out: "Code is available at ...", "our source code is publicly available". */
    private static final Pattern CODE_AVAILABLE = Pattern.compile(
            "(?i)\\b(?:code|codes|implementation|source)\\b[^.]{0,60}?\\b(?:available|released|open[- ]?sourced?)\\b");

    private final Iris iris;
    private final EntityFinder finder;
    private final EntityResolver resolver;

    public ImplementationExtractor(Iris iris) { this(iris, ExtractionModels.shipped()); }

    public ImplementationExtractor(Iris iris, ExtractionModels models) {
        this.iris = iris;
        this.finder = new EntityFinder(models);
        this.resolver = new EntityResolver(models.lexicon());
    }

    @Override
    public String name() { return NAME; }

    /** A method the paper names: canonical name, whether the paper proposes it, and the sentence it is in. */
    record Named(String canonical, String surface, boolean proposed, String sentence) {}

    /** One link: repository URL, method canonical name, rule, confidence, evidence sentence. */
    record Link(String repository, String method, String rule, double confidence, String sentence) {}

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Set<String> repos = CodeLinkExtractor.repositories(r);
        if (repos.isEmpty()) return;
        List<Link> links = links(repos, methods(r.title(), EntityFinder.Field.TITLE), methods(r.abstractText(), EntityFinder.Field.ABSTRACT),
                r.abstractText());
        if (links.isEmpty()) return;
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        Node by = iris.extractor(NAME);
        for (Link l : links) {
            Node repo = Iris.repository(l.repository());
            Node method = iris.method(l.method());
            q.add(repo, PG.implementsMethod, method);
            Node n = iris.implementationLink(paper.getURI(), l.repository(), l.method());
            q.add(paper, PG.hasImplementationLink, n);
            q.add(n, RDF.type.asNode(), PG.ImplementationLink);
            q.add(n, PG.repository, repo);
            q.add(n, PG.implementedMethod, method);
            q.literal(n, PG.linkRule, l.rule());
            q.literal(n, PG.confidence, EntityExtractor.decimal(l.confidence()), XSDDatatype.XSDdecimal);
            if (l.sentence() != null) q.literal(n, PG.sentence, l.sentence());
            q.add(n, PG.extractedBy, by);
        }
    }

    /** The methods {@code text} names, as the entity extractor keeps them. */
    List<Named> methods(String text, EntityFinder.Field field) {
        List<Named> out = new ArrayList<>();
        if (text == null) return out;
        List<EntityFinder.Found> found = finder.find(text, field);
        // A title's dataset short name ("MOROCO: The ... Corpus") names the dataset, not a method (as in the mentions).
        Set<String> datasetNames = new java.util.HashSet<>();
        for (EntityFinder.Found f : found) {
            if (field == EntityFinder.Field.TITLE && f.type() == EntityType.DATASET && f.entry() == null) {
                String name = TitleDatasets.shortName(text, f.start(), f.end());
                if (name != null) datasetNames.add(name);
            }
        }
        for (EntityFinder.Found f : found) {
            if (f.type() != EntityType.METHOD || !f.shown() || genericWord(f, text)) continue;
            String surface = text.substring(f.start(), f.end());
            if (datasetNames.contains(surface)) continue;
            out.add(new Named(resolver.canonical(EntityType.METHOD, surface), surface,
                    MentionRole.PROPOSED.equals(EntityExtractor.role(f, text)), text.substring(f.sentenceStart(), f.sentenceEnd())));
        }
        return out;
    }

    /** An unknown one-word lower-case span ("algorithm") is a generic word, never what a repository implements. */
    private static boolean genericWord(EntityFinder.Found f, String text) {
        if (f.entry() != null) return false;
        String s = text.substring(f.start(), f.end());
        return s.length() < 2 || (s.indexOf(' ') < 0 && s.equals(s.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The links the rules make between {@code repos} and the methods of the title and the abstract. */
    static List<Link> links(Set<String> repos, List<Named> title, List<Named> abs, String abstractText) {
        List<Named> all = new ArrayList<>(title);
        all.addAll(abs);
        List<Link> out = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (String repo : repos) {
            List<Link> byName = byName(repo, all);
            if (byName.isEmpty()) unnamed.add(repo);
            out.addAll(byName);
        }
        if (unnamed.isEmpty()) return out;
        Map<String, Named> proposed = new LinkedHashMap<>();
        for (Named m : all) if (m.proposed()) proposed.putIfAbsent(Tokenizer.key(m.canonical()), m);
        String available = availability(abstractText);
        // The one proposed method must be a coined name ("ConstrINT", not "AE" or "a new approach") and, when the
        // title leads with a name of its own ("FlashRNN: ..."), be that name: a paper's repository is named after
        // its headline contribution, not a side one.
        Named lead = title.stream().filter(m -> m.proposed()).findFirst().orElse(null);
        if (proposed.size() == 1 && available != null) {
            Named m = proposed.values().iterator().next();
            if (!coined(m.surface()) || (lead != null && lead != m && !Tokenizer.key(lead.canonical()).equals(Tokenizer.key(m.canonical())))) return out;
            for (String repo : unnamed) out.add(new Link(repo, m.canonical(), SOLE_METHOD, 0.6, available));
        }
        return out;
    }

    /**
     * Methods the repository is named after: its whole name ("EEEA-Net"), or else one or more consecutive parts of
     * it split at {@code - _ .} ("SDA" in "PDSG-SDA"); names shorter than three letters or digits never match a part.
     */
    static List<Link> byName(String repo, List<Named> methods) {
        String name = repo.substring(repo.lastIndexOf('/') + 1);
        String whole = Tokenizer.key(name);
        List<Link> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Named m : methods) {
            if ((whole.equals(Tokenizer.key(m.canonical())) || whole.equals(Tokenizer.key(m.surface()))) && seen.add(m.canonical())) {
                out.add(new Link(repo, m.canonical(), BY_NAME, 0.9, m.sentence()));
            }
        }
        if (!out.isEmpty()) return out;
        String[] parts = name.split("[-_.]+");
        Set<String> runs = new java.util.HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < parts.length; j++) {
                sb.append(Tokenizer.key(parts[j]));
                if (j - i + 1 < parts.length) runs.add(sb.toString());
            }
        }
        Map<String, Named> parts2 = new LinkedHashMap<>();
        for (Named m : methods) {
            String k = Tokenizer.key(m.surface());
            if (k.length() >= 3 && runs.contains(k)) parts2.putIfAbsent(k, m);
        }
        // Only the longest matches: "BSP-Net" in BSP-NET-original, not also "BSP", the data structure it builds on.
        for (Map.Entry<String, Named> e : parts2.entrySet()) {
            boolean inLonger = parts2.keySet().stream().anyMatch(o -> o.length() > e.getKey().length() && o.contains(e.getKey()));
            if (!inLonger && seen.add(e.getValue().canonical())) out.add(new Link(repo, e.getValue().canonical(), BY_NAME, 0.8, e.getValue().sentence()));
        }
        return out;
    }

    /** Three or more letters and digits with a capital or a digit after the first character. */
    static boolean coined(String name) {
        if (Tokenizer.key(name).length() < 3) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
        }
        return false;
    }

    /** The first sentence of the abstract that says the code is available or links a repository, or null. */
    static String availability(String text) {
        if (text == null) return null;
        for (int[] s : Sentences.split(text)) {
            String sentence = text.substring(s[0], s[1]);
            if (CODE_AVAILABLE.matcher(sentence).find() || CodeLinkExtractor.REPO.matcher(sentence).find()) return sentence;
        }
        return null;
    }
}
