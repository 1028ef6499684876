package dev.khabar.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged service (target/khabar-runner.jar, built by {@code package}) as a process in its own working
 * directory, for failsafe tests: no datasource or content settings inherited from the build's environment, only the
 * ones given.
 */
public record PackagedService(Process process, Path logFile, int port) implements AutoCloseable {

    private static final Path RUNNER = Path.of(System.getProperty("khabar.runner", "target/khabar-runner.jar"));
    public static final String TOKEN = "it-token";

    public static PackagedService start(Path workDir, int port, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile(workDir, "service-", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", RUNNER.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("CONTENT_"));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("CONTENT_ADMIN_TOKEN", TOKEN);
        builder.environment().putAll(env);
        return new PackagedService(builder.start(), log, port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    public void awaitReady(HttpClient http) throws Exception {
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
