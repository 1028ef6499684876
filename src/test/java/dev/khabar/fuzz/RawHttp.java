package dev.khabar.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the request line, headers and body bytes go out exactly
 * as given. HTTP clients normalise paths, re-encode percent-escapes and refuse malformed bodies, which is what a fuzzer
 * must be able to send.
 */
final class RawHttp {

    /** A request as it goes on the wire; header values are Latin-1 strings, one char per byte. */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {
    }

    /** The answer; header names lower-cased, repeated headers joined with commas. Status 0: no answer at all. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final byte[] END_OF_HEAD = { '\r', '\n', '\r', '\n' };

    private RawHttp() {
    }

    static Response exchange(int port, Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(head(port, request));
            if (request.body() != null) {
                bytes.writeBytes(request.chunked() ? chunked(request.body()) : request.body());
            }
            OutputStream out = socket.getOutputStream();
            try {
                bytes.writeTo(out);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer (413, 415) and close before it has read the whole body: read that answer.
            }
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** The bytes of a string as UTF-8, one char per byte, for a header value that must carry non-ASCII text. */
    static String utf8Bytes(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    private static byte[] head(int port, Request request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (request.body() != null) {
            head.append(request.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + request.body().length)
                    .append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString().getBytes(ISO_8859_1);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        for (int at = 0; at < body.length; at += 8192) {
            int n = Math.min(8192, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(ISO_8859_1));
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, END_OF_HEAD, 0);
        if (end < 0) {
            return new Response(0, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        byte[] rest = Arrays.copyOfRange(raw, end + END_OF_HEAD.length, raw.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            status = 0;
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOf(raw, new byte[] { '\r', '\n' }, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(raw, at, lineEnd - at, ISO_8859_1).split(";")[0].strip();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, Math.min(n, raw.length - lineEnd - 2));
            at = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
