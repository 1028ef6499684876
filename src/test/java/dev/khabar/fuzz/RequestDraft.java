package dev.khabar.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request being built: first the valid baseline of an operation, then changed by one mutation. Path and query values
 * are kept percent-encoded, so that a mutation can put malformed escapes there; the body is kept as JSON, text or raw
 * bytes, whichever the mutation last set.
 */
final class RequestDraft {

    private static final ObjectMapper JSON = new ObjectMapper();

    final OpenApiSpec.Operation op;
    String method;
    /** Path values by parameter name, percent-encoded. */
    final Map<String, String> pathValues = new LinkedHashMap<>();
    /** Replaces the path built from the template when set. */
    String rawPath;
    /** Query parameters as encoded name and value. */
    final List<String[]> query = new ArrayList<>();
    final List<String[]> headers = new ArrayList<>();
    JsonNode json;
    String text;
    byte[] bytes;
    boolean chunked;
    String mutation = "baseline";

    RequestDraft(OpenApiSpec.Operation op) {
        this.op = op;
        this.method = op.method();
    }

    String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    void setHeader(String name, String value) {
        removeHeader(name);
        headers.add(new String[] { name, value });
    }

    void removeHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }

    void setQuery(String name, String encodedValue) {
        query.removeIf(q -> q[0].equals(name));
        query.add(new String[] { name, encodedValue });
    }

    /** The body, whichever form holds it: raw bytes, then JSON, then text. */
    byte[] body() {
        if (bytes != null) {
            return bytes;
        }
        if (json != null) {
            try {
                return JSON.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text == null ? null : text.getBytes(UTF_8);
    }

    /** Replaces the body by raw bytes. */
    void setBytes(byte[] body) {
        bytes = body;
        json = null;
        text = null;
    }

    String path() {
        if (rawPath != null) {
            return rawPath;
        }
        String path = op.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    String target() {
        StringBuilder target = new StringBuilder(path());
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
        }
        return target.toString();
    }

    RawHttp.Request render() {
        return new RawHttp.Request(method, target(), List.copyOf(headers), body(), chunked);
    }
}
