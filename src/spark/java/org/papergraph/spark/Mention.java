package org.papergraph.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.jena.graph.Node;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.source.SourcePosition;

/**
 * One paper named in the input, as resolution sees it: a record's own paper ({@code ref == -1}) or its reference
 * number {@code ref}. Carries what {@link PaperResolver} reads of a record or a reference, and the keys under which
 * it can meet other mentions: the IRIs its identifiers and title mint (hashed). Two mentions that share no key,
 * directly or through others (or through similar titles), cannot change each other's resolution.
 *
 * <p>Mentions are what resolution shuffles and caches (one per record and per reference), so Kryo writes them
 * field by field as written here ({@link KryoSerializable}), not through its reflective field serializer.
 */
final class Mention implements Serializable, KryoSerializable {
    private static final long serialVersionUID = 1L;

    /** The record: slice index in the high 32 bits, the record's number in the slice in the low ones. */
    long record;
    int ref;
    String arxiv, doi, title, published;
    String[] idSchemes, ids;
    Integer year;
    String[] authors;
    /** Hashes of the IRIs this mention could be or meet, sorted, distinct. */
    long[] keys;
    /** Its normalised title when long enough to match on, else null. */
    String matchTitle;

    Mention() {}

    @Override
    public void write(Kryo kryo, Output out) {
        out.writeLong(record);
        out.writeVarInt(ref, false);
        out.writeString(arxiv);
        out.writeString(doi);
        out.writeString(title);
        out.writeString(published);
        writeStrings(out, idSchemes);
        writeStrings(out, ids);
        out.writeBoolean(year != null);
        if (year != null) out.writeInt(year);
        writeStrings(out, authors);
        out.writeVarInt(keys.length, true);
        out.writeLongs(keys);
        out.writeString(matchTitle);
    }

    @Override
    public void read(Kryo kryo, Input in) {
        record = in.readLong();
        ref = in.readVarInt(false);
        arxiv = in.readString();
        doi = in.readString();
        title = in.readString();
        published = in.readString();
        idSchemes = readStrings(in);
        ids = readStrings(in);
        year = in.readBoolean() ? in.readInt() : null;
        authors = readStrings(in);
        keys = in.readLongs(in.readVarInt(true));
        matchTitle = in.readString();
    }

    /** An array of strings, null or not, as Kryo writes it in {@link #write}. */
    static void writeStrings(Output out, String[] a) {
        out.writeVarInt(a == null ? 0 : a.length + 1, true);
        if (a != null) for (String x : a) out.writeString(x);
    }

    static String[] readStrings(Input in) {
        int n = in.readVarInt(true);
        if (n == 0) return null;
        String[] a = new String[n - 1];
        for (int i = 0; i < a.length; i++) a[i] = in.readString();
        return a;
    }

    static long record(int slice, int seq) { return ((long) slice << 32) | (seq & 0xffffffffL); }

    int slice() { return (int) (record >>> 32); }

    int seq() { return (int) record; }

    /** The mention of a record's own paper. */
    static Mention ofPaper(long record, PaperRecord r, Iris iris, PaperResolver ownKeys) {
        Mention m = new Mention();
        m.record = record;
        m.ref = -1;
        m.arxiv = r.arxivId();
        m.doi = r.doi();
        m.title = r.title();
        m.published = r.published();
        m.setIds(r.otherIds());
        m.keys = keys(iris, ownKeys.ownIri(r), m.arxiv, m.doi, m.title, r.otherIds());
        m.setMatchTitle();
        return m;
    }

    /** The mention of reference {@code index} of a record; null when the reference has no key of its own. */
    static Mention ofReference(long record, int index, Reference ref, Iris iris) {
        Node own = iris.paperByReference(ref);
        if (own == null) return null;
        Mention m = new Mention();
        m.record = record;
        m.ref = index;
        m.arxiv = ref.arxivId();
        m.doi = ref.doi();
        m.title = ref.title();
        m.year = ref.year();
        m.authors = ref.authors().toArray(new String[0]);
        m.setIds(ref.otherIds());
        m.keys = keys(iris, own, m.arxiv, m.doi, m.title, ref.otherIds());
        m.setMatchTitle();
        return m;
    }

    private void setIds(Map<String, String> other) {
        idSchemes = other.keySet().toArray(new String[0]);
        ids = new String[idSchemes.length];
        for (int i = 0; i < ids.length; i++) ids[i] = other.get(idSchemes[i]);
    }

    private void setMatchTitle() {
        String t = title == null || title.isBlank() ? null : Iris.normaliseTitle(title);
        matchTitle = t != null && t.length() >= PaperResolver.MIN_TITLE_CHARS ? t : null;
    }

    private Map<String, String> otherIds() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idSchemes.length; i++) m.put(idSchemes[i], ids[i]);
        return m;
    }

    /** The record's identifying fields as a record again, for {@link PaperResolver#resolvePaper}. */
    PaperRecord paperRecord() {
        PaperRecord.Builder b = PaperRecord.builder("spark", SourcePosition.line("", 0))
                .arxivId(arxiv).doi(doi).title(title).published(published);
        for (int i = 0; i < idSchemes.length; i++) b.otherId(idSchemes[i], ids[i]);
        return b.build();
    }

    /** The reference again, for {@link PaperResolver#resolveReference} (without its context, which resolution never reads). */
    Reference reference() {
        return new Reference(title, year, doi, arxiv, otherIds(), authors == null ? List.of() : Arrays.asList(authors), null);
    }

    /** The key of a normalised title: the hash of the IRI it mints. */
    static long titleKey(Iris iris, String normalisedTitle) { return hash(iris.paperByTitle(normalisedTitle).getURI()); }

    private static long[] keys(Iris iris, Node own, String arxiv, String doi, String title, Map<String, String> other) {
        TreeSet<Long> k = new TreeSet<>();
        k.add(hash(own.getURI()));
        if (arxiv != null) k.add(hash(iris.paperByArxiv(arxiv).getURI()));
        if (doi != null) k.add(hash(iris.paperByDoi(doi).getURI()));
        if (title != null && !title.isBlank()) k.add(hash(iris.paperByTitle(title).getURI()));
        if (other.containsKey("openalex")) k.add(hash(iris.paperByOpenAlex(other.get("openalex")).getURI()));
        if (other.containsKey("s2")) k.add(hash(iris.paperByS2(other.get("s2")).getURI()));
        if (other.containsKey("pwc")) k.add(hash(iris.paperByPwc(other.get("pwc")).getURI()));
        long[] out = new long[k.size()];
        int i = 0;
        for (long x : k) out[i++] = x;
        return out;
    }

    /**
     * A 64-bit hash of a key. Two keys with one hash only put their papers in one group, which the resolver then
     * runs together: a collision costs time, never a wrong link.
     */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }
}
