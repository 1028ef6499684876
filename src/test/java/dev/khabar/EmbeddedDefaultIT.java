package dev.khabar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.khabar.support.Api;
import dev.khabar.support.PackagedService;

/**
 * The packaged service, started the way a newcomer starts it: no database configured. It must start its own
 * PostgreSQL, say so loudly, keep the data across a restart, and refuse to start when the embedded default is off.
 */
class EmbeddedDefaultIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsWithEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), "embedded-it-");
        int port = PackagedService.freePort();

        String id;
        try (PackagedService service = PackagedService.start(workDir, port, Map.of())) {
            service.awaitReady(http);
            String log = service.log();
            assertTrue(log.contains("EMBEDDED PostgreSQL"), log);
            assertTrue(log.contains(workDir.toAbsolutePath().resolve("data/postgres").toString()), log);

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(service.uri("/api/v1/articles/import?status=published"))
                    .header("Authorization", "Bearer " + PackagedService.TOKEN)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.SEED, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), created.body());
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
            assertTrue(m.find());
            id = m.group(1);
        }
        assertTrue(Files.exists(workDir.resolve("data/postgres/PG_VERSION")));

        try (PackagedService again = PackagedService.start(workDir, port, Map.of())) {
            again.awaitReady(http);
            HttpResponse<String> text = http.send(HttpRequest.newBuilder(again.uri("/api/v1/articles/" + id))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, text.statusCode());
            assertEquals(Api.SEED, text.body());
        }
    }

    @Test
    void refusesToStartWithoutDatabaseWhenEmbeddedIsOff() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), "no-db-it-");
        try (PackagedService service = PackagedService.start(workDir, PackagedService.freePort(),
                Map.of("CONTENT_EMBEDDED_DATABASE", "false"))) {
            assertTrue(service.process().waitFor(60, TimeUnit.SECONDS), "the service should have stopped");
            assertNotEquals(0, service.process().exitValue());
            assertTrue(service.log().contains("set QUARKUS_DATASOURCE_JDBC_URL"), service.log());
        }
    }
}
