package dev.khabar.bulk;

import static dev.khabar.support.Api.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.support.Api;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test vocabulary for bulk imports and exports: NDJSON bodies and answers, and raw HTTP for streaming cases. */
final class Bulk {

    static final String NDJSON = "application/x-ndjson";
    static final String BULK = "/api/v1/articles/bulk";
    static final String EXPORT = "/api/v1/articles/export";
    static final ObjectMapper JSON = new ObjectMapper();
    /** content.bulk-batch-size in the test profile. */
    static final int BATCH = 50;

    private Bulk() {
    }

    static String line(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ndjson(Object... lines) {
        StringBuilder body = new StringBuilder();
        for (Object line : lines) {
            body.append(line instanceof String s ? s : line(line)).append('\n');
        }
        return body.toString();
    }

    /** An article line: Api.article with an external id. */
    static Map<String, Object> article(String language, String title, String externalId) {
        Map<String, Object> body = Api.article(language, title);
        body.put("externalId", externalId);
        return body;
    }

    static Response post(RequestSpecification request, String body) {
        return request.contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post(BULK);
    }

    /** Imports with the admin token and returns the answer lines. */
    static List<Map<String, Object>> upload(String body) {
        Response response = post(editor(), body);
        response.then().statusCode(200).contentType(NDJSON);
        return lines(response.asString());
    }

    static List<Map<String, Object>> lines(String ndjson) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {
                    }));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("problem");
    }

    /** A raw connection, for bodies sent in pieces, cut off, or declared larger than sent. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Raw(int receiveBuffer) throws IOException {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        Raw() throws IOException {
            this(0);
        }

        void head(String method, String target, String... headers) throws IOException {
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Api.TOKEN + "\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void endChunks() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Reads up to the end of the response head and returns it. */
        String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.UTF_8);
        }

        /**
         * Reads chunked body data until {@code lines} complete lines (LF-terminated) have arrived, and returns them;
         * the chunk framing is removed.
         */
        List<String> readLines(int lines) throws IOException {
            List<String> found = new ArrayList<>();
            while (found.size() < lines && !pending.isEmpty()) {
                found.add(pending.remove(0));
            }
            while (found.size() < lines) {
                int size = Integer.parseInt(readCrlfLine().strip(), 16);
                if (size == 0) {
                    break;
                }
                byte[] data = in.readNBytes(size);
                readCrlfLine();
                for (byte b : data) {
                    if (b == '\n') {
                        (found.size() < lines ? found : pending).add(current.toString(StandardCharsets.UTF_8));
                        current.reset();
                    } else {
                        current.write(b);
                    }
                }
            }
            return found;
        }

        /** Lines read past what was asked, and the start of the next one. */
        private final List<String> pending = new ArrayList<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        /** Everything up to the end of the connection, as text. */
        String readRest() throws IOException {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        private String readCrlfLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
