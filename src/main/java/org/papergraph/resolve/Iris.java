package org.papergraph.resolve;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.lang3.StringUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;

/**
 * The one place where papergraph mints IRIs. Every IRI is a function of a stable key (arXiv id, DOI, ORCID,
 * normalised name or title) under a configurable base, so ingesting the same input twice gives the same IRIs.
 * Immutable and thread-safe.
 *
 * <p>Layout under the base ({@code https://papergraph.org/id/} by default):
 * <pre>
 *   paper/arxiv/{id}            paper/doi/{lower-cased doi}      paper/title/{slug}-{hash}
 *   person/orcid/{orcid}        person/{slug of name}
 *   method/{slug} dataset/{slug} task/{slug} metric/{slug}
 *   result/{hash}               mention/{hash}                     citation/{hash}      table/{hash}
 *   graph/{format}/{paper key}  graph/{format}/{paper key}/{record key}
 *   graph/meta                  graph/manual (server updates)      extractor/{name}
 *   paper/openalex/{id}         paper/s2/{id}                      paper/url/{hash}
 *   paper/pwc/{id}              graph/{format}/entity/{type}/{slug} (a record of an entity, no paper)
 * </pre>
 * Code repositories are identified by their normalised public URL ({@code https://github.com/owner/repo}).
 */
public final class Iris {
    /** Default base for minted IRIs. */
    public static final String DEFAULT_BASE = "https://papergraph.org/id/";
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ARXIV_VERSION = Pattern.compile("v\\d+$");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_HYPHENS = Pattern.compile("-+$");

    private final String base;

    public Iris(String base) {
        Objects.requireNonNull(base, "base");
        URI u = URI.create(base);
        if (!u.isAbsolute()) throw new IllegalArgumentException("IRI base must be an absolute IRI: " + base);
        this.base = base.endsWith("/") || base.endsWith("#") ? base : base + "/";
    }

    public static Iris defaults() { return new Iris(DEFAULT_BASE); }

    public String base() { return base; }

    // ---- papers

    /**
     * The key that identifies a paper record across runs: {@code arxiv/{id}}, {@code doi/{doi}} or
     * {@code title/{slug}-{hash}}, {@code openalex/{id}}, {@code s2/{id}}, {@code pwc/{id}} (Papers with Code) or {@code url/{hash}} (a paper known only by a link, as some
     * leaderboard rows name theirs), in that order of preference.
     */
    public static String paperKey(PaperRecord r) {
        if (r.arxivId() != null) return "arxiv/" + arxivBase(r.arxivId());
        if (r.doi() != null) return "doi/" + encode(normaliseDoi(r.doi()));
        if (r.title() != null) return titleKey(r.title());
        if (r.otherIds().containsKey("openalex")) return "openalex/" + encode(r.otherIds().get("openalex"));
        if (r.otherIds().containsKey("s2")) return "s2/" + encode(r.otherIds().get("s2"));
        if (r.otherIds().containsKey("pwc")) return "pwc/" + encode(r.otherIds().get("pwc"));
        if (r.otherIds().containsKey("url")) return "url/" + hash(r.otherIds().get("url").strip());
        throw new IllegalArgumentException("record has no arXiv id, DOI or title: " + r);
    }

    /** The paper a record describes: the IRI resolution chose, else the one minted from its key. */
    public Node paper(PaperRecord r) { return r.paperIri() != null ? r.paperIri() : iri("paper/" + paperKey(r)); }
    public Node paperByArxiv(String arxivId) { return iri("paper/arxiv/" + arxivBase(arxivId)); }
    public Node paperByDoi(String doi) { return iri("paper/doi/" + encode(normaliseDoi(doi))); }
    public Node paperByTitle(String title) { return iri("paper/" + titleKey(title)); }
    /** A paper known only by its OpenAlex work id ({@code W2741809807}). */
    public Node paperByOpenAlex(String id) { return iri("paper/openalex/" + encode(id.strip())); }
    /** A paper known only by its Semantic Scholar / S2ORC paper id. */
    public Node paperByS2(String id) { return iri("paper/s2/" + encode(id.strip())); }
    /** A paper known only by its Papers with Code id ({@code generative-adversarial-networks}). */
    public Node paperByPwc(String id) { return iri("paper/pwc/" + encode(id.strip())); }

    /**
     * The IRI a reference is minted under by its own key, in the order arXiv id, DOI, title, OpenAlex id, S2 id;
     * null when it has none. Resolution may later choose an existing paper instead.
     */
    public Node paperByReference(org.papergraph.source.Reference ref) {
        if (ref.arxivId() != null) return paperByArxiv(ref.arxivId());
        if (ref.doi() != null) return paperByDoi(ref.doi());
        if (ref.title() != null && !ref.title().isBlank()) return paperByTitle(ref.title());
        if (ref.otherIds().containsKey("openalex")) return paperByOpenAlex(ref.otherIds().get("openalex"));
        if (ref.otherIds().containsKey("s2")) return paperByS2(ref.otherIds().get("s2"));
        return null;
    }

