package dev.khabar.format;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Something an import repaired or ignored: where (a line of text or Markdown, or a JSON pointer into ninjs) and what. */
@Schema(name = "ImportWarning", description = "Something the importer repaired or ignored. `line` for text and "
        + "Markdown, `pointer` (RFC 6901, into the ninjs document) for ninjs.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportWarning(
        @Schema(description = "1-based line of the text or Markdown.", examples = "7") Integer line,
        @Schema(description = "JSON Pointer into the ninjs document.", examples = "/people") String pointer,
        @Schema(description = "What was repaired or ignored.",
                examples = "Bullet mark '•' read as '- '.") String message) {

    public static ImportWarning atLine(int line, String message) {
        return new ImportWarning(line, null, message);
    }

    public static ImportWarning at(String pointer, String message) {
        return new ImportWarning(null, pointer, message);
    }
}
