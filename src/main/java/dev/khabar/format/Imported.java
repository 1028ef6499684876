package dev.khabar.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleState;
import dev.khabar.article.Byline;
import dev.khabar.article.CategoryRef;
import dev.khabar.article.FieldError;
import dev.khabar.article.Image;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.Section;
import dev.khabar.text.Languages;

/**
 * An article read from an import format (text layout, Markdown, ninjs), before it is checked and stored: its fields,
 * where each came from ({@code lines} for text and Markdown, {@code sources}, JSON pointers into the document, for
 * ninjs), and what the reader repaired or ignored. {@code language} is null when the document does not name one.
 */
public record Imported(String language, String slug, CategoryRef category, String title, String subtitle, String lead,
        List<Section> sections, String closing, List<String> tags, List<Byline> authors, Image image,
        Map<String, Integer> lines, Map<String, String> sources, List<ImportWarning> warnings) {

    /** The article input this import stands for, in workflow state {@code state}. */
    public ArticleContent content(ArticleState state) {
        return new ArticleContent(slug, language, state, category, title, subtitle, lead, sections, closing, tags,
                authors, image, null, null, null);
    }

    /**
     * Settles the language: {@code requested} (the {@code ?lang=} of the request) wins over the document's own; without
     * either, Arabic script in the title means {@code ar}; else the import is refused, naming the title's line.
     */
    public Imported withLanguage(Optional<String> requested) {
        List<ImportWarning> notes = new ArrayList<>(warnings);
        String chosen;
        if (requested.isPresent()) {
            chosen = requested.get();
            if (language != null && !language.isBlank() && !language.equalsIgnoreCase(chosen)) {
                notes.add(warning("/language", "The document names the language '" + language + "'; ?lang=" + chosen
                        + " replaces it."));
            }
        } else if (language != null && !language.isBlank()) {
            chosen = language;
        } else if (title != null && Languages.hasArabicScript(title)) {
            chosen = "ar";
            notes.add(warning("/title", "No language given: 'ar' taken from the Arabic script of the title."));
        } else {
            FieldError error = new FieldError("/language",
                    "The language cannot be told from the text: give it as ?lang= (a BCP 47 tag such as en).",
                    lines.get("/title"));
            throw locate(new InvalidArticleException(List.of(error)));
        }
        notes.sort(Comparator.comparing(ImportWarning::line, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Imported(chosen, slug, category, title, subtitle, lead, sections, closing, tags, authors, image, lines,
                sources, List.copyOf(notes));
    }

    /** A warning about the field at {@code pointer} (of the article), placed where that field came from. */
    private ImportWarning warning(String pointer, String message) {
        Integer line = lines.get(pointer);
        return line != null || sources.isEmpty() ? new ImportWarning(line, null, message)
                : ImportWarning.at(sources.getOrDefault(pointer, pointer), message);
    }

    /**
     * The errors of {@code e}, placed in the imported document: for ninjs, each article pointer becomes the pointer of
     * the member it came from (the nearest one that is known, the article field then named in the detail). Text and
     * Markdown errors carry their line already.
     */
    public InvalidArticleException locate(InvalidArticleException e) {
        if (sources.isEmpty()) {
            return e;
        }
        List<FieldError> located = new ArrayList<>();
        for (FieldError error : e.errors()) {
            String source = sources.get(error.pointer());
            if (source != null) {
                located.add(new FieldError(source, error.detail()));
                continue;
            }
            String p = error.pointer();
            while (!p.isEmpty() && source == null) {
                p = p.substring(0, p.lastIndexOf('/'));
                source = sources.get(p);
            }
            located.add(source == null ? error : new FieldError(source, error.pointer() + ": " + error.detail()));
        }
        return new InvalidArticleException(located);
    }
}
