package dev.khabar.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The spec in openapi/ is the contract frontends build against: it must be exactly what the running service serves,
 * and complete. After changing the API, regenerate it with {@code ./mvnw package -DskipTests} and commit it.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String served(String format) {
        return given().queryParam("format", format).get("/q/openapi").then().statusCode(200).extract().asString();
    }

    private static String stored(String file) throws IOException {
        return Files.readString(Path.of("openapi", file), StandardCharsets.UTF_8);
    }

    @Test
    void storedJsonSpecIsWhatTheServiceServes() throws IOException {
        assertEquals(JSON.readTree(stored("openapi.json")), JSON.readTree(served("json")),
                "openapi/openapi.json is stale: run ./mvnw package -DskipTests and commit openapi/");
    }

    @Test
    void storedYamlSpecIsWhatTheServiceServes() throws IOException {
        // Compared as trees: the build and the running service may order the keys of an object differently.
        assertEquals(YAML.readTree(stored("openapi.yaml")), YAML.readTree(served("yaml")),
                "openapi/openapi.yaml is stale: run ./mvnw package -DskipTests and commit openapi/");
    }

    @Test
    void everyOperationHasIdSummaryAndDocumentedErrors() throws IOException {
        JsonNode spec = JSON.readTree(served("json"));
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("operationId") || !operation.hasNonNull("summary")) {
                    faults.add(where + ": operationId or summary missing");
                }
                JsonNode responses = operation.get("responses");
                boolean hasError = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    hasError |= response.getKey().startsWith("4");
                }
                if (!hasError) {
                    faults.add(where + ": no 4xx response documented");
                }
                if (!operation.has("security")) {
                    faults.add(where + ": security not declared");
                }
            }
        }
        assertTrue(operations >= 9, "operations found: " + operations);
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        assertTrue(spec.at("/components/securitySchemes/bearer/scheme").asText().equals("bearer"));
    }

    @Test
    void publicReadsNeedNoTokenAndWritesNeedOne() throws IOException {
        JsonNode spec = JSON.readTree(served("json"));
        JsonNode read = spec.at("/paths/~1api~1v1~1articles~1{id}/get/security");
        JsonNode write = spec.at("/paths/~1api~1v1~1articles~1{id}/put/security");
        assertTrue(read.toString().contains("{}"), "anonymous access allowed on reads: " + read);
        assertFalse(write.toString().contains("{}"), "writes need the bearer token: " + write);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
