package org.papergraph.extract.text;

/**
 * One token of a field: its text and its UTF-16 offsets into that field ({@code field.substring(start, end)} is
 * {@code text}). {@code lower} is the lower-cased text, {@code key} its {@link Tokenizer#key}: letters and digits
 * lower-cased, and every {@code +}, which makes another name (the form dictionaries match on, so
 * "ResNet-50" and "resnet50" meet, and "GNN++" and "GNN" do not).
 */
public record Token(String text, int start, int end, String lower, String key) {
    /**
     * True when the token has no letter or digit (punctuation, a "+" among it). A token with a letter or digit starts
     * with one (the tokenizer makes any other character a token of its own), and so does its key.
     */
    public boolean isPunct() { return key.isEmpty() || !Character.isLetterOrDigit(key.charAt(0)); }
}
