package dev.khabar.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.khabar.config.ContentConfig;

/**
 * The publication as feeds and sitemaps present it: its name, what it is about, and its home page
 * ({@code content.site-*}); the home page is checked at start-up, so a typo stops the service instead of publishing
 * feeds that link nowhere.
 */
@ApplicationScoped
@Startup
public class Site {

    private final String name;
    private final Optional<String> description;
    private final Optional<String> home;

    @Inject
    public Site(ContentConfig config) {
        this.name = config.siteName().strip();
        this.description = config.siteDescription().map(String::strip).filter(d -> !d.isEmpty());
        this.home = config.siteUrl().map(String::strip).filter(u -> !u.isEmpty()).map(Site::checked);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("content.site-name must not be blank.");
        }
    }

    public String name() {
        return name;
    }

    /** What a feed says it is about: the configured description, else its own title. */
    public String description(String title) {
        return description.orElse(title);
    }

    /** The home page: {@code content.site-url}, else the API's base address. */
    public String home(URI apiBase) {
        return home.orElse(apiBase.toString());
    }

    static String checked(String url) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && List.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("content.site-url must be an absolute http(s) address, was '" + url + "'.");
    }
}
