package org.papergraph.spark;

import java.io.Serializable;

import org.apache.jena.graph.NodeFactory;
import org.papergraph.source.PaperMatch;

/**
 * What the second pass must do differently with one record: drop it as a second record of a graph already written,
 * or apply one resolution link to its paper ({@code ref == -1}) or to one of its references.
 */
final class Directive implements Serializable {
    private static final long serialVersionUID = 1L;

    int seq;
    boolean duplicate;
    int ref;
    String paper, rule, value;
    double score;

    Directive() {}

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
        return d;
    }

    PaperMatch match() { return new PaperMatch(NodeFactory.createURI(paper), rule, score, value); }
}
