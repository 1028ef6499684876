package dev.khabar.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | JSON",
            "'' | JSON",
            "*/* | JSON",
            "application/* | JSON",
            "application/json | JSON",
            "text/plain | TEXT",
            "text/* | TEXT",
            "text/markdown | MARKDOWN",
            "TEXT/Markdown; charset=UTF-8 | MARKDOWN",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML",
            "application/ld+json | JSONLD",
            "application/ninjs+json | NINJS",
            "application/json;q=0.5, text/markdown | MARKDOWN",
            "text/html;q=0.9, application/ld+json | JSONLD",
            "text/markdown, text/html | MARKDOWN",
            "text/html, text/markdown | HTML",
            "*/*;q=0.1, text/html;q=0 | JSON",
            "text/*;q=0.5, text/plain;q=0 | MARKDOWN",
            "image/png, */*;q=0.2 | JSON",
            "application/ninjs+json;q=0.3, application/json;q=0.2 | NINJS" })
    void picksTheMostPreferredTypeWeMake(String accept, Format expected) {
        assertEquals(Optional.of(expected), Format.preferred(accept));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "image/png", "application/json;q=0", "text/plain;q=abc", "application/xml, text/csv",
            "*/*;q=0" })
    void nothingAcceptableIsEmpty(String accept) {
        assertEquals(Optional.empty(), Format.preferred(accept));
    }
}