    /**
     * Named graph holding what one source record says about one paper. Formats with several records per paper in
     * one file (a leaderboard row each) set {@link PaperRecord#recordKey()}, which becomes a last path segment,
     * so those records do not replace each other's graph.
     */
    public Node recordGraph(PaperRecord r) {
        if (!r.describesPaper() && !r.entities().isEmpty()) {
            // An entity record (a method or dataset entry naming no paper): one graph per entity name.
            org.papergraph.source.SourceEntity e = r.entities().get(0);
            return iri("graph/" + r.format() + "/entity/" + e.type().label() + "/" + entitySlug(e.name()));
        }
        String g = "graph/" + r.format() + "/" + paperKey(r);
        return iri(r.recordKey() == null ? g : g + "/" + encode(r.recordKey()));
    }
    /** Named graph holding the provenance of every record graph. */
    public Node metaGraph() { return iri("graph/meta"); }
    /**
     * Named graph holding each method, dataset, task and metric's type and labels once (ADR 0008): a record graph
     * that mentions an entity links to it, but does not state its declaration again.
     */
    public Node entitiesGraph() { return iri("graph/entities"); }
    /**
     * Named graph holding what identifies a cited paper, once (ADR 0024): its {@code rdf:type pg:Paper} and the
     * identifiers its reference gives (arXiv id, DOI, OpenAlex and Semantic Scholar ids). Every record citing a paper
     * says the same of it; the citation itself ({@code cito:cites}) and what a reference alone says (its title, year)
     * stay in the citing record's graph.
     */
    public Node citedGraph() { return iri("graph/cited"); }

    /** True for a method, dataset, task or metric IRI minted here. */
    public boolean isEntity(Node n) {
        if (!n.isURI()) return false;
        String u = n.getURI();
        if (!u.startsWith(base)) return false;
        return u.startsWith("method/", base.length()) || u.startsWith("dataset/", base.length())
                || u.startsWith("task/", base.length()) || u.startsWith("metric/", base.length());
    }
    /**
     * Named graph holding the leaderboard summaries (ADR 0009): for each dataset and metric, its best results. Derived
     * from the record graphs and rebuilt from them; nothing else is stated there.
     */
    public Node leaderboardsGraph() { return iri("graph/leaderboards"); }

    /**
     * The summary of one dataset's results under one metric: {@code leaderboard/{dataset}/{metric}} with the two
     * entities' slugs where both were minted here, else a hash of the two IRIs.
     */
    public Node leaderboard(Node dataset, Node metric) {
        String d = dataset.getURI(), m = metric.getURI();
        String dp = base + "dataset/", mp = base + "metric/";
        if (d.startsWith(dp) && m.startsWith(mp) && d.indexOf('/', dp.length()) < 0 && m.indexOf('/', mp.length()) < 0) {
            return iri("leaderboard/" + d.substring(dp.length()) + "/" + m.substring(mp.length()));
        }
        return iri("leaderboard/" + hash(d + "\u0001" + m));
    }

    /** Named graph receiving writes that a server client aims at the default graph (SPARQL Update, uploads). */
    public Node manualGraph() { return iri("graph/manual"); }
    public Node extractor(String name) { return iri("extractor/" + slug(name)); }

    /**
     * The set of extractors a run used ({@code pg:ExtractorSet}, ADR 0024), from their names and versions in the order
     * given: runs with the same extractors share it, a new version of one makes another. Under {@code extractor/},
     * with the extractors' own descriptions.
     */
    public Node extractorSet(List<String> namesAndVersions) {
        return iri("extractor/set-" + hash(String.join("\u0001", namesAndVersions)));
    }

    // ---- people and entities

    public Node person(String name, String orcid) {
        if (orcid != null && !orcid.isBlank()) return iri("person/orcid/" + encode(orcid.strip()));
        return iri("person/" + slug(name));
    }

    /**
     * One entry of a paper's author list: the paper IRI with a fragment for the position and the person, so two
     * sources that agree on an author share the node and two that disagree keep both.
     */
    public Node authorship(Node paper, int position, Node person) {
        return NodeFactory.createURI(paper.getURI() + "#author-" + position + "-" + hash(person.getURI()).substring(0, 8));
    }

    public Node method(String name) { return iri("method/" + entitySlug(name)); }
    public Node dataset(String name) { return iri("dataset/" + entitySlug(name)); }
    public Node task(String name) { return iri("task/" + entitySlug(name)); }
    public Node metric(String name) { return iri("metric/" + entitySlug(name)); }

