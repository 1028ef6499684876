package dev.khabar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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

/**
 * The packaged service, started the way a newcomer starts it: no database configured. It must start its own
 * PostgreSQL, say so loudly, keep the data across a restart, and refuse to start when the embedded default is off.
 */
class EmbeddedDefaultIT {

    private static final Path RUNNER = Path.of(System.getProperty("khabar.runner", "target/quarkus-app/quarkus-run.jar"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsWithEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), "embedded-it-");
        int port = freePort();

        String id;
        try (Service service = Service.start(workDir, port, Map.of())) {
            service.awaitReady(http);
            String log = service.log();
            assertTrue(log.contains("EMBEDDED PostgreSQL"), log);
            assertTrue(log.contains(workDir.toAbsolutePath().resolve("data/postgres").toString()), log);

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(service.uri("/api/v1/articles/import?status=published"))
                    .header("Authorization", "Bearer it-token")
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.SEED, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), created.body());
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
            assertTrue(m.find());
            id = m.group(1);
        }
        assertTrue(Files.exists(workDir.resolve("data/postgres/PG_VERSION")));

        try (Service again = Service.start(workDir, port, Map.of())) {
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
        try (Service service = Service.start(workDir, freePort(), Map.of("CONTENT_EMBEDDED_DATABASE", "false"))) {
            assertTrue(service.process.waitFor(60, TimeUnit.SECONDS), "the service should have stopped");
            assertNotEquals(0, service.process.exitValue());
            assertTrue(service.log().contains("set QUARKUS_DATASOURCE_JDBC_URL"), service.log());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One run of the packaged service in its own working directory, with no datasource in its environment. */
    private record Service(Process process, Path logFile, int port) implements AutoCloseable {

        static Service start(Path workDir, int port, Map<String, String> extraEnv) throws IOException {
            Path log = Files.createTempFile(workDir, "service-", ".log");
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", RUNNER.toAbsolutePath().toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("CONTENT_"));
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("CONTENT_ADMIN_TOKEN", "it-token");
            builder.environment().putAll(extraEnv);
            return new Service(builder.start(), log, port);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        void awaitReady(HttpClient http) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service stopped:\n" + log());
                }
                try {
                    if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the service was not ready within 90 s:\n" + log());
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
