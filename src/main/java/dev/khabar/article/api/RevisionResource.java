package dev.khabar.article.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.article.ArticleService;
import dev.khabar.article.CursorCodec;
import dev.khabar.article.Revision;
import dev.khabar.article.RevisionAction;
import dev.khabar.db.Slice;
import dev.khabar.http.Links;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;
import dev.khabar.revision.ArticleDiff;

/** HTTP for the history of an article: its revisions, the difference between two, and restoring one. */
@Path("/api/v1/articles/{id}/revisions")
@Tag(name = "Revisions", description = "Every write stores the whole article as it became: revision n is version n.")
@SecurityRequirement(name = "bearer")
public class RevisionResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    ArticleService articles;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    Representations http;

    @Schema(name = "RevisionSummary")
    public record Summary(
            @Schema(description = "The article's version this revision holds.", examples = "3") int version,
            @Schema(description = "What the write did.", enumeration = { "created", "replaced", "patched", "published",
                    "scheduled", "unpublished", "archived", "restored" }) RevisionAction action,
            @Schema(description = "Who wrote it (the key's name).", examples = "admin-token") String actor,
            @Schema(description = "RFC 3339, UTC.") Instant createdAt) {

        static Summary of(Revision r) {
            return new Summary(r.version(), r.action(), r.actor(), r.createdAt());
        }
    }

    @Schema(name = "RevisionPage")
    public record Page(List<Summary> items,
            @Schema(description = "Cursor of the next (older) page; null on the last.", nullable = true)
            String nextCursor) {
    }

    @Schema(name = "Revision")
    public record Detail(int version, RevisionAction action, String actor, Instant createdAt,
            @Schema(description = "The article as it was at this version.", implementation = ArticleView.class)
            JsonNode article) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRevisions", summary = "List the revisions of an article, newest first")
    @APIResponse(responseCode = "200", description = "A page of revisions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response list(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Parameter(description = "Page size.", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        caller.requireEditorial("Reading revisions");
        int size = Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<Integer> before = Optional.ofNullable(cursor).filter(c -> !c.isEmpty())
                .map(c -> decode(c).orElseThrow(() -> ProblemException.badParameter("cursor",
                        "is not a cursor this API returned.")));
        Slice<Revision> page = Slice.of(articles.revisions(article(id), before, size + 1)
                .orElseThrow(() -> notFound(id)), size);
        String next = page.next().map(r -> encode(r.version())).orElse(null);
        return Links.next(Response.ok(new Page(page.items().stream().map(Summary::of).toList(), next)), uri, next)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    @GET
    @Path("/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRevision", summary = "Read one revision: the article as it was at that version")
    @APIResponse(responseCode = "200", description = "The revision.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response get(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Parameter(description = "Version number.", example = "2") @PathParam("version") String version)
            throws JsonProcessingException {
        caller.requireEditorial("Reading revisions");
        Revision r = revision(id, version);
        return Response.ok(new Detail(r.version(), r.action(), r.actor(), r.createdAt(), json.readTree(r.snapshot())))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "diffRevisions", summary = "Compare two revisions, section by section, bullet by bullet",
            description = "Fields that differ, and the whole body with a mark on every section and bullet "
                    + "(`unchanged`, `changed` with old and new text, `added`, `removed`), in the reading order of "
                    + "`to`. Either order works: `from` may be the newer one.")
    @APIResponse(responseCode = "200", description = "The difference.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleDiff.Diff.class)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response diff(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Parameter(description = "Version to compare from.", example = "1") @PathParam("from") String from,
            @Parameter(description = "Version to compare to.", example = "3") @PathParam("to") String to)
            throws JsonProcessingException {
        caller.requireEditorial("Reading revisions");
        Revision a = revision(id, from);
        Revision b = revision(id, to);
        return Response.ok(ArticleDiff.between(a.version(), json.readTree(a.snapshot()), b.version(),
                json.readTree(b.snapshot()))).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    @POST
    @Path("/{version}/restore")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "restoreRevision", summary = "Restore a revision as a new version",
            description = "Writes the content of that version (title to closing, category, tags, bylines, image) as a "
                    + "new version; slug, language and workflow state stay as they are now. Honours `If-Match`.")
    @Parameter(ref = "IfMatch")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response restore(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Parameter(description = "Version to restore.", example = "2") @PathParam("version") String version,
            @Context HttpHeaders headers) throws JsonProcessingException {
        UUID uuid = article(id);
        int n = number(version).orElseThrow(() -> noRevision(id, version));
        return http.written(Response.ok(), articles.restore(uuid, n, http.ifMatch(headers, uuid))
                .orElseThrow(() -> notFound(id))).build();
    }

    private Revision revision(String id, String version) {
        UUID uuid = article(id);
        Optional<Integer> n = number(version);
        return n.flatMap(v -> articles.revision(uuid, v)).orElseThrow(() -> articles.revisions(uuid, Optional.empty(), 1)
                .isEmpty() ? notFound(id)
                : noRevision(id, version));
    }

    private static ProblemException noRevision(String id, String version) {
        return ProblemException.notFound("The article '" + id + "' has no revision " + version + ".");
    }

    private static UUID article(String id) {
        return Params.uuid(id).orElseThrow(() -> notFound(id));
    }

    private static Optional<Integer> number(String version) {
        return version != null && version.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(version))
                : Optional.empty();
    }

    private static ProblemException notFound(String id) {
        return ArticleResource.notFound(id);
    }

    private static String encode(int version) {
        return CursorCodec.encode(ByteBuffer.allocate(4).putInt(version));
    }

    private static Optional<Integer> decode(String cursor) {
        return CursorCodec.decode(cursor, 4).map(ByteBuffer::getInt).filter(v -> v > 0);
    }
}