    /** The IRI of the entity of kind {@code type} named {@code canonical}; never shared across kinds. */
    public Node entity(EntityType type, String canonical) {
        return switch (type) {
            case METHOD -> method(canonical);
            case DATASET -> dataset(canonical);
            case TASK -> task(canonical);
            case METRIC -> metric(canonical);
        };
    }
    /**
     * A short stable key for a record's content ({@link PaperRecord#recordKey()}): the same parts give the same
     * key in every run. Not an IRI by itself.
     */
    public static String contentKey(String... parts) { return hash(String.join("\u0001", parts)).substring(0, 16); }

    /** A table of a paper, by the paper and the table's key in it ({@code PaperTable#id}). */
    public Node table(Node paper, String tableId) { return iri("table/" + hash(paper.getURI() + "\u0001" + tableId)); }

    /** A benchmark result, keyed by everything that makes it the same result. */
    public Node result(String... parts) { return iri("result/" + hash(String.join("\u0001", parts))); }
    /** One citation from one paper to another, as a node that can carry its context sentences. */
    public Node citation(Node citing, Node cited) { return iri("citation/" + hash(citing.getURI() + "\u0001" + cited.getURI())); }

    /**
     * The audit node of one resolution link in a record graph: {@code {graph}#match-{what}}, {@code what} being
     * {@code paper} or {@code reference-{n}}. Lives and dies with its record graph.
     */
    public Node match(Node recordGraph, String what) { return NodeFactory.createURI(recordGraph.getURI() + "#match-" + what); }

    /** One occurrence of an entity in a paper's text. */
    public Node mention(String... parts) { return iri("mention/" + hash(String.join("\u0001", parts))); }

    /** The evidence node of one "repository implements method" link made from a paper's text. */
    public Node implementationLink(String... parts) { return iri("implementation/" + hash(String.join("\u0001", parts))); }

    /** A code repository: its URL, normalised (https, no trailing slash or .git, host lower-cased). */
    public static Node repository(String url) { return NodeFactory.createURI(normaliseRepositoryUrl(url)); }

    private Node iri(String path) { return NodeFactory.createURI(base + path); }

    // ---- keys

