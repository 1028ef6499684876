package dev.khabar.search.api;

import java.util.List;
import java.util.Optional;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.article.api.Representations;
import dev.khabar.http.Params;
import dev.khabar.http.ProblemException;
import dev.khabar.search.SearchCursor;
import dev.khabar.search.SearchFilter;
import dev.khabar.search.SearchQuery;
import dev.khabar.search.SearchService;

/** HTTP for search and type-ahead. */
@Path("/api/v1/search")
@Tag(name = "Search", description = "Full-text search of published articles that understands Arabic spelling.")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;

    @Inject
    SearchService search;
    @Inject
    Representations http;

    @GET
    @Operation(operationId = "searchArticles", summary = "Search published articles",
            description = "Words must all match; `\"exact phrase\"`, `OR` between two items, `-excluded` and "
                    + "`prefix*` work as readers expect, and bad syntax falls back to plain words. Arabic is "
                    + "normalised (diacritics, tatweel, alef/yaa/taa marbuta/hamza forms, digits) and lightly "
                    + "stemmed (clitics such as وال بال لل, sound plurals), the same for the query and the text. "
                    + "Ranked by field (title, then subtitle, headings, tags and category, then lead and bullets, "
                    + "then closing), ties by recency. Conditional: `If-None-Match` with the page's `ETag` answers 304 "
                    + "while the results are the same.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @APIResponse(responseCode = "200", description = "Hits, best first.",
            headers = { @Header(name = "Link", description = "`<url>; rel=\"next\"` when another page follows.",
                    schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Surrogate-Key", ref = "SurrogateKey") },
            content = @Content(schema = @Schema(implementation = SearchViews.Page.class), examples = {
                    @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicSearch") }))
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @APIResponse(responseCode = "503", ref = "#/components/responses/SearchTimeout")
    public Response search(
            @Parameter(description = "The query, e.g. `الإقتصاد`, `\"إعادة العلاقات\"`, `روسيا OR تركيا -أرمينيا`, "
                    + "`روس*`.", required = true, example = "العلاقات الروسية") @QueryParam("q") String q,
            @Parameter(description = "BCP 47 language tag of the articles.", example = "ar") @QueryParam("lang") String lang,
            @Parameter(description = "Category slug; repeat for any of several.") @QueryParam("category") List<String> category,
            @Parameter(description = "Tag slug; repeat for any of several.") @QueryParam("tag") List<String> tag,
            @Parameter(description = "Published at or after (RFC 3339 date-time or date), inclusive.")
            @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "Published before (RFC 3339 date-time or date), exclusive.")
            @QueryParam("publishedBefore") String publishedBefore,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "50", defaultValue = "10")) @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        SearchQuery query = query(q);
        Optional<SearchCursor> after = Optional.ofNullable(cursor).filter(c -> !c.isEmpty()).map(c -> SearchCursor
                .decode(c).orElseThrow(() -> ProblemException.badParameter("cursor", "is not a cursor this API returned.")));
        SearchFilter filter = new SearchFilter(query, Params.values("category", category), Params.values("tag", tag),
                Params.language(lang), Params.instant("publishedAfter", publishedAfter),
                Params.instant("publishedBefore", publishedBefore), after, Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        SearchService.Result result = search.search(filter);
        String next = result.next().map(SearchCursor::encode).orElse(null);
        return http.page(new SearchViews.Page(
                result.hits().stream().map(h -> SearchViews.Hit.of(h.article(), h.snippets())).toList(), next,
                result.total().value(), result.total().estimate()), Optional.empty(), headers, uri, next,
                Optional.of(result.scope()));
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggestTitles", summary = "Suggest titles for type-ahead",
            description = "Up to 10 published titles for a partial query, normalised like search and tolerant of "
                    + "one typo. Suggestions start at the third character: shorter text gives an empty list. "
                    + "Conditional: `If-None-Match` with the list's `ETag` answers 304 while the suggestions are the "
                    + "same.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @APIResponse(responseCode = "200", description = "Suggestions, most similar first.",
            headers = { @Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Surrogate-Key", ref = "SurrogateKey") },
            content = @Content(schema = @Schema(implementation = SearchViews.Suggestions.class), examples = {
                    @ExampleObject(name = "arabic", ref = "#/components/examples/ArabicSuggestions") }))
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response suggest(
            @Parameter(description = "What the reader has typed so far.", required = true, example = "روس")
            @QueryParam("q") String q,
            @Parameter(description = "BCP 47 language tag of the titles.", example = "ar") @QueryParam("lang") String lang,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        requireText(q);
        // Sent and kept like a search page (one page, never a next one): anonymous readers get it from the read cache
        // until the next change or scheduled publication, as type-ahead asks the same few prefixes again and again.
        SearchService.Suggested suggested = search.suggest(q, Params.language(lang));
        return http.page(new SearchViews.Suggestions(suggested.items().stream().map(SearchViews.Suggestion::of).toList()),
                Optional.empty(), headers, uri, null, suggested.scope());
    }

    private static SearchQuery query(String q) {
        requireText(q);
        return SearchQuery.parse(q).orElseThrow(() -> ProblemException.badParameter("q",
                "holds no word to search for."));
    }

    private static void requireText(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badParameter("q", "is required and must not be blank.");
        }
        if (q.length() > SearchQuery.MAX_LENGTH) {
            throw ProblemException.badParameter("q", "may be at most " + SearchQuery.MAX_LENGTH + " characters.");
        }
    }
}
