package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;

class HtmlFormatTest {

    @Test
    void writesASemanticFragment() {
        assertEquals("""
                <article lang="en" dir="ltr">
                <header>
                <h1>Moscow urges Baku to restore ties</h1>
                <p class="subtitle">A diplomatic row deepens</p>
                </header>
                <p class="lead">Relations between Russia and Azerbaijan have deteriorated.</p>
                <section>
                <h2>The appeal</h2>
                <ul>
                <li>The ministry urged Baku to restore ties.</li>
                <li>It spoke of \u201cstrategic cooperation\u201d.</li>
                </ul>
                </section>
                <p class="closing">The future depends on both capitals.</p>
                </article>
                """, HtmlFormat.render(Articles.english()));
    }

    @Test
    void escapesEveryPieceOfText() {
        ArticleView a = Articles.with(Articles.english(), "<script>alert(\"x\")</script> & 'quotes'", "a > b", "",
                List.of(new Section("<h2>", List.of("&amp; stays text"))), "");

        String html = HtmlFormat.render(a);

        assertEquals(true, html.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</h1>"),
                html);
        assertEquals(true, html.contains("<p class=\"subtitle\">a &gt; b</p>"), html);
        assertEquals(true, html.contains("<h2>&lt;h2&gt;</h2>\n<ul>\n<li>&amp;amp; stays text</li>"), html);
        assertEquals(false, html.contains("class=\"lead\"") || html.contains("class=\"closing\""), html);
        wellFormed(html);
    }

    @Test
    void isolatesRunsInTheOtherDirection() {
        assertEquals("أعلنت شركة <bdi>Apple Inc</bdi>. عن هاتف <bdi>iPhone</bdi> 15 الجديد (<bdi>A &amp; B</bdi>)",
                HtmlFormat.text("أعلنت شركة Apple Inc. عن هاتف iPhone 15 الجديد (A & B)", true));
        assertEquals("The word <bdi>سلام</bdi>, peace, and <bdi>خبر</bdi> ١٢.",
                HtmlFormat.text("The word سلام, peace, and خبر ١٢.", false));
        assertEquals("<bdi>BBC</bdi>", HtmlFormat.text("BBC", true));
        assertEquals("2020 - ٢٠٢٠", HtmlFormat.text("2020 - ٢٠٢٠", true));
    }

    @Test
    void arabicSeedIsWellFormedXhtmlAndReadsBack() {
        ArticleView arabic = Articles.arabic();
        String html = HtmlFormat.render(arabic);

        wellFormed(html);
        assertEquals(true, html.startsWith("<article lang=\"ar\" dir=\"rtl\">\n<header>\n<h1>تصاعد الأزمة"), html);
        assertEquals(new HtmlFormat.Body(arabic.title(), arabic.subtitle(), arabic.lead(), arabic.sections(),
                arabic.closing()), HtmlFormat.parse(html));
    }

    @Test
    void readsPrettyPrintedAndUnclassedXhtml() {
        HtmlFormat.Body body = HtmlFormat.parse("""
                <div><h1>Title <em>here</em></h1>
                  <p>The lead
                     paragraph.</p>
                  <h2>Heading</h2>
                  <ul><li>one <bdi>BBC</bdi></li><li>two</li></ul>
                  <p>Closing.</p></div>""");

        assertEquals(new HtmlFormat.Body("Title here", null, "The lead paragraph.",
                List.of(new Section("Heading", List.of("one BBC", "two"))), "Closing."), body);
    }

    @Test
    void refusesWhatIsNotWellFormed() {
        HtmlFormat.XhtmlException e = assertThrows(HtmlFormat.XhtmlException.class,
                () -> HtmlFormat.parse("<p>one\n<p>two</p>"));
        assertEquals(true, e.getMessage().startsWith("is not well-formed XHTML (line 2"), e.getMessage());
        assertThrows(HtmlFormat.XhtmlException.class,
                () -> HtmlFormat.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>"));
    }

    static Document wellFormed(String xhtml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xhtml, e);
        }
    }
}