    /** arXiv id without its version suffix. */
    public static String arxivBase(String id) {
        String s = id.strip();
        if (s.regionMatches(true, 0, "arXiv:", 0, 6)) s = s.substring(6);
        // Called several times for every record and reference: the common case without a regular expression.
        // A line break at the end (which "$" may match before) takes the exact path.
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) < '\u0085') {
            int i = end;
            while (i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') i--;
            return i < end && i > 0 && s.charAt(i - 1) == 'v' ? s.substring(0, i - 1) : s;
        }
        return ARXIV_VERSION.matcher(s).replaceFirst("");
    }

    public static String normaliseDoi(String doi) {
        String d = doi.strip().toLowerCase(Locale.ROOT);
        for (String p : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
            if (d.startsWith(p)) d = d.substring(p.length());
        }
        return d;
    }

    public static String normaliseRepositoryUrl(String url) {
        String u = url.strip();
        while (u.endsWith("/") || u.endsWith(".") || u.endsWith(",") || u.endsWith(")")) u = u.substring(0, u.length() - 1);
        if (u.endsWith(".git")) u = u.substring(0, u.length() - 4);
        if (u.startsWith("http://")) u = "https://" + u.substring(7);
        if (!u.startsWith("https://")) u = "https://" + u;
        int slash = u.indexOf('/', 8);
        String host = slash < 0 ? u.substring(8) : u.substring(8, slash);
        String rest = slash < 0 ? "" : u.substring(slash);
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) host = host.substring(4);
        return "https://" + host + rest;
    }

    static String titleKey(String title) {
        String norm = normaliseTitle(title);
        String s = slug(norm);
        if (s.length() > 60) s = TRAILING_HYPHENS.matcher(s.substring(0, 60)).replaceAll("");
        return "title/" + s + "-" + hash(norm).substring(0, 10);
    }

    /** Title normalised for matching: accents stripped, lower case, punctuation and spacing folded. */
    public static String normaliseTitle(String title) {
        return slug(title).replace('-', ' ');
    }

    /**
     * Slug of an entity name with the hyphen between letters and digits dropped, so the spellings "ResNet-50",
     * "ResNet 50" and "ResNet50" (and "CIFAR-10", "CIFAR10") mint one IRI. A "+" makes another name
     * ({@link org.papergraph.extract.text.Tokenizer#key}) and is spelt out: "GNN++" is {@code gnn-plus-plus}, not
     * GNN's {@code gnn}.
     */
    public static String entitySlug(String name) {
        if (name.indexOf('+') >= 0) name = name.replace("+", " plus ");
        return LETTER_DIGIT_HYPHEN.matcher(slug(name)).replaceAll("");
    }

    private static final Pattern LETTER_DIGIT_HYPHEN = Pattern.compile("(?<=[a-z])-(?=[0-9])|(?<=[0-9])-(?=[a-z])");

    /**
     * Lower-case ASCII slug: every letter transliterated ({@link #transliterate}: "Łukasz Kaiser" gives
     * {@code lukasz-kaiser}, never {@code ukasz-kaiser}), every run of other characters one hyphen.
     */
    public static String slug(String s) {
        String n = asciiSlug(s);
        if (n == null) {
            n = transliterate(s).toLowerCase(Locale.ROOT);
            n = NON_ALNUM.matcher(n).replaceAll("-");
            n = EDGE_HYPHENS.matcher(n).replaceAll("");
        }
        if (n.isEmpty()) n = "x" + hash(s).substring(0, 12);
        return n;
    }

    /**
     * {@code s} in ASCII letters and digits where it had letters and digits, nothing dropped: compatibility forms
     * folded (NFKD: ligatures, full-width and superscript forms), accents stripped by commons-lang3's
     * {@link StringUtils#stripAccents} (which also turns Ł into L), the Latin letters that have no decomposition
     * spelled out (ß ss, æ ae, œ oe, ø o, đ d, ð d, þ th, ı i, ħ h), Greek and Cyrillic letters romanised (α alpha,
     * ж zh), and any other letter or digit (a CJK name) written as {@code u} and its code point in hex, one token
     * each, so two names in another script never mint the same slug. Other characters are left for the caller.
     */
    public static String transliterate(String s) {
        String n = StringUtils.stripAccents(Normalizer.normalize(s, Normalizer.Form.NFKD));
        StringBuilder sb = new StringBuilder(n.length() + 8);
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                sb.append((char) c);
                continue;
            }
            String t = LATIN.get(c);
            if (t == null) t = GREEK.get(Character.toLowerCase(c));
            if (t == null) t = CYRILLIC.get(Character.toLowerCase(c));
            if (t != null) {
                sb.append(t);
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(" u").append(Integer.toHexString(c)).append(' ');
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static final java.util.Map<Integer, String> LATIN = table(
            "ß", "ss", "ẞ", "SS", "Æ", "AE", "æ", "ae", "Œ", "OE", "œ", "oe", "Ø", "O", "ø", "o", "Đ", "D", "đ", "d",
            "Ð", "D", "ð", "d", "Þ", "TH", "þ", "th", "ı", "i", "Ħ", "H", "ħ", "h", "Ŀ", "L", "ŀ", "l", "Ł", "L", "ł", "l",
            "ĸ", "k", "ſ", "s", "Ŧ", "T", "ŧ", "t", "Ŋ", "NG", "ŋ", "ng", "ƒ", "f", "ǝ", "e", "ə", "e", "Ə", "E");
    private static final java.util.Map<Integer, String> GREEK = table(
            "α", "alpha", "β", "beta", "γ", "gamma", "δ", "delta", "ε", "epsilon", "ϵ", "epsilon", "ζ", "zeta", "η", "eta",
            "θ", "theta", "ϑ", "theta", "ι", "iota", "κ", "kappa", "λ", "lambda", "μ", "mu", "ν", "nu", "ξ", "xi",
            "ο", "omicron", "π", "pi", "ρ", "rho", "σ", "sigma", "ς", "sigma", "τ", "tau", "υ", "upsilon", "φ", "phi",
            "ϕ", "phi", "χ", "chi", "ψ", "psi", "ω", "omega");
    private static final java.util.Map<Integer, String> CYRILLIC = table(
            "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i", "й", "y",
            "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f",
            "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu",
            "я", "ya", "і", "i", "ї", "yi", "є", "ye", "ґ", "g");

    private static java.util.Map<Integer, String> table(String... pairs) {
        java.util.Map<Integer, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i].codePointAt(0), pairs[i + 1]);
        return java.util.Map.copyOf(m);
    }

    /**
     * {@link #slug} of an all-ASCII string in one pass (no decomposition, no marks, ASCII lower case), or null when
     * {@code s} has other characters. Names and titles are minted into IRIs several times a record.
     */
    private static String asciiSlug(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && sb.length() > 0) sb.append('-');
                gap = false;
                sb.append(c);
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /** Percent-encodes everything outside unreserved characters and slash. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                  .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    static String hash(String s) {
        // One digest per thread: looking a digest up per call cost as much as hashing (mention IRIs are minted
        // for every mention).
        byte[] d = SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(d, 0, 10);
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
