package dev.khabar.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
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
 * bytes, whichever the mutation last set. An NDJSON body is several lines: the one held as JSON, text or bytes is the
 * line mutations work on, and {@link #otherLines} go around it, so that each mutation lands in one line of a body whose
 * other lines are still read.
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
    /** The lines of an NDJSON body besides the mutated one, which goes before {@code otherLines.get(lineAt)}. */
    List<byte[]> otherLines;
    int lineAt;
    String mutation = "baseline";
    /** What the lines of an NDJSON body are, in order, for failure messages. */
    String lines;

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

    /** The body: the mutated part, whichever form holds it (raw bytes, then JSON, then text), amid the other lines. */
    byte[] body() {
        byte[] own = ownBody();
        if (otherLines == null) {
            return own;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i <= otherLines.size(); i++) {
            if (i == lineAt && own != null) {
                body.writeBytes(own);
                body.write('\n');
            }
            if (i < otherLines.size()) {
                body.writeBytes(otherLines.get(i));
                body.write('\n');
            }
        }
        return body.toByteArray();
    }

    private byte[] ownBody() {
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

    /** Replaces the whole body by raw bytes (a mutation of the serialised body passes all of it, other lines too). */
    void setBytes(byte[] body) {
        bytes = body;
        json = null;
        text = null;
        otherLines = null;
    }

    /** Replaces only the mutated line of an NDJSON body by raw bytes; the other lines stay. */
    void setLine(byte[] line) {
        bytes = line;
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
