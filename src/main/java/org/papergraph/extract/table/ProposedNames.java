package org.papergraph.extract.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.text.Tokenizer;

/**
 * The names a paper gives its own method, read from its title and abstract: the short name before a title's colon
 * or dash ("BoxE: A Box Embedding Model ..."), and a name the abstract introduces ("we propose X", "called X",
 * "the proposed X"). A table row with one of these names is the paper's own. Kept apart from the abstract result
 * rules, which are being rewritten; stateless.
 */
final class ProposedNames {
    private ProposedNames() {}

    private static final String NAME = "([A-Z][A-Za-z0-9]*(?:[A-Z0-9][A-Za-z0-9]*)(?:[-+][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9-]*)";
    private static final Pattern TITLE_HEAD = Pattern.compile("^\\s*([^:–—]{2,40}?)\\s*(?::|\\s[–—]\\s|\\s-\\s)");
    private static final Pattern INTRODUCED = Pattern.compile(
            "\\b(?:[Ww]e|[Tt]his (?:paper|work))\\s+(?:\\w+\\s+){0,2}?(?:propose|present|introduce|develop|design|call|name|term|dub|build|devise)\\w*\\b[^.;]{0,80}?\\b" + NAME + "\\b");
    private static final Pattern CALLED = Pattern.compile("\\b(?:called|named|dubbed|termed|coined|namely)\\s+(?:as\\s+)?" + NAME + "\\b");
    private static final Pattern OUR = Pattern.compile("\\b(?:[Tt]he proposed|[Oo]ur(?: proposed)?)\\s+" + NAME + "\\b");
    /** Words of the field that are no one method's name. */
    private static final Pattern GENERIC = Pattern.compile("^(?:CNN|RNN|LSTM|GAN|GNN|DNN|GPU|CPU|NLP|AI|ML|RL|SOTA|API|BERT|Transformer|ResNet|ImageNet)s?$");

    /** Characters of the body text (its introduction) searched for names. */
    static final int BODY_HEAD = 6000;

    /** The names, title's first, without duplicates (by key); may be empty. */
    static List<String> of(String title, String abstractText) { return of(title, abstractText, null); }

    /** As {@link #of(String, String)}, also reading the start of the body (where the introduction names the method). */
    static List<String> of(String title, String abstractText, String body) {
        List<String> out = new ArrayList<>();
        if (title != null) {
            Matcher m = TITLE_HEAD.matcher(title);
            if (m.find()) {
                String head = m.group(1).strip();
                // A name, not a phrase: a capital or digit past the first letter, and few words.
                String[] words = head.split("\\s+");
                if (words.length <= 3 && hasInnerCapitalOrDigit(head) || words.length == 1 && head.length() >= 3 && Character.isUpperCase(head.charAt(0))) add(out, head);
            }
        }
        String[] texts = {abstractText, body == null ? null : body.substring(0, Math.min(body.length(), BODY_HEAD))};
        for (String text : texts) {
            if (text == null) continue;
            for (Pattern p : List.of(CALLED, INTRODUCED, OUR)) {
                Matcher m = p.matcher(text);
                while (m.find()) add(out, m.group(1));
            }
        }
        // The short form the text gives a proposed name, or the whole title, in brackets after it: "We present
        // PyTorch-BigGraph (PBG)", "Parametric Contrastive Learning (PaCo)". Tables use the short form.
        List<String> longForms = new ArrayList<>(out);
        if (title != null && title.strip().length() >= 8) longForms.add(title.strip().replaceAll("[.\\s]+$", ""));
        for (String longForm : longForms) {
            Pattern shortForm = Pattern.compile("(?i:" + Pattern.quote(longForm) + ")\\s*\\(\\s*" + SHORT + "\\s*\\)");
            for (String text : texts) {
                if (text == null) continue;
                Matcher m = shortForm.matcher(text);
                if (m.find()) add(out, m.group(1));
            }
        }
        return out;
    }

    /** A short name: a capital, then letters, digits or dashes, with a second capital or a digit ("PBG", "PaCo"). */
    private static final String SHORT = "([A-Z](?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9-]{1,11})";

    private static final java.util.Set<String> SMALL = java.util.Set.of("for", "of", "and", "the", "a", "an", "with", "via",
            "to", "on", "in", "by", "from", "using", "towards", "toward", "at", "as");

    /**
     * Whether a row label is an acronym of the title's words ("NLSPN" for "Non-Local Spatial Propagation Network",
     * "PSMNet" for "Pyramid Stereo Matching Network"): its capitals, at least three, are the initials of consecutive
     * title words.
     */
    static boolean acronymOf(String label, String title) {
        if (title == null) return false;
        String first = label.strip().split("[\\s(\\[]+")[0];
        StringBuilder caps = new StringBuilder();
        for (char c : first.toCharArray()) if (Character.isUpperCase(c)) caps.append(c);
        if (caps.length() < 3 || caps.length() > 8) return false;
        StringBuilder initials = new StringBuilder();
        for (String w : title.split("[\\s\\-:]+")) {
            if (w.isEmpty() || SMALL.contains(w.toLowerCase(Locale.ROOT))) continue;
            char c = w.charAt(0);
            if (Character.isLetter(c)) initials.append(Character.toUpperCase(c));
        }
        return initials.indexOf(caps.toString()) >= 0;
    }

    /** The key of a label's last word after a space or "+" ("PaCo" of "ResNeXt-50 PaCo"); empty for a one-word label. */
    private static String lastWordKey(String label) {
        String s = label.strip();
        int cut = Math.max(s.lastIndexOf(' '), s.lastIndexOf('+'));
        for (int i = s.length() - 1; i > cut; i--) if (Character.isWhitespace(s.charAt(i))) cut = i;
        return cut < 0 ? "" : Tokenizer.key(s.substring(cut + 1));
    }

    private static boolean hasInnerCapitalOrDigit(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
        }
        return false;
    }

    private static void add(List<String> out, String name) {
        String n = name.strip();
        if (n.length() < 2 || GENERIC.matcher(n).matches()) return;
        if (n.toLowerCase(Locale.ROOT).equals(n)) return;
        String k = Tokenizer.key(n);
        for (String o : out) if (Tokenizer.key(o).equals(k)) return;
        out.add(n);
    }

    /**
     * Whether a row label names one of {@code names}: its key starts with the name's key ("BoxE(u)" for "BoxE"), or
     * its last word is the name, after the backbone it runs on ("ResNeXt-50 PaCo", "BERT-large + PaCo").
     */
    static boolean names(String label, List<String> names) {
        String k = Tokenizer.key(label);
        if (k.isEmpty()) return false;
        String last = null;
        for (String n : names) {
            String nk = Tokenizer.key(n);
            if (nk.length() >= 3 && (k.startsWith(nk) || (k.length() >= 4 && nk.startsWith(k) && k.length() * 2 >= nk.length()))) return true;
            if (nk.length() < 3) continue;
            if (last == null) last = lastWordKey(label);
            if (last.equals(nk)) return true;
        }
        return false;
    }
}
