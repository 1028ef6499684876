package dev.khabar.bulk.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.khabar.http.Problem;

/** One line of the answer to a bulk import: what became of one input line. */
@Schema(name = "BulkAnswer", description = "What became of one line of a bulk import (one such JSON object per line "
        + "of the answer, in input order). Written: `status` 201 (created) or 200 (updated, or `unchanged`), with `id` "
        + "and `version`. Refused: the `status` and `problem` a single-article request would have got.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkAnswer(
        @Schema(description = "The input line, 1-based (blank lines count but get no answer).", examples = "3") int line,
        @Schema(description = "201, 200, or the error status (400, 409, 413, 500, 503).", examples = "201") int status,
        @Schema(description = "The article written.", examples = "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10") UUID id,
        @Schema(description = "Its version now.", examples = "1") Integer version,
        @Schema(description = "true when the line matched the stored article and nothing was written.")
        Boolean unchanged,
        @Schema(description = "Why the line was refused (RFC 9457).", implementation = Problem.class) @JsonRawValue
        String problem) {
}
