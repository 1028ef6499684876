package dev.khabar.feed.api;

import java.util.List;
import java.util.Optional;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.article.Cursor;
import dev.khabar.feed.Site;
import dev.khabar.feed.SitemapService;
import dev.khabar.feed.Sitemaps;
import dev.khabar.http.ProblemException;

/**
 * HTTP for sitemaps, at the root where crawlers look for them: the index, its pages, and the Google News sitemap.
 * Outside {@code /api/}, so no key is read and no rate limit applies.
 */
@Path("/")
@Tag(name = "Sitemaps", description = "sitemaps.org sitemaps of every published article, and a Google News sitemap of "
        + "the last 48 hours, at the root where crawlers look for them. No key is read.")
public class SitemapResource {

    static final String PAGE = "sitemap-articles.xml";

    @Inject
    SitemapService sitemaps;
    @Inject
    Site site;
    @Inject
    Documents documents;

    @GET
    @Path("/sitemap.xml")
    @Produces(Sitemaps.MEDIA_TYPE)
    @Operation(operationId = "sitemapIndex", summary = "Sitemap index",
            description = "Lists the pages of the article sitemap (`/sitemap-articles.xml`), each with at most "
                    + "`content.sitemap-page-size` (50,000) articles, oldest first, and when its newest article "
                    + "changed. Conditional like the feeds.")
    @SecurityRequirementsSet
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/SitemapIndex")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response index(@Context UriInfo uri, @Context HttpHeaders headers) {
        SitemapService.Result<List<SitemapService.PageRef>> index = sitemaps.index();
        String page = uri.getBaseUri().resolve(PAGE).toString();
        List<Sitemaps.Page> pages = index.body().stream().map(p -> new Sitemaps.Page(
                p.from().map(from -> page + "?from=" + from.encode()).orElse(page), p.lastModified())).toList();
        return documents.answer(Sitemaps.index(pages), Sitemaps.MEDIA_TYPE, index.lastModified(), Optional.empty(),
                headers);
    }

    @GET
    @Path("/" + PAGE)
    @Produces(Sitemaps.MEDIA_TYPE)
    @Operation(operationId = "sitemapPage", summary = "A page of the article sitemap",
            description = "Published articles from `from` on, oldest first, at most `content.sitemap-page-size`: each "
                    + "with its web page (`loc`), `lastmod`, and its published translations as `xhtml:link` hreflang "
                    + "alternates. Take page addresses from the index: a page starts at an article, so its cost does "
                    + "not grow with its position.")
    @SecurityRequirementsSet
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/Sitemap")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "400", ref = "#/components/responses/InvalidParameter")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response page(@Parameter(description = "Where the page starts, as the sitemap index gives it; without it, "
            + "the first page.") @QueryParam("from") String from, @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<Cursor> start = Optional.ofNullable(from).filter(f -> !f.isEmpty()).map(f -> Cursor.decode(f)
                .orElseThrow(() -> ProblemException.badParameter("from", "is not a page the sitemap index lists.")));
        SitemapService.Result<List<Sitemaps.Url>> page = sitemaps.page(start, uri.getBaseUri());
        return documents.answer(Sitemaps.urlset(page.body()), Sitemaps.MEDIA_TYPE, page.lastModified(), Optional.empty(),
                headers);
    }

    @GET
    @Path("/sitemap-news.xml")
    @Produces(Sitemaps.MEDIA_TYPE)
    @Operation(operationId = "newsSitemap", summary = "Google News sitemap",
            description = "Articles published in the last 48 hours, newest first, at most 1,000: each with its web "
                    + "page, `news:publication` (`content.site-name` and the article's language), "
                    + "`news:publication_date` and `news:title`. Conditional like the feeds.")
    @SecurityRequirementsSet
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, ref = "IfNoneMatch")
    @Parameter(name = "If-Modified-Since", in = ParameterIn.HEADER, ref = "IfModifiedSince")
    @APIResponse(responseCode = "200", ref = "#/components/responses/NewsSitemap")
    @APIResponse(responseCode = "304", ref = "#/components/responses/NotModified")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public Response news(@Context UriInfo uri, @Context HttpHeaders headers) {
        SitemapService.Result<List<Sitemaps.NewsUrl>> news = sitemaps.news(uri.getBaseUri());
        return documents.answer(Sitemaps.news(news.body(), site.name()), Sitemaps.MEDIA_TYPE, news.lastModified(),
                Optional.empty(), headers);
    }
}
