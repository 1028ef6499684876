package dev.khabar.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpRelay} between the service and its database: the real database is whatever the configuration
 * names (QUARKUS_DATASOURCE_JDBC_URL in CI, or the embedded PostgreSQL, which reading the URL here starts), and the
 * datasource is pointed at the relay instead. A test gets the relay in a {@link Relay} field.
 *
 * <p>The URL is returned from {@link #start()} rather than set in a profile's config overrides: the properties of a
 * test resource have a higher ordinal than environment variables, so they win over QUARKUS_DATASOURCE_JDBC_URL.
 */
public class RelayedDatabase implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's field that receives the relay. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Relay {
    }

    private TcpRelay relay;

    @Override
    public Map<String, String> start() {
        // The application's configuration, built for this test: it knows the real URL and, if there is none, starts
        // the embedded database (dev.khabar.db.EmbeddedDatabase) and answers with its URL.
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String prefix = "jdbc:";
        if (!url.startsWith(prefix)) {
            throw new IllegalStateException("not a JDBC URL: " + url);
        }
        URI target = URI.create(url.substring(prefix.length()));
        if (target.getHost() == null) {
            throw new IllegalStateException("the relay needs one host in the database URL: " + url);
        }
        relay = new TcpRelay(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort()).start();
        String relayed = prefix + target.getScheme() + "://127.0.0.1:" + relay.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return Map.of("quarkus.datasource.jdbc.url", relayed,
                // The embedded database's source gives these only while the URL is unset: pass on what they are now.
                "quarkus.datasource.username", config.getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse("postgres"),
                "quarkus.datasource.password", config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(relay, new TestInjector.AnnotatedAndMatchesType(Relay.class, TcpRelay.class));
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.close();
        }
    }
}
