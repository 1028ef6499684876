package dev.khabar.change.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.access.Caller;
import dev.khabar.change.Change;
import dev.khabar.change.ChangeLog;
import dev.khabar.change.FeedCursor;
import dev.khabar.db.Slice;
import dev.khabar.http.Links;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;

/** HTTP for the change feed: what changed since a cursor, for clients and indexers that sync incrementally. */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Incremental sync: every change to articles in commit order, deletions included.")
public class ChangeResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Inject
    ChangeLog log;
    @Inject
    Caller caller;

    @Schema(name = "Change")
    public record Entry(
            @Schema(description = "Article id.") UUID id,
            @Schema(description = "The article's slug at the time of the change.") String slug,
            @Schema(examples = "ar") String language,
            @Schema(description = "`changed`: fetch the article again (created, edited, published...). `removed`: "
                    + "drop it; deleted, or (for anonymous callers) no longer public.",
                    enumeration = { "changed", "removed" }) String change,
            @Schema(description = "The article's version after the change.", examples = "4") int version,
            @Schema(description = "When the change took effect (for a scheduled article: its publication time), "
                    + "RFC 3339.") Instant at) {

        static Entry of(Change c) {
            return new Entry(c.articleId(), c.slug(), c.language(), c.kind().wire(), c.version(), c.at());
        }
    }

    @Schema(name = "ChangePage")
    public record Page(List<Entry> items,
            @Schema(description = "Where to continue: pass it as `since` next time. Never null: with no new changes "
                    + "it is the `since` that was sent.") String nextCursor,
            @Schema(description = "Whether more changes are waiting now; if false, poll again later with "
                    + "`nextCursor`.") boolean hasMore) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "listChanges", summary = "What changed since a cursor",
            description = "The articles that changed after `since`, oldest change first, each once, at its latest "
                    + "change. Deletions come as `removed` entries (tombstones). Anonymous callers get the public "
                    + "view: an article enters it when it is published (a scheduled one when its time comes) and "
                    + "leaves it, as `removed`, when it is unpublished, archived or deleted; key holders get every "
                    + "change. Start without `since`, keep `nextCursor`, and call again: no change is missed or "
                    + "reported twice.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", description = "A page of changes.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicChanges")))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response changes(
            @Parameter(description = "The `nextCursor` of the previous call; absent: from the beginning.")
            @QueryParam("since") String since,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        int size = Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        FeedCursor after = since == null || since.isEmpty() ? FeedCursor.START : FeedCursor.decode(since)
                .orElseThrow(() -> ProblemException.badParameter("since", "is not a cursor this API returned."));
        Slice<Change> page = Slice.of(log.read(!caller.audience().seesEverything(), after, size + 1), size);
        List<Change> items = page.items();
        String next = (items.isEmpty() ? after : items.get(items.size() - 1).position()).encode();
        return Links.next(Response.ok(new Page(items.stream().map(Entry::of).toList(), next, page.more())), uri,
                "since", page.more() ? next : null)
                .header(HttpHeaders.CACHE_CONTROL, caller.audience().seesEverything() ? "private, no-store" : "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION)
                .build();
    }
}
