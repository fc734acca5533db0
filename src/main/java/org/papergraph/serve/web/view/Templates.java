package org.papergraph.serve.web.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.output.StringOutput;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Renders the site's pages from the jte templates under {@code src/main/jte}, which the build compiles to classes
 * (package {@value #PACKAGE}), so no template compiler runs in the server. Every value a template writes with
 * {@code ${...}} is escaped ({@link Escaping}); the templates hold all of the pages' markup, the views in
 * {@link Views} only data. Thread-safe.
 */
public final class Templates {
    /** Where the jte Maven plugin puts the compiled templates (pom.xml names it too). */
    static final String PACKAGE = "org.papergraph.serve.web.template";
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    private Templates() {}

    /** The page {@code template} (a file name under src/main/jte, e.g. {@code paper.jte}) shows for {@code view}. */
    public static String render(String template, Object view) {
        StringOutput out = new StringOutput(16_384);
        ENGINE.render(template, view, new Escaping(out));
        return out.toString();
    }

    /**
     * Escapes what templates write from the data, in text and in (double-quoted) attribute values alike, with HTML 4
     * entities, as the site always has: markup in a title shows as text. Values inside a {@code <script>} or
     * {@code <style>} element are refused, since entities do not escape there; the templates write none.
     */
    static final class Escaping implements HtmlTemplateOutput {
        private final TemplateOutput out;
        private String tag;
        private String attribute;

        Escaping(TemplateOutput out) { this.out = out; }

        @Override
        public void setContext(String tagName, String attributeName) {
            tag = tagName;
            attribute = attributeName;
        }

        @Override
        public void writeUserContent(String value) {
            if (value == null) return;
            if (attribute == null && ("script".equals(tag) || "style".equals(tag))) {
                throw new IllegalStateException("a template writes a value inside <" + tag + ">, where HTML escaping does not protect it");
            }
            out.writeContent(StringEscapeUtils.escapeHtml4(value));
        }

        @Override
        public void writeContent(String value) { out.writeContent(value); }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) { out.writeContent(value, beginIndex, endIndex); }
    }
}
