package dev.khabar.access.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.access.AuditLog;
import dev.khabar.access.Requires;
import dev.khabar.access.Role;
import dev.khabar.article.CursorCodec;
import dev.khabar.db.Slice;
import dev.khabar.http.Links;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;

/** HTTP for the audit log: every write request, who made it, when and from where. Admins only. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Every write request with its outcome. Admins only.")
@SecurityRequirement(name = "bearer")
@Requires(Role.ADMIN)
public class AuditResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    @Inject
    AuditLog log;

    @Schema(name = "AuditEntry")
    public record Entry(Instant at,
            @Schema(description = "The key's name, `admin-token`, or `anonymous`.") String actor,
            @Schema(nullable = true) UUID keyId,
            @Schema(nullable = true, enumeration = { "previewer", "editor", "admin" }) String role,
            @Schema(examples = "PUT") String method,
            @Schema(examples = "/api/v1/articles/0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10") String path,
            @Schema(description = "The status the request was answered with.", examples = "200") int status,
            @Schema(description = "The client's address.", examples = "203.0.113.7") String client) {

        static Entry of(AuditLog.Entry e) {
            return new Entry(e.at(), e.actor(), e.keyId(), e.role(), e.method(), e.path(), e.status(), e.client());
        }
    }

    @Schema(name = "AuditPage")
    public record Page(List<Entry> items, @Schema(nullable = true) String nextCursor) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAudit", summary = "Read the audit log, newest first")
    @APIResponse(responseCode = "200", description = "A page of the log.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response list(
            @Parameter(description = "Only this actor's requests.") @QueryParam("actor") String actor,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        int size = Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : CursorCodec.decode(cursor, 8)
                .map(ByteBuffer::getLong).filter(p -> p > 0)
                .orElseThrow(() -> ProblemException.badParameter("cursor", "is not a cursor this API returned."));
        Optional<String> who = Optional.ofNullable(actor).map(String::strip).filter(a -> !a.isEmpty());
        if (who.filter(a -> a.length() > Params.MAX_VALUE_LENGTH).isPresent()) {
            throw ProblemException.badParameter("actor", "may be at most " + Params.MAX_VALUE_LENGTH + " characters.");
        }
        Slice<AuditLog.Entry> page = Slice.of(log.page(who, before, size + 1), size);
        String next = page.next().map(e -> CursorCodec.encode(ByteBuffer.allocate(8).putLong(e.position())))
                .orElse(null);
        return Links.next(Response.ok(new Page(page.items().stream().map(Entry::of).toList(), next)), uri, next)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
