package dev.khabar.article.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.article.Article;
import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleService;
import dev.khabar.article.ArticleStatus;
import dev.khabar.article.Cursor;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import dev.khabar.http.Links;
import dev.khabar.http.Params;
import dev.khabar.text.SeedLayout;

/** HTTP for articles: translates requests to {@link ArticleService} calls and results to representations. */
@Path("/api/v1/articles")
@Tag(name = "Articles", description = "Structured news articles: create, import, read, list, replace, delete.")
public class ArticleResource {

    static final String TEXT_UTF8 = MediaType.TEXT_PLAIN + ";charset=utf-8";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_PLAIN_TYPE).build();
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    ArticleService articles;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article",
            description = "Stores a new article. The slug is derived from the title when not given, and made unique "
                    + "within the language by appending -2, -3...")
    @SecurityRequirement(name = "bearer")
    @RequestBody(ref = "#/components/requestBodies/Article")
    @APIResponse(responseCode = "201", ref = "#/components/responses/Created")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "409", ref = "#/components/responses/SlugTaken")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Response create(ArticleContent content, @Context UriInfo uri) {
        requireBody(content);
        return created(articles.create(content), uri);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importArticle", summary = "Import an article from text",
            description = "Parses text in the editors' layout: a category line, a title line, a blank line, the "
                    + "subtitle, the lead paragraph, sections (a heading line followed by `- ` bullet lines) and a "
                    + "closing paragraph. CRLF, a BOM, trailing spaces, extra blank lines and `•`, `–`, `—` or `*` "
                    + "bullet marks are accepted. Errors name the line at fault.")
    @SecurityRequirement(name = "bearer")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicArticleText")))
    @APIResponse(responseCode = "201", ref = "#/components/responses/Created")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidText")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "409", ref = "#/components/responses/SlugTaken")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public Response importText(String text,
            @Parameter(description = "Status of the new article.", schema = @Schema(enumeration = { "draft", "published" },
                    defaultValue = "draft")) @QueryParam("status") String status,
            @Parameter(description = "BCP 47 language tag. Without it, Arabic script in the title means `ar`; other "
                    + "text must name its language.", example = "en") @QueryParam("lang") String lang,
            @Context UriInfo uri) {
        ArticleStatus articleStatus = status == null || status.isBlank() ? ArticleStatus.DRAFT
                : ArticleStatus.fromWire(status.strip()).orElseThrow(
                        () -> ProblemException.badParameter("status", "must be draft or published."));
        return created(articles.importText(text == null ? "" : text, Params.language(lang), articleStatus), uri);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listArticles", summary = "List articles, newest first",
            description = "Keyset-paged: follow `nextCursor` (or the `Link: rel=\"next\"` header) until it is null; "
                    + "a walk visits every article once, even while articles are added. Anonymous callers see "
                    + "published articles only. Items are teasers (no `sections`, no `closing`) unless `fields` says "
                    + "otherwise.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", description = "A page of articles.",
            headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` when another page follows.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicPage")))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response list(
            @Parameter(description = "Category slug, e.g. `اخبار-سياسية`; repeat (or separate with commas) for any "
                    + "of several.") @QueryParam("category") List<String> category,
            @Parameter(description = "Tag slug, e.g. `روسيا`; repeat (or separate with commas) for any of several.")
            @QueryParam("tag") List<String> tag,
            @Parameter(description = "BCP 47 language tag; a primary tag also matches its regional variants.",
                    example = "ar") @QueryParam("lang") String lang,
            @Parameter(description = "Workflow status; anything but `published` needs a token.",
                    schema = @Schema(enumeration = { "draft", "published" })) @QueryParam("status") String status,
            @Parameter(description = "Published at or after this time (RFC 3339 date-time or date), inclusive.",
                    example = "2026-11-01T00:00:00Z") @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "Published before this time (RFC 3339 date-time or date), exclusive.",
                    example = "2026-12-01") @QueryParam("publishedBefore") String publishedBefore,
            @Parameter(ref = "fields") @QueryParam("fields") String fields,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Optional<ArticleStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> ArticleStatus
                .fromWire(s.strip()).orElseThrow(() -> ProblemException.badParameter("status", "must be draft or published.")));
        if (wanted.isPresent() && wanted.get() != ArticleStatus.PUBLISHED) {
            caller.requireEditorial("Listing articles with status=" + status);
        }
        Optional<Cursor> after = Optional.ofNullable(cursor).filter(c -> !c.isEmpty()).map(c -> Cursor.decode(c)
                .orElseThrow(() -> ProblemException.badParameter("cursor", "is not a cursor this API returned.")));
        ArticleFilter filter = new ArticleFilter(Params.values("category", category), Params.values("tag", tag),
                Params.language(lang), wanted, Params.instant("publishedAfter", publishedAfter),
                Params.instant("publishedBefore", publishedBefore), after, Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        Fields selected = Fields.parse(fields, Fields.TEASER);
        ArticleService.Page page = articles.list(filter, caller.audience());
        String next = page.next().map(Cursor::encode).orElse(null);
        return Links.next(Response.ok(new PageBody(
                page.items().stream().map(a -> selected.apply(ArticleView.of(a), json)).toList(), next)), uri, next)
                .build();
    }

    /** The serialised form of {@link ArticlePage} when items carry selected fields only. */
    record PageBody(List<?> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, TEXT_UTF8 })
    @Operation(operationId = "getArticle", summary = "Read an article by id",
            description = "JSON by default; `Accept: text/plain` gives the article in the editors' text layout. "
                    + "Anonymous callers get 404 for an article that is not published.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", ref = "#/components/responses/Article")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response get(@Parameter(description = "Article id (UUID); anything else is a 404.",
            example = "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10") @PathParam("id") String id,
            @Parameter(ref = "fields") @QueryParam("fields") String fields, @Context Request request) {
        Article article = Params.uuid(id).flatMap(uuid -> articles.find(uuid, caller.audience()))
                .orElseThrow(() -> notFound(id));
        return represent(article, fields, request);
    }

    @GET
    @Path("/slug/{slug}")
    @Produces({ MediaType.APPLICATION_JSON, TEXT_UTF8 })
    @Operation(operationId = "getArticleBySlug", summary = "Read an article by slug",
            description = "The slug may be sent percent-encoded (`/slug/%D8%AA%D8%B5...`) or as is; it is "
                    + "normalised to NFC. A slug is unique per language: give `lang` to choose; without it, the "
                    + "article that took the slug first is returned.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", ref = "#/components/responses/Article")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response getBySlug(@Parameter(description = "Article slug.", example = "تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان")
            @PathParam("slug") String slug,
            @Parameter(description = "BCP 47 language tag of the article.", example = "ar") @QueryParam("lang") String lang,
            @Parameter(ref = "fields") @QueryParam("fields") String fields, @Context Request request) {
        Article article = articles.findBySlug(slug, Params.language(lang), caller.audience())
                .orElseThrow(() -> ProblemException.notFound("No article has the slug '" + slug + "'."));
        return represent(article, fields, request);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article",
            description = "Takes the whole article, for instance the body a read returned, as is: read-only fields "
                    + "are ignored. The slug is kept unless the body names another one.")
    @SecurityRequirement(name = "bearer")
    @RequestBody(ref = "#/components/requestBodies/Article")
    @APIResponse(responseCode = "200", description = "The article as stored now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicArticle")))
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "409", ref = "#/components/responses/SlugTaken")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    public ArticleView replace(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            ArticleContent content) {
        requireBody(content);
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        return articles.replace(uuid, content).map(ArticleView::of).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public Response delete(@Parameter(description = "Article id (UUID).") @PathParam("id") String id) {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        if (!articles.delete(uuid)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private Response represent(Article article, String fields, Request request) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant != null && MediaType.TEXT_PLAIN_TYPE.isCompatible(variant.getMediaType())) {
            return Response.ok(SeedLayout.render(article.structuredText()), TEXT_UTF8)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        Fields selected = Fields.parse(fields, Fields.EVERY);
        ArticleView view = ArticleView.of(article);
        return Response.ok(selected.isAll() ? view : selected.apply(view, json), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private static Response created(Article article, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path(ArticleResource.class).path(article.getId().toString()).build();
        return Response.created(location).entity(ArticleView.of(article)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                    "The request needs a JSON article in its body.", List.of(), Map.of());
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No article has the id '" + id + "'.");
    }
}
