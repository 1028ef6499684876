package dev.khabar.bulk.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.access.Requires;
import dev.khabar.access.Role;
import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleState;
import dev.khabar.article.api.ArticleView;
import dev.khabar.bulk.ArticleExport;
import dev.khabar.bulk.BulkImport;
import dev.khabar.bulk.LineParser;
import dev.khabar.bulk.Outcome;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import io.vertx.core.http.HttpServerRequest;

/** HTTP for bulk import and export: NDJSON streamed both ways, a line per article. */
@Path("/api/v1/articles")
@Tag(name = "Bulk", description = "Many articles at once, as NDJSON (one JSON object per line): import (create or "
        + "update by external id) and export (every article a filter matches, from one snapshot).")
public class BulkResource {

    private static final Logger LOG = Logger.getLogger(BulkResource.class);
    static final String NDJSON = "application/x-ndjson";
    static final String BULK_PATH = "/api/v1/articles/bulk";

    @Inject
    BulkImport importer;
    @Inject
    ArticleExport exporter;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    ContentConfig config;

    @POST
    @Path("/bulk")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Requires(Role.EDITOR)
    @Operation(operationId = "bulkImportArticles", summary = "Import many articles (NDJSON)",
            description = "Each line of the body is one JSON object: an article as `POST /articles` takes it (the "
                    + "lines an export writes are accepted as they are), or `{\"text\", \"lang\"?, \"status\"?, "
                    + "\"externalId\"?}` with an article in the editors' text layout. A line with an `externalId` (else "
                    + "an `id`) that an article has updates that article, like a `PUT`, and is answered `unchanged` "
                    + "without a new version when it would change nothing: resending a whole import is safe. Lines "
                    + "are written in batches of `content.bulk-batch-size` (500), one transaction each; the answer "
                    + "(200, NDJSON) has one object per non-blank line, in order, streamed as each batch commits. A "
                    + "refused line carries the problem a single request would have got and never stops the others. "
                    + "A line may hold 1 MiB (413 for that line), the body `content.bulk-max-bytes` (1 GiB; 413).")
    @SecurityRequirement(name = "bearer")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(
            description = "Each line: an article (`ArticleInput`, optionally with the `id` an export wrote) or "
                    + "`BulkTextLine`.", oneOf = { ArticleContent.class, LineParser.TextLine.class }),
            examples = {
                    @ExampleObject(name = "arabic", summary = "A line with an Arabic article and its external id",
                            ref = "#/components/examples/ArabicBulkLine"),
                    @ExampleObject(name = "text", summary = "A line with an English article in the text layout",
                            ref = "#/components/examples/EnglishBulkTextLine") }))
    @APIResponse(responseCode = "200", description = "One `BulkAnswer` per non-blank input line, in order, streamed "
            + "as batches commit.", content = @Content(mediaType = NDJSON,
                    schema = @Schema(implementation = BulkAnswer.class),
                    examples = { @ExampleObject(name = "created", ref = "#/components/examples/BulkAnswerCreated"),
                            @ExampleObject(name = "refused", ref = "#/components/examples/BulkAnswerRefused") }))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "413", ref = "#/components/responses/BulkTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Response bulk(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            HttpServerRequest request) {
        long max = config.bulkMaxBytes().asLongValue();
        if (length != null && Long.parseLong(length.strip()) > max) {
            throw new ProblemException(413, ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                    "A bulk import body may hold at most " + max + " bytes (content.bulk-max-bytes).", List.of(),
                    Map.of("Connection", "close"));
        }
        String actor = caller.actor();
        StreamingOutput answer = out -> {
            try {
                importer.run(body, actor, outcomes -> write(out, outcomes, request));
            } catch (IOException | UncheckedIOException e) {
                // The client went away (or its body broke off): what was answered is committed, the batch being
                // received is not. Nothing can be answered any more.
                LOG.infof("Bulk import by %s cut off: %s", actor, e.getMessage());
            }
        };
        return Response.ok(answer, NDJSON).build();
    }

    private void write(OutputStream out, List<Outcome> outcomes, HttpServerRequest request) {
        try {
            for (Outcome o : outcomes) {
                BulkAnswer answer;
                if (o.written()) {
                    answer = new BulkAnswer(o.line(), o.status(), o.id(), o.version(), o.unchanged() ? true : null, null);
                } else {
                    Response problem = LineProblems.of(o.error(), request);
                    answer = new BulkAnswer(o.line(), problem.getStatus(), null, null, null,
                            new String((byte[]) problem.getEntity(), StandardCharsets.UTF_8));
                }
                out.write(json.writeValueAsBytes(answer));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Requires(Role.PREVIEWER)
    @Operation(operationId = "exportArticles", summary = "Export articles (NDJSON)",
            description = "Every article the filters match (same filters as the list, every status), newest first, "
                    + "one full article per line (as `GET /articles/{id}` shows it), streamed from one consistent "
                    + "snapshot: an article written during the export is in it as it was when the export began, or "
                    + "not at all. The lines can be sent back to `POST /articles/bulk` as they are. Key holders only.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "One `Article` per line.", content = @Content(mediaType = NDJSON,
            schema = @Schema(implementation = ArticleView.class),
            examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicArticle")))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response export(
            @Parameter(description = "Category slug; repeat (or separate with commas) for any of several.")
            @QueryParam("category") List<String> category,
            @Parameter(description = "Tag slug; repeat (or separate with commas) for any of several.")
            @QueryParam("tag") List<String> tag,
            @Parameter(description = "BCP 47 language tag; a primary tag also matches its regional variants.",
                    example = "ar") @QueryParam("lang") String lang,
            @Parameter(description = "Workflow status.",
                    schema = @Schema(enumeration = { "draft", "scheduled", "published", "archived" }))
            @QueryParam("status") String status,
            @Parameter(description = "Published at or after this time (RFC 3339 date-time or date), inclusive.",
                    example = "2026-11-01T00:00:00Z") @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "Published before this time (RFC 3339 date-time or date), exclusive.",
                    example = "2026-12-01") @QueryParam("publishedBefore") String publishedBefore) {
        Optional<ArticleState> wanted = Params.state("status", status);
        ArticleFilter filter = new ArticleFilter(Params.values("category", category), Params.values("tag", tag),
                Params.language(lang), wanted, Params.instant("publishedAfter", publishedAfter),
                Params.instant("publishedBefore", publishedBefore), Optional.empty(), 1);
        StreamingOutput lines = out -> exporter.export(filter, (article, at) -> {
            out.write(line(ArticleView.of(article, at)));
        });
        return Response.ok(lines, NDJSON).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    private byte[] line(ArticleView view) throws JsonProcessingException {
        byte[] bytes = json.writeValueAsBytes(view);
        byte[] line = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        line[bytes.length] = '\n';
        return line;
    }
}
