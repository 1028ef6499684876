package dev.khabar.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The operations of the stored OpenAPI document, with every {@code $ref} they use resolved. */
final class OpenApiSpec {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A parameter; {@code example} is what the spec offers as a valid value (example, default or first enum). */
    record Param(String name, String in, boolean required, JsonNode schema, Optional<String> example) {

        boolean isInteger() {
            return "integer".equals(schema.path("type").asText());
        }
    }

    /** A request body of one media type, with the examples the spec gives for it (at least one). */
    record Body(String mediaType, List<JsonNode> examples) {

        boolean isJson() {
            return mediaType.contains("json");
        }

        /** A JSON object per line; each example is one line. */
        boolean isNdjson() {
            return mediaType.equals("application/x-ndjson");
        }
    }

    /** An operation; {@code bearer}: it declares the bearer scheme (alone, or as an alternative to no credentials). */
    record Operation(String method, String path, List<Param> params, Optional<Body> body, boolean bearer,
            Set<String> methodsOnPath) {

        String key() {
            return method + " " + path;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private final JsonNode root;

    private OpenApiSpec(JsonNode root) {
        this.root = root;
    }

    static OpenApiSpec load(Path file) throws IOException {
        return new OpenApiSpec(new ObjectMapper().readTree(file.toFile()));
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                }
            });
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue(),
                            Set.copyOf(methods)));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonNode op, Set<String> methodsOnPath) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            JsonNode schema = resolve(param.path("schema"));
            params.add(new Param(param.get("name").asText(), param.get("in").asText(),
                    param.path("required").asBoolean(false), schema, example(param, schema)));
        }
        boolean bearer = false;
        for (JsonNode requirement : op.path("security")) {
            bearer |= requirement.has("bearer");
        }
        return new Operation(method, path, List.copyOf(params), body(op.path("requestBody")), bearer, methodsOnPath);
    }

    private Optional<Body> body(JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode body = resolve(requestBody);
        Map.Entry<String, JsonNode> content = body.get("content").properties().iterator().next();
        List<JsonNode> examples = new ArrayList<>();
        if (content.getValue().has("example")) {
            examples.add(content.getValue().get("example"));
        }
        for (JsonNode example : content.getValue().path("examples")) {
            examples.add(resolve(example).get("value"));
        }
        if (examples.isEmpty()) {
            throw new IllegalStateException("the spec gives no example body for " + requestBody);
        }
        return Optional.of(new Body(content.getKey(), List.copyOf(examples)));
    }

    private static Optional<String> example(JsonNode param, JsonNode schema) {
        for (JsonNode candidate : List.of(param.path("example"), schema.path("example"),
                schema.path("examples").path(0), schema.path("default"), schema.path("enum").path(0))) {
            if (candidate.isValueNode()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref") && resolved.get("$ref").asText().startsWith("#/")) {
            resolved = root.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }
}
