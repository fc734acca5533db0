package org.papergraph.serve.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.NotFoundView;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.Segment;

/** The compiled templates escape every value they write, in text and in attributes, and refuse values in scripts. */
class TemplatesTest {
    @Test
    void valuesAreEscapedInTextAndAttributes() {
        String html = Templates.render("notfound.jte", new NotFoundView(new Page("./", "<b>\"x\"</b>", "a\" onmouseover=\"b"), "<script>"));
        assertTrue(html.contains("<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt; · papergraph</title>"), html);
        assertTrue(html.contains("value=\"a&quot; onmouseover=&quot;b\""), html);
        assertTrue(html.contains("<p>&lt;script&gt;. Try the search box above.</p>"), html);
    }

    @Test
    void partsRenderInlineWithoutAddedWhitespace() {
        assertEquals("<a href=\"x?a=1&amp;b=2\">R&amp;D</a>", Templates.render("part/link.jte", new Link("x?a=1&b=2", "R&D")));
        assertEquals("a &lt; b", Templates.render("part/link.jte", Link.text("a < b")));
        assertEquals("We use <a class=\"mention method\" title=\"Method: FixNet\" href=\"m\">FixNet</a><mark class=\"mention task\">.</mark>",
                Templates.render("part/segments.jte", List.of(new Segment("We use ", null, null, null),
                        new Segment("FixNet", "mention method", "Method: FixNet", "m"), new Segment(".", "mention task", null, null))));
    }

    @Test
    void aValueInsideAScriptIsRefused() {
        Templates.Escaping out = new Templates.Escaping(new StringOutput());
        out.setContext("script", null);
        assertThrows(IllegalStateException.class, () -> out.writeUserContent("alert(1)"));
        out.setContext("script", "src");
        out.writeUserContent("static/explorer.js");
    }
}
