package dev.khabar.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the content API itself ({@code content.*}, or {@code CONTENT_*} in the environment). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    /** The bearer token that authorises writes and the reading of drafts (env {@code CONTENT_ADMIN_TOKEN}). */
    Optional<String> adminToken();

    /** Start an embedded PostgreSQL when no datasource URL is configured (for trying the service out). */
    @WithDefault("true")
    boolean embeddedDatabase();

    /** Where the embedded PostgreSQL keeps its data, relative to the working directory. */
    @WithDefault("data/postgres")
    String embeddedDatabaseDir();
}
