package dev.khabar.access.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.access.ApiKey;
import dev.khabar.access.ApiKeyService;
import dev.khabar.access.Caller;
import dev.khabar.access.Requires;
import dev.khabar.access.Role;
import dev.khabar.article.Dates;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.validation.CleanText;
import dev.khabar.article.validation.Violations;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;

/** HTTP for API keys: issue (the secret is shown once), list, revoke. Admins only. */
@Path("/api/v1/keys")
@Tag(name = "Keys", description = "API keys with roles: previewer (reads drafts), editor (writes articles), admin "
        + "(manages keys, reads the audit log). Admins only.")
@SecurityRequirement(name = "bearer")
@Requires(Role.ADMIN)
public class KeyResource {

    @Inject
    ApiKeyService keys;
    @Inject
    Caller caller;
    @Inject
    Validator validator;

    @Schema(name = "KeyInput")
    public record KeyInput(
            @Schema(description = "Who or what the key is for; recorded as the actor of its writes.",
                    examples = "مكتب التحرير - الموقع", maxLength = 100, required = true)
            @NotBlank @Size(max = 100) @CleanText String name,
            @Schema(required = true, enumeration = { "previewer", "editor", "admin" }) @NotNull Role role,
            @Schema(description = "When the key stops working, RFC 3339; never when absent.",
                    examples = "2027-01-01T00:00:00Z") Instant expiresAt) {
    }

    @Schema(name = "Key")
    public record KeyView(UUID id, String name,
            @Schema(enumeration = { "previewer", "editor", "admin" }) Role role,
            @Schema(description = "The first characters of the secret, to tell keys apart.", examples = "khb_Xq3f9a")
            String prefix,
            Instant createdAt,
            @Schema(description = "The actor that issued it.") String createdBy,
            @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(description = "Only in the answer to its creation: send it as `Authorization: Bearer <secret>`. "
                    + "It is not stored and cannot be shown again.", nullable = true) String secret) {

        static KeyView of(ApiKey k, String secret) {
            return new KeyView(k.id(), k.name(), k.role(), k.prefix(), k.createdAt(), k.createdBy(),
                    k.expiresAt().orElse(null), k.revokedAt().orElse(null), secret);
        }
    }

    @Schema(name = "KeyList")
    public record KeyList(List<KeyView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKey", summary = "Issue a key",
            description = "Answers with the key and its `secret`, shown this once: only a hash of it is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeyInput.class), examples = @ExampleObject(name = "editor",
                    value = "{\"name\": \"مكتب التحرير - الموقع\", \"role\": \"editor\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "The key, with its secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Response create(KeyInput input, @Context UriInfo uri) {
        if (input == null) {
            throw new InvalidArticleException(List.of(new FieldError("", "The request needs a JSON key in its body.")));
        }
        List<FieldError> errors = Violations.toFieldErrors(validator.validate(input));
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        if (input.expiresAt() != null && (!Dates.inRange(input.expiresAt()) || !input.expiresAt().isAfter(Instant.now()))) {
            throw new InvalidArticleException(List.of(new FieldError("/expiresAt", "must be in the future")));
        }
        ApiKeyService.Issued issued = keys.issue(input.name().strip(), input.role(),
                Optional.ofNullable(input.expiresAt()), caller.actor());
        URI location = uri.getAbsolutePathBuilder().path(issued.key().id().toString()).build();
        return Response.created(location).entity(KeyView.of(issued.key(), issued.secret()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listKeys", summary = "List keys, newest first", description = "Without secrets.")
    @APIResponse(responseCode = "200", description = "Every key, revoked and expired ones included.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyList.class)))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response list() {
        return Response.ok(new KeyList(keys.list().stream().map(k -> KeyView.of(k, null)).toList()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke a key",
            description = "At once, on every instance: keys are checked against the database on each request. "
                    + "Revoking a revoked key is a 204 again.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Response revoke(@Parameter(description = "Key id (UUID).") @PathParam("id") String id) {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        keys.revoke(uuid).orElseThrow(() -> notFound(id));
        return Response.noContent().build();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No key has the id '" + id + "'.");
    }
}
