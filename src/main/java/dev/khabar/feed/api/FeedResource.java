package dev.khabar.feed.api;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.feed.Atom;
import dev.khabar.feed.Feed;
import dev.khabar.feed.FeedService;
import dev.khabar.feed.JsonFeed;
import dev.khabar.feed.Rss;
import dev.khabar.http.Params;

/** HTTP for feeds: the latest published articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
@Path("/api/v1")
@Tag(name = "Feeds", description = "The latest published articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the "
        + "whole site, a category, a tag or a language. Public documents: a key shows no drafts here.")
public class FeedResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final String DESCRIPTION = " Newest first by publication time; `category`, `tag` and `lang` filter "
            + "as on the article list. What anonymous readers see, whoever asks (a key shows no drafts here; an invalid "
            + "one is still a 401). Conditional: `If-None-Match` with the `ETag` (a hash of the body), or "
            + "`If-Modified-Since`, answers 304 while the feed is unchanged.";

    @Inject
    FeedService feeds;
    @Inject
    Documents documents;

    @GET
    @Path("/feed.rss")
    @Produces(Rss.MEDIA_TYPE)
    @Operation(operationId = "rssFeed", summary = "Latest articles as RSS 2.0",
            description = "Each item: title, link (the article's web page, `content.article-url-template`), the lead "
                    + "as description, `guid` `urn:uuid:<id>` (isPermaLink=false), pubDate (RFC 822), `dc:creator` per "
                    + "author, the category and tags as `category`, the whole article as HTML in `content:encoded` (the "
                    + "fragment of `?format=html`). The channel's `language` is `lang`, or the language "
                    + "all items share; a channel of several languages has none." + DESCRIPTION)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/RssFeed")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response rss(@Parameter(ref = "feedCategory") @QueryParam("category") List<String> category,
            @Parameter(ref = "feedTag") @QueryParam("tag") List<String> tag,
            @Parameter(ref = "feedLang") @QueryParam("lang") String lang,
            @Parameter(ref = "feedLimit") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed(Rss::write, Rss.MEDIA_TYPE, category, tag, lang, limit, uri, headers);
    }

    @GET
    @Path("/feed.atom")
    @Produces(Atom.MEDIA_TYPE)
    @Operation(operationId = "atomFeed", summary = "Latest articles as Atom 1.0",
            description = "RFC 4287. Each entry: `id` `urn:uuid:<id>`, title, `link rel=alternate` to the article's web "
                    + "page, published and updated (RFC 3339), authors, the category and tags as `category` (slug as "
                    + "term, name as label), the lead as summary, the whole article as HTML in `content` (the fragment of "
                    + "`?format=html`), and its own `xml:lang`. The feed's author is the "
                    + "publication (`content.site-name`); its `xml:lang` is `lang`, or the language all entries share."
                    + DESCRIPTION)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/AtomFeed")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response atom(@Parameter(ref = "feedCategory") @QueryParam("category") List<String> category,
            @Parameter(ref = "feedTag") @QueryParam("tag") List<String> tag,
            @Parameter(ref = "feedLang") @QueryParam("lang") String lang,
            @Parameter(ref = "feedLimit") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed(Atom::write, Atom.MEDIA_TYPE, category, tag, lang, limit, uri, headers);
    }

    @GET
    @Path("/feed.json")
    @Produces(JsonFeed.MEDIA_TYPE)
    @Operation(operationId = "jsonFeed", summary = "Latest articles as JSON Feed 1.1",
            description = "Each item: `id` `urn:uuid:<id>`, url, title, the lead as summary, the whole article in the "
                    + "editors' text layout as `content_text` and as HTML (the fragment of `?format=html`) as "
                    + "`content_html`, dates (RFC 3339), authors, the category and tags as "
                    + "`tags`, and its `language`." + DESCRIPTION)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/JsonFeed")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response json(@Parameter(ref = "feedCategory") @QueryParam("category") List<String> category,
            @Parameter(ref = "feedTag") @QueryParam("tag") List<String> tag,
            @Parameter(ref = "feedLang") @QueryParam("lang") String lang,
            @Parameter(ref = "feedLimit") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed(JsonFeed::write, JsonFeed.MEDIA_TYPE, category, tag, lang, limit, uri, headers);
    }

    private Response feed(Function<Feed, byte[]> format, String mediaType, List<String> category, List<String> tag,
            String lang, String limit, UriInfo uri, HttpHeaders headers) {
        FeedService.Query query = new FeedService.Query(Params.values("category", category), Params.values("tag", tag),
                Params.language(lang), Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        FeedService.Result result = feeds.latest(query, uri.getBaseUri(), uri.getRequestUri().toString());
        return documents.answer(format.apply(result.feed()), mediaType, result.lastModified(),
                result.feed().language(), headers);
    }
}
