package org.papergraph.extract.text;

/**
 * One token of a field: its text and its UTF-16 offsets into that field ({@code field.substring(start, end)} is
 * {@code text}). {@code lower} is the lower-cased text, {@code key} the text lower-cased with everything but letters
 * and digits removed (the form dictionaries match on, so "ResNet-50" and "resnet50" meet).
 */
public record Token(String text, int start, int end, String lower, String key) {
    /** True when the token has no letter or digit (punctuation). */
    public boolean isPunct() { return key.isEmpty(); }
}
