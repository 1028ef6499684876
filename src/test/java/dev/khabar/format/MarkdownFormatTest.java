package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.khabar.article.ArticleState;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Section;
import dev.khabar.article.api.ArticleView;

class MarkdownFormatTest {

    @Test
    void writesFrontMatterThenTheBody() {
        assertEquals("""
                ---
                language: en
                category: Politics
                slug: moscow-urges-baku
                tags:
                  - Russia
                  - Azerbaijan
                authors:
                  - Layla Hassan
                ---

                # Moscow urges Baku to restore ties

                **A diplomatic row deepens**

                Relations between Russia and Azerbaijan have deteriorated.

                ## The appeal

                - The ministry urged Baku to restore ties.
                - It spoke of \u201cstrategic cooperation\u201d.

                The future depends on both capitals.
                """, MarkdownFormat.render(Articles.english()));
    }

    @Test
    void arabicSeedWithImageAndBylinesReadsBackUnchanged() {
        ArticleView arabic = Articles.arabic();
        String markdown = MarkdownFormat.render(arabic);

        Imported back = MarkdownFormat.parse(markdown);

        assertEquals(Contents.of(arabic, ArticleState.PUBLISHED, false), back.content(ArticleState.PUBLISHED));
        assertEquals(List.of(), back.warnings());
        assertEquals(markdown, MarkdownFormat.render(arabic));
        assertEquals(Integer.valueOf(20), back.lines().get("/title"));
        assertEquals(Integer.valueOf(28), back.lines().get("/sections/0/bullets/0"));
    }

    @Test
    void markupCharactersAreEscapedAndReadBackAsWritten() {
        ArticleView tricky = Articles.with(Articles.english(), "# Not *bold* or _it_ [link](x) <b> & | ~ `code` \\ #",
                "- not a bullet **", "1. not a numbered item", List.of(new Section("## heading #",
                        List.of("+ plus", "2) two", "=== rule", "*", "a\\*b"))), "--- closing");

        String markdown = MarkdownFormat.render(tricky);

        assertEquals("# \\# Not \\*bold\\* or \\_it\\_ \\[link\\](x) \\<b\\> \\& \\| \\~ \\`code\\` \\\\ \\#",
                markdown.lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow());
        assertEquals("**\\- not a bullet \\*\\***", markdown.lines().filter(l -> l.startsWith("**")).findFirst().orElseThrow());
        assertEquals(Contents.of(tricky, ArticleState.DRAFT, false),
                MarkdownFormat.parse(markdown).content(ArticleState.DRAFT));
    }

    @Test
    void frontMatterValuesYamlWouldMisreadAreQuoted() {
        ArticleView odd = new ArticleView(Articles.english().id(), "2026", "en", "ltr", ArticleState.DRAFT,
                new dev.khabar.article.CategoryRef("x", "News: \"World\" #1"), "T", "", "", List.of(), "",
                List.of("true", "- dash", " padded "), List.of(), null, null, Articles.CREATED, Articles.UPDATED, 1, 1, 1, null);

        String markdown = MarkdownFormat.render(odd);

        assertEquals(true, markdown.contains("category: \"News: \\\"World\\\" #1\"\nslug: \"2026\"\ntags:\n  - \"true\"\n"
                + "  - \"- dash\"\n  - \" padded \"\n"), markdown);
        assertEquals(Contents.of(odd, ArticleState.DRAFT, false), MarkdownFormat.parse(markdown).content(ArticleState.DRAFT));
    }

    @Test
    void handWrittenMarkdownIsRepairedWithWarnings() {
        String markdown = """
                ---
                category: Politics
                lang: en
                tags: [Russia, "Azerbaijan, Baku"]
                draft: true
                ---
                # Talks resume

                A subtitle without bold

                The lead paragraph
                goes on here.

                ### First heading
                * one
                + two
                1. three
                   continued

                Closing words.
                """;

        Imported imported = MarkdownFormat.parse(markdown);

        assertEquals("en", imported.language());
        assertEquals(List.of("Russia", "Azerbaijan, Baku"), imported.tags());
        assertEquals("A subtitle without bold", imported.subtitle());
        assertEquals("The lead paragraph goes on here.", imported.lead());
        assertEquals(List.of(new Section("First heading", List.of("one", "two", "three continued"))), imported.sections());
        assertEquals("Closing words.", imported.closing());
        assertEquals(List.of(
                ImportWarning.atLine(5, "Front matter key 'draft' ignored."),
                ImportWarning.atLine(9, "A paragraph read as the subtitle (the writer marks it bold: '**subtitle**')."),
                ImportWarning.atLine(12, "Line joined to the paragraph of line 11."),
                ImportWarning.atLine(14, "Heading level 3 read as a section heading ('## ')."),
                ImportWarning.atLine(15, "Bullet mark '*' read as '- '."),
                ImportWarning.atLine(16, "Bullet mark '+' read as '- '."),
                ImportWarning.atLine(17, "Numbered item read as a bullet."),
                ImportWarning.atLine(18, "Line joined to the bullet of line 17.")),
                imported.warnings());
    }

    @Test
    void languageComesFromLangThenFrontMatterThenArabicScript() {
        String english = "---\ncategory: Politics\nlanguage: en\n---\n# Title\n";
        assertEquals("fr", MarkdownFormat.parse(english).withLanguage(Optional.of("fr")).language());
        assertEquals("en", MarkdownFormat.parse(english).withLanguage(Optional.empty()).language());
        assertEquals("ar", MarkdownFormat.parse("---\ncategory: اخبار\n---\n# عنوان\n").withLanguage(Optional.empty())
                .language());
        InvalidArticleException e = assertThrows(InvalidArticleException.class,
                () -> MarkdownFormat.parse("---\ncategory: Politics\n---\n\n# Title\n").withLanguage(Optional.empty()));
        assertEquals(new FieldError("/language",
                "The language cannot be told from the text: give it as ?lang= (a BCP 47 tag such as en).", 5),
                e.errors().get(0));
    }

    @Test
    void errorsNameTheLine() {
        String front = "---\ncategory: Politics\n---\n";
        assertLayoutError(4, "Expected the title", front + "Just a paragraph\n");
        assertLayoutError(6, "A section heading must be followed by bullet lines",
                front + "# T\n\n## Heading\n\n## Another\n- b\n");
        assertLayoutError(9, "Only the closing paragraph may follow",
                front + "# T\n\n## H\n- b\n\nStray paragraph\n\n## H2\n- c\n");
        assertLayoutError(6, "A bullet before the first section heading", front + "# T\n\n- b\n");
        assertLayoutError(3, "The front matter is not closed", "---\ncategory: Politics\n");
        assertLayoutError(1, "The category is missing", "# T\n");
        assertLayoutError(6, "A second title", front + "# T\n\n# T2\n");
        assertLayoutError(10, "Too many paragraphs before the first section",
                front + "# T\n\n**S**\n\nLead\n\nMore\n\n## H\n- b\n");
    }

    private static void assertLayoutError(int line, String start, String markdown) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> MarkdownFormat.parse(markdown));
        FieldError error = e.errors().get(0);
        assertEquals("", error.pointer());
        assertEquals(Integer.valueOf(line), error.line(), error.detail());
        assertEquals(true, error.detail().startsWith(start), error.detail());
    }
}
