package dev.khabar.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document: the body of every error this service returns. */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI reference identifying the problem type.", examples = "urn:khabar:problem:validation")
        String type,
        @Schema(description = "Short summary of the problem type.", examples = "The article is not valid")
        String title,
        @Schema(description = "HTTP status code.", examples = "400") int status,
        @Schema(description = "What went wrong this time, for a human.") String detail,
        @Schema(description = "The request path that produced the problem.", examples = "/api/v1/articles")
        String instance,
        @Schema(description = "For validation problems: every field or parameter at fault.") List<Problem.Error> errors,
        @Schema(description = "For conflicts on a slug: the slug asked for.") String slug,
        @Schema(description = "For a failed If-Match (412): the article's version now; its ETag is in the `ETag` "
                + "header.", examples = "7") Integer currentVersion) {

    /** One field at fault: a JSON Pointer into the body, or a query parameter; for imported text, also the line. */
    @Schema(name = "ProblemError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            @Schema(description = "JSON Pointer (RFC 6901) to the field in the request body.",
                    examples = "/sections/2/bullets/0") String pointer,
            @Schema(description = "Name of the query or path parameter at fault.", examples = "limit") String parameter,
            @Schema(description = "For imported text: the 1-based line the field came from.", examples = "7")
            Integer line,
            @Schema(description = "What is wrong with it.", examples = "size must be between 0 and 2000")
            String detail) {
    }
}
