package dev.khabar.article.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.access.Caller;
import dev.khabar.article.Article;
import dev.khabar.article.ArticleContent;
import dev.khabar.article.ArticleFilter;
import dev.khabar.article.ArticleService;
import dev.khabar.article.ArticleState;
import dev.khabar.article.VersionCheck;
import dev.khabar.article.Cursor;
import dev.khabar.article.Dates;
import dev.khabar.article.FieldError;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.format.ArticleFormats;
import dev.khabar.format.Format;
import dev.khabar.format.ImportWarning;
import dev.khabar.format.Imported;
import dev.khabar.format.MarkdownFormat;
import dev.khabar.format.NinjsFormat;
import dev.khabar.http.Conditional;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;

/** HTTP for articles: translates requests to {@link ArticleService} calls and results to representations. */
@Path("/api/v1/articles")
@Tag(name = "Articles", description = "Structured news articles: create, import, read, list, replace, patch, delete, "
        + "and move through the workflow (publish, schedule, unpublish, archive).")
public class ArticleResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String MARKDOWN = "text/markdown";
    static final String NINJS = "application/ninjs+json";
    private static final String VARY_ARTICLE = HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION;
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
    @Consumes({ MediaType.TEXT_PLAIN, MARKDOWN, NINJS })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importArticle", summary = "Import an article from text, Markdown or ninjs",
            description = "The format is the request's `Content-Type`. `text/plain`: the editors' layout, a category "
                    + "line, a title line, a blank line, the subtitle, the lead paragraph, sections (a heading line "
                    + "followed by `- ` bullet lines) and a closing paragraph; CRLF, a BOM, trailing spaces, extra blank "
                    + "lines and `•`, `–`, `—` or `*` bullet marks are accepted. `text/markdown`: what `?format=markdown` "
                    + "gives (a front matter with `language`, `category`, `slug`, `tags`, `authors`, `image`; then "
                    + "`# title`, `**subtitle**`, the lead, `## heading` with `- ` bullets, the closing). "
                    + "`application/ninjs+json`: an IPTC ninjs 3 item as `?format=ninjs` gives it (headlines, "
                    + "descriptions, the XHTML body, subjects, people, slugline, the picture association). Errors name "
                    + "the line (text, Markdown) or the JSON pointer (ninjs) at fault. `?dryRun=true` checks the "
                    + "import and answers 200 with the article it would store and what the reader repaired or "
                    + "ignored, storing nothing.")
    @SecurityRequirement(name = "bearer")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicArticleText")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicArticleMarkdown")),
            @Content(mediaType = NINJS, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An IPTC ninjs 3.1 news item."),
                    examples = @ExampleObject(name = "english", ref = "#/components/examples/EnglishArticleNinjs")) })
    @APIResponse(responseCode = "200", description = "Dry run: the article the import would store (not stored) and "
            + "the warnings.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportPreview.class),
                    examples = @ExampleObject(name = "english", ref = "#/components/examples/EnglishImportPreview")))
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
            @Parameter(description = "BCP 47 language tag; wins over the language the document names. Without "
                    + "either, Arabic script in the title means `ar`; other text must name its language.",
                    example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "`true`: check and show, store nothing.", schema = @Schema(type = SchemaType.BOOLEAN,
                    defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, @Context UriInfo uri) throws JsonProcessingException {
        ArticleState state = status == null || status.isBlank() ? ArticleState.DRAFT
                : ArticleState.fromWire(status.strip()).filter(s -> s == ArticleState.DRAFT || s == ArticleState.PUBLISHED)
                        .orElseThrow(() -> ProblemException.badParameter("status", "must be draft or published."));
        boolean dry = dryRun != null && !dryRun.isBlank() && switch (dryRun.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter("dryRun", "must be true or false.");
        };
        Imported imported = read(headers.getMediaType(), text == null ? "" : text).withLanguage(Params.language(lang));
        if (dry) {
            JsonNode article = json.valueToTree(articles.checkImport(imported, state));
            return Response.ok(new ImportPreview(withoutNulls(article), imported.warnings()),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        return created(articles.importArticle(imported, state), uri);
    }

    /** The body of an import in the format its {@code Content-Type} names (one of those {@code @Consumes} lists). */
    private Imported read(MediaType type, String body) throws JsonProcessingException {
        if (type != null && type.isCompatible(MediaType.valueOf(NINJS))) {
            JsonNode document = json.readTree(body);
            if (document == null || !document.isObject()) {
                throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                        "A ninjs document is a JSON object.", List.of(), Map.of());
            }
            return NinjsFormat.parse(document);
        }
        if (type != null && type.isCompatible(MediaType.valueOf(MARKDOWN))) {
            return MarkdownFormat.parse(body);
        }
        return ArticleFormats.parseText(body);
    }

    /** An article input as a client would write it: members without a value left out, as the schema has them. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    withoutNulls(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ArticleResource::withoutNulls);
        }
        return node;
    }

    /** The answer to a dry run. */
    @Schema(name = "ImportPreview", description = "What an import would store, and what the reader repaired or ignored.")
    public record ImportPreview(
            @Schema(implementation = ArticleContent.class, description = "The article as it would be created (nothing "
                    + "is stored); it can be sent to `POST /articles` as it is.") JsonNode article,
            List<ImportWarning> warnings) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listArticles", summary = "List articles, newest first",
            description = "Keyset-paged: follow `nextCursor` (or the `Link: rel=\"next\"` header) until it is null; "
                    + "a walk visits every article once, even while articles are added. Anonymous callers see "
                    + "published articles only. Items are teasers (no `sections`, no `closing`) unless `fields` says "
                    + "otherwise. Conditional: `If-None-Match` with the page's `ETag`, or `If-Modified-Since`, answers 304 "
                    + "while nothing the caller can list has changed.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", description = "A page of articles.",
            headers = { @Header(name = "Link", description = "`<url>; rel=\"next\"` when another page follows.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified"),
                    @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Surrogate-Key", ref = "SurrogateKey") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicPage")))
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
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
                    schema = @Schema(enumeration = { "draft", "scheduled", "published", "archived" }))
            @QueryParam("status") String status,
            @Parameter(description = "Published at or after this time (RFC 3339 date-time or date), inclusive.",
                    example = "2026-11-01T00:00:00Z") @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "Published before this time (RFC 3339 date-time or date), exclusive.",
                    example = "2026-12-01") @QueryParam("publishedBefore") String publishedBefore,
            @Parameter(ref = "fields") @QueryParam("fields") String fields,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<ArticleState> wanted = Params.state("status", status);
        if (wanted.isPresent() && wanted.get() != ArticleState.PUBLISHED) {
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
        Instant now = Instant.now();
        PageBody body = new PageBody(page.items().stream().map(a -> selected.apply(ArticleView.of(a, now), json)).toList(),
                next);
        return http.page(body, page.lastModified(), headers, uri, next, Optional.empty());
    }

    /** The serialised form of {@link ArticlePage} when items carry selected fields only. */
    record PageBody(List<?> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getArticle", summary = "Read an article by id",
            description = "JSON by default. `Accept` chooses another representation (quality values honoured: the "
                    + "most preferred type we make wins; `*/*` or none gives JSON), `?format=` overrides it: "
                    + "`text` (`text/plain`, the editors' text layout), `markdown` (`text/markdown`), `html` "
                    + "(`text/html`, a fragment that is also XHTML), `jsonld` (`application/ld+json`, a schema.org "
                    + "NewsArticle), `ninjs` (`application/ninjs+json`, IPTC ninjs 3.1). Each has its own `ETag`. "
                    + "`fields` applies to JSON only (400 with another format); an `Accept` naming nothing we make is "
                    + "a 406. Anonymous callers get 404 for an article that is not published (or not yet: a scheduled "
                    + "article appears by itself when its time comes). Conditional: `If-None-Match` with the `ETag`, "
                    + "or `If-Modified-Since`, answers 304 while the client's copy is current.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Article")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response get(@Parameter(description = "Article id (UUID); anything else is a 404.",
            example = "0b6f1f7e-3c1e-4d4a-9a57-2f0c6f3f2a10") @PathParam("id") String id,
            @Parameter(ref = "fields") @QueryParam("fields") String fields,
            @Parameter(ref = "format") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Format chosen = http.negotiate(format, fields, headers);
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        if (Conditional.isConditional(headers)) {
            Optional<Response> notModified = http.notModified(articles.stamp(uuid, caller.audience())
                    .orElseThrow(() -> notFound(id)), chosen, fields, headers, VARY_ARTICLE);
            if (notModified.isPresent()) {
                return notModified.get();
            }
        }
        Article article = articles.find(uuid, caller.audience()).orElseThrow(() -> notFound(id));
        return http.article(article, chosen, fields, headers, VARY_ARTICLE, uri.getBaseUri());
    }

    @GET
    @Path("/slug/{slug}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getArticleBySlug", summary = "Read an article by slug",
            description = "The slug may be sent percent-encoded (`/slug/%D8%AA%D8%B5...`) or as is; it is "
                    + "normalised to NFC. A slug is unique per language: `lang` chooses; without it, `Accept-Language` "
                    + "does, else the article that took the slug first is returned. An old slug (changed by an "
                    + "editor) answers 308 to the current one. Representations (`Accept`, `?format=`) and conditional "
                    + "reads as for a read by id.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Article")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "308", ref = "#/components/responses/SlugMoved")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response getBySlug(@Parameter(description = "Article slug.", example = "تصاعد-الأزمة-الدبلوماسية-بين-روسيا-وأذربيجان")
            @PathParam("slug") String slug,
            @Parameter(description = "BCP 47 language tag of the article.", example = "ar") @QueryParam("lang") String lang,
            @Parameter(ref = "fields") @QueryParam("fields") String fields,
            @Parameter(ref = "format") @QueryParam("format") String format,
            @Parameter(description = "Preferred languages (RFC 9110), used when several languages share the slug and "
                    + "`lang` is not given.", example = "ar, en;q=0.5") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
            String acceptLanguage,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Format chosen = http.negotiate(format, fields, headers);
        Optional<String> language = Params.language(lang);
        List<Locale.LanguageRange> preferred = language.isPresent() ? List.of() : Params.languageRanges(acceptLanguage);
        String vary = language.isPresent() ? VARY_ARTICLE : VARY_ARTICLE + ", " + HttpHeaders.ACCEPT_LANGUAGE;
        Optional<Article> found = articles.findBySlug(slug, language, preferred, caller.audience());
        if (found.isPresent()) {
            return http.article(found.get(), chosen, fields, headers, vary, uri.getBaseUri());
        }
        Article moved = articles.findMovedSlug(slug, language, preferred, caller.audience())
                .orElseThrow(() -> ProblemException.notFound("No article has the slug '" + slug + "'."));
        URI location = uri.getRequestUriBuilder().replacePath(uri.getBaseUriBuilder().path(ArticleResource.class)
                .path("slug").path(moved.getSlug()).build().getRawPath())
                .replaceQueryParam("lang", moved.getLanguage()).build();
        return Response.status(308).location(location).header(HttpHeaders.CACHE_CONTROL, http.cacheControl())
                .header(HttpHeaders.VARY, vary).build();
    }

    @GET
    @Path("/{id}/translations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listTranslations", summary = "The article in other languages",
            description = "The other articles of the same story (linked with `translationOf` when created), as "
                    + "teasers in language order. Anonymous callers see published ones only.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @APIResponse(responseCode = "200", description = "The translations, possibly none.",
            headers = { @Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleList.class)))
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response translations(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Parameter(ref = "fields") @QueryParam("fields") String fields, @Context HttpHeaders headers) {
        Fields selected = Fields.parse(fields, Fields.TEASER);
        List<Article> found = Params.uuid(id).flatMap(uuid -> articles.translations(uuid, caller.audience()))
                .orElseThrow(() -> notFound(id));
        Instant now = Instant.now();
        return http.collection(new ListBody(found.stream().map(a -> selected.apply(ArticleView.of(a, now), json)).toList()),
                found.stream().map(a -> a.lastModified(now)).max(Instant::compareTo), headers).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article",
            description = "Takes the whole article, for instance the body a read returned, as is: read-only fields "
                    + "are ignored. The slug is kept unless the body names another one; the old slug then answers "
                    + "308 to the new one. `status` and `publishedAt` change through the transitions only: other "
                    + "values than the stored ones are refused with 409. Send the `ETag` of your copy as `If-Match`: "
                    + "if the article changed meanwhile, the answer is 412 and nothing is written.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @RequestBody(ref = "#/components/requestBodies/Article")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response replace(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            ArticleContent content, @Context HttpHeaders headers) {
        requireBody(content);
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        return written(articles.replace(uuid, content, http.ifMatch(headers, uuid)), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article",
            description = "A JSON Merge Patch (RFC 7396) on the article as a read shows it: members replace, `null` "
                    + "removes (a draft may lose its subtitle, lead or closing), objects merge, arrays (sections, tags, "
                    + "authors) are replaced whole. The result must be a valid article. Same rules as a replace for "
                    + "slug, workflow and `If-Match`.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH,
            schema = @Schema(type = SchemaType.OBJECT, description = "Members of the article to change."),
            examples = {
                    @ExampleObject(name = "arabic", summary = "A new title and tags",
                            value = "{\"title\": \"موسكو تدعو باكو إلى إعادة العلاقات\", \"tags\": [\"روسيا\", \"أذربيجان\"]}"),
                    @ExampleObject(name = "english", summary = "Drop the image",
                            value = "{\"image\": null}") }))
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response patch(@Parameter(description = "Article id (UUID).") @PathParam("id") String id, JsonNode patch,
            @Context HttpHeaders headers) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                    "A merge patch of an article is a JSON object of the members to change.", List.of(), Map.of());
        }
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        return written(articles.patch(uuid, patch, http.ifMatch(headers, uuid)), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article",
            description = "Deletes the article, its revisions and its old slugs; the change feed keeps a tombstone. "
                    + "Honours `If-Match`.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response delete(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        if (!articles.delete(uuid, http.ifMatch(headers, uuid))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/publish")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishArticle", summary = "Publish or schedule an article",
            description = "From draft or scheduled. Without a body (or without `publishedAt`) the article is published "
                    + "now, or at its first publication time if it had been published before; a future `publishedAt` "
                    + "schedules it: it turns visible by itself at that time. The article must be complete (subtitle, "
                    + "lead and closing): else 409 listing what is missing. A published article is unpublished "
                    + "first to move its time; an archived one goes back to draft with /unpublish.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class),
            examples = @ExampleObject(name = "schedule", value = "{\"publishedAt\": \"2026-12-01T06:00:00Z\"}")))
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidArticle")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response publish(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            String body, @Context HttpHeaders headers) throws JsonProcessingException {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        Optional<Instant> at = Optional.empty();
        // The body is optional, so a request without one (and without Content-Type) must get through.
        if (body != null && !body.isBlank()) {
            if (headers.getMediaType() == null || !headers.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new NotSupportedException();
            }
            PublishRequest request = json.readValue(body, PublishRequest.class);
            if (request == null) {
                throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                        "The body of /publish is a JSON object such as {\"publishedAt\": \"2026-12-01T06:00:00Z\"}, "
                                + "or nothing.", List.of(), Map.of());
            }
            at = Optional.ofNullable(request.publishedAt());
        }
        at.filter(t -> !Dates.inRange(t)).ifPresent(t -> {
            throw new InvalidArticleException(List.of(new FieldError("/publishedAt", "must be between the years 1 and 9999")));
        });
        return written(articles.publish(uuid, at, http.ifMatch(headers, uuid)), id);
    }

    @POST
    @Path("/{id}/unpublish")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft",
            description = "From published, scheduled or archived. Anonymous readers no longer see it; the change feed "
                    + "tells them to drop it.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response unpublish(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        return written(articles.unpublish(uuid, http.ifMatch(headers, uuid)), id);
    }

    @POST
    @Path("/{id}/archive")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "archiveArticle", summary = "Archive an article",
            description = "From draft, scheduled or published: kept, with its history, but shown to nobody without a "
                    + "key.")
    @SecurityRequirement(name = "bearer")
    @Parameter(ref = "IfMatch")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Written")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @APIResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @APIResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    public Response archive(@Parameter(description = "Article id (UUID).") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        UUID uuid = Params.uuid(id).orElseThrow(() -> notFound(id));
        return written(articles.archive(uuid, http.ifMatch(headers, uuid)), id);
    }

    /** The body of {@code /publish}. */
    @Schema(name = "PublishRequest")
    public record PublishRequest(
            @Schema(description = "When to publish, RFC 3339; in the future, the article is scheduled.",
                    examples = "2026-12-01T06:00:00Z") Instant publishedAt) {
    }

    /** A list without pages. */
    @Schema(name = "ArticleList")
    public record ArticleList(List<ArticleView> items) {
    }

    record ListBody(List<?> items) {
    }

    private Response written(Optional<Article> article, String id) {
        return http.written(Response.ok(), article.orElseThrow(() -> notFound(id))).build();
    }

    private Response created(Article article, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path(ArticleResource.class).path(article.getId().toString()).build();
        return http.written(Response.created(location), article).build();
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(400, ProblemTypes.MALFORMED_BODY, "The request body cannot be read",
                    "The request needs a JSON article in its body.", List.of(), Map.of());
        }
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No article has the id '" + id + "'.");
    }
}
