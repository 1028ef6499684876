package dev.khabar.feed.api;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.khabar.config.ContentConfig;
import dev.khabar.http.Conditional;

/**
 * How feeds and sitemaps go over HTTP: a strong entity tag that is a hash of the bytes, {@code Last-Modified} at the
 * latest change anonymous readers can see, 304 when the client's copy is current, and the caching headers of public
 * content. Always the public form: feeds and sitemaps show what anonymous readers see, whoever asks.
 */
@ApplicationScoped
class Documents {

    /** Every feed and sitemap lists articles: any change to any article purges them (README, "Caching"). */
    static final String SURROGATE_KEY = "articles";

    @Inject
    ContentConfig config;

    Response answer(byte[] body, String mediaType, Optional<Instant> lastModified, Optional<String> language,
            HttpHeaders headers) {
        String etag = Conditional.bodyTag("d", body);
        Response.ResponseBuilder response = Conditional.notModified(headers, etag, lastModified.orElse(null))
                ? Response.notModified() : Response.ok(body, mediaType + "; charset=utf-8");
        lastModified.ifPresent(at -> response.header(HttpHeaders.LAST_MODIFIED, Conditional.httpDate(at)));
        language.ifPresent(lang -> response.header(HttpHeaders.CONTENT_LANGUAGE, lang));
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, config.publicCacheControl())
                .header("Surrogate-Key", SURROGATE_KEY)
                .build();
    }
}
