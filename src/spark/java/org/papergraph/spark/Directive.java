package org.papergraph.spark;

import java.io.Serializable;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.jena.graph.NodeFactory;
import org.papergraph.source.PaperMatch;

/**
 * What the second pass must do differently with one record: drop it as a second record of a graph already written,
 * or apply one resolution link to its paper ({@code ref == -1}) or to one of its references. One per link: Kryo
 * writes them field by field as written here ({@link KryoSerializable}).
 */
final class Directive implements Serializable, KryoSerializable {
    private static final long serialVersionUID = 1L;

    int seq;
    boolean duplicate;
    int ref;
    String paper, rule, value;
    /** The paper an untrusted reference identifier names ({@link PaperMatch#conflicting}), or null. */
    String conflicting;
    double score;

    Directive() {}

    @Override
    public void write(Kryo kryo, Output out) {
        out.writeVarInt(seq, true);
        out.writeBoolean(duplicate);
        out.writeVarInt(ref, false);
        out.writeString(paper);
        out.writeString(rule);
        out.writeString(value);
        out.writeString(conflicting);
        out.writeDouble(score);
    }

    @Override
    public void read(Kryo kryo, Input in) {
        seq = in.readVarInt(true);
        duplicate = in.readBoolean();
        ref = in.readVarInt(false);
        paper = in.readString();
        rule = in.readString();
        value = in.readString();
        conflicting = in.readString();
        score = in.readDouble();
    }

    static Directive duplicate(int seq) {
        Directive d = new Directive();
        d.seq = seq;
        d.duplicate = true;
        return d;
    }

    static Directive link(int seq, int ref, PaperMatch m) {
        Directive d = new Directive();
        d.seq = seq;
        d.ref = ref;
        d.paper = m.paper().getURI();
        d.rule = m.rule();
        d.value = m.value();
        d.score = m.score();
        d.conflicting = m.conflicting() == null ? null : m.conflicting().getURI();
        return d;
    }

    PaperMatch match() {
        return new PaperMatch(NodeFactory.createURI(paper), rule, score, value,
                conflicting == null ? null : NodeFactory.createURI(conflicting));
    }
}
