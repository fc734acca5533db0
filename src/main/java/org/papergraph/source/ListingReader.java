package org.papergraph.source;

import java.io.IOException;
import java.util.regex.Pattern;
import java.io.InputStream;

/**
 * Reads a trending-papers listing: a page's text with chrome lines first ("Subscribe", dates), then for each paper
 * a title line, a blank line and one abstract paragraph.
 *
 * <p>The text is split into blocks at blank lines. A block that looks like an abstract (long, several sentences)
 * makes a paper together with the single-line block just before it, its title. Short blocks before the first paper
 * are page chrome and are skipped; after the first paper, a short block that no abstract follows is a title without
 * an abstract and is rejected, as is an abstract with no title line before it. A line that is not valid UTF-8 rejects
 * the record it belongs to. Positions are the title's line number.
 */
public final class ListingReader implements RecordReader {
    public static final String FORMAT = "listing";
    /** A block at least this long, or of at least {@link #ABSTRACT_MIN_WORDS} words, reads as an abstract. */
    static final int ABSTRACT_MIN_CHARS = 300;
    static final int ABSTRACT_MIN_WORDS = 40;
    /** A title line longer than this is not a title. */
    static final int TITLE_MAX_CHARS = 400;

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        String h = head.stripLeading();
        if (h.isEmpty() || h.startsWith("{") || h.startsWith("[") || h.startsWith("<")) return 0;
        // Plain prose in blank-line-separated paragraphs and no tab-separated columns (CoNLL, TSV): a weak claim,
        // below every structured format.
        if (!h.contains("\n\n") || h.contains("\t")) return 0;
        // Documentation and licences are prose too: Markdown headings, lists, tables or fences, or licence
        // boilerplate, are not a listing.
        // (Licence words only at the top: an abstract may well say "released under the MIT licence".)
        if (MARKDOWN.matcher(h).find() || LICENCE.matcher(h.substring(0, Math.min(h.length(), 1000))).find()) return 0;
        // A listing has a paper: a short title line, then after blank lines a long abstract line.
        return TITLE_THEN_ABSTRACT.matcher(h).find() ? 1 : 0;
    }

    private static final Pattern MARKDOWN = Pattern.compile("(?m)^(?:#{1,6} |```|\\|.*\\|\\s*$|[-*] \\S|> )");
    private static final Pattern LICENCE = Pattern.compile(
            "(?i)permission is hereby granted|copyright \\(c\\)|licensed under|provided \"as is\"|licen[cs]e\\b.{0,40}\\bversion \\d");
    private static final Pattern TITLE_THEN_ABSTRACT = Pattern.compile("(?m)^[^\\n]{3,300}\\n(?:[ \\t]*\\n)+[^\\n]*\\S [^\\n]{198,}");

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        Utf8Lines lines = new Utf8Lines(in);
        Block pending = null;   // a short block waiting to see whether an abstract follows
        boolean seenPaper = false;
        boolean badTitle = false;  // the last block was a broken title: its abstract belongs to the same rejected record
        Block block;
        while ((block = nextBlock(lines)) != null) {
            if (block.bad != null) {
                // A block with undecodable bytes is one broken record: the title or abstract it belongs to.
                if (pending != null) {
                    // the pending title's abstract is the bad block: one record, reported at the title's line
                    sink.reject(new RecordError(SourcePosition.line(file, pending.firstLine), block.bad));
                    badTitle = false;
                } else {
                    sink.reject(new RecordError(SourcePosition.line(file, block.firstLine), block.bad));
                    badTitle = true;
                }
                pending = null;
                seenPaper = true;
                continue;
            }
            boolean afterBadTitle = badTitle;
            badTitle = false;
            if (isAbstract(block) && afterBadTitle) {
                continue;
            }
            if (isAbstract(block)) {
                if (pending != null && pending.lineCount == 1 && pending.text.length() <= TITLE_MAX_CHARS) {
                    sink.accept(PaperRecord.builder(FORMAT, SourcePosition.line(file, pending.firstLine))
                            .title(pending.text)
                            .abstractText(block.text)
                            .build());
                    seenPaper = true;
                } else {
                    sink.reject(new RecordError(SourcePosition.line(file, block.firstLine),
                            "abstract paragraph with no title line before it"));
                    if (pending != null && seenPaper) {
                        sink.reject(new RecordError(SourcePosition.line(file, pending.firstLine), "title without an abstract"));
                    }
                }
                pending = null;
            } else {
                if (pending != null && seenPaper) {
                    sink.reject(new RecordError(SourcePosition.line(file, pending.firstLine), "title without an abstract"));
                }
                pending = block;
            }
        }
        if (pending != null && seenPaper) {
            sink.reject(new RecordError(SourcePosition.line(file, pending.firstLine), "title without an abstract (end of file)"));
        }
    }

    private static boolean isAbstract(Block b) {
        if (b.text.length() >= ABSTRACT_MIN_CHARS) return true;
        return b.text.split("\\s+").length >= ABSTRACT_MIN_WORDS;
    }

    private record Block(long firstLine, int lineCount, String text, String bad) {}

    private static Block nextBlock(Utf8Lines lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        long first = -1;
        int count = 0;
        String bad = null;
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            boolean blank = line.ok() && line.text().isBlank();
            if (blank) {
                if (count > 0) break;
                continue;
            }
            if (count == 0) first = line.number();
            if (!line.ok()) {
                if (bad == null) bad = line.error() + " at line " + line.number();
            } else {
                if (count > 0) sb.append('\n');
                sb.append(line.text());
            }
            count++;
        }
        if (count == 0) return null;
        return new Block(first, count, bad == null ? Text.clean(sb.toString()) : "", bad);
    }
}
