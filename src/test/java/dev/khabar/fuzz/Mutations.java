package dev.khabar.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The mutations: each kind changes one thing of a valid request, at a place and with a value the random source picks.
 * Body mutations work on the JSON (or text) body when the operation has one; the others, and body mutations of
 * operations without a body, work on path and query parameters, headers and the method.
 */
final class Mutations {

    enum Kind {
        WRONG_TYPE, MISSING_FIELD, HUGE_STRING, INVALID_UTF8, CONTROL_CHARS, SQL_INJECTION, JSON_INJECTION,
        PATH_TRAVERSAL, PERCENT_ENCODING, WRONG_CONTENT_TYPE, DUPLICATE_KEYS, MALFORMED_BODY, BOUNDARY_VALUE,
        ODD_HEADER, WRONG_METHOD, CREDENTIALS
    }

    /** The kinds that change the body alone: what a mutated line among the other lines of an NDJSON body gets. */
    static final List<Kind> BODY_KINDS = List.of(Kind.WRONG_TYPE, Kind.MISSING_FIELD, Kind.HUGE_STRING,
            Kind.INVALID_UTF8, Kind.CONTROL_CHARS, Kind.SQL_INJECTION, Kind.JSON_INJECTION, Kind.DUPLICATE_KEYS,
            Kind.MALFORMED_BODY, Kind.BOUNDARY_VALUE);

    /** Secrets for the credential mutations: a previewer's, an editor's and a revoked key. */
    record Keys(String admin, String previewer, String editor, String revoked) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "fuzzmarker7f3a";

    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE article; --",
            "1 UNION SELECT secret_hash FROM api_key --", "%' AND 1=1 --", "\\'; SELECT pg_sleep(0); --",
            "$$; DELETE FROM article; $$", "') OR ('a'='a", "1/**/OR/**/1=1", "a & !b | c:* <-> 'd'", "admin'--",
            "\" OR \"\"=\"", "'||(SELECT version())||'", "1; UPDATE api_key SET role='admin'", "x' AND '%'='",
            "روسيا' OR 1=1 --", "E'\\\\x27'", "_%", "\\", "''''''''''", "(((((((((((");
    static final List<String> JSON_TEXT = List.of("\",\"status\":\"published\",\"x\":\"", "{\"$ne\":null}",
            "{\"__proto__\":{\"admin\":true}}", "\"}]}", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
            "</script><script>alert(1)</script>", "[\"a\",{\"b\":null}]", "\\u0000", "{\"$ref\":\"#/components\"}",
            "null", "1e999", "@type", "{\"@class\":\"java.lang.Runtime\"}");
    /** Raw JSON put where a string value stood, quotes included: structure smuggled into the document. */
    static final List<String> JSON_RAW = List.of("\"x\",\"status\":\"published\"", "\"x\",\"__proto__\":{\"a\":true}",
            "\"x\",\"extra\":{\"a\":\"b\"}", "{\"$gt\":\"\"}", "[\"x\"]", "\"x\" /* comment */", "'single'",
            "\"x\",\"id\":\"00000000-0000-0000-0000-000000000000\"", "\"x\",\"version\":-1", "\"x\",\"\":\"\"");
    static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n",
            "\u001B[2J", "\u007F", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u202E", "\u200B", "\uFFFF",
            "\uDBFF\uDFFF");
    /** Escapes and bytes that only raw JSON can carry: lone surrogates and unescaped control characters. */
    static final List<String> RAW_CONTROLS = List.of("\\ud800", "\\udfff", "\\ud83d\\u0041", "\u0000", "\n", "\u001F",
            "\t", "\\u0000");
    static final byte[][] BAD_UTF8 = { { (byte) 0xFF }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xC3, 0x28 },
            { (byte) 0x80 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF0, (byte) 0x9F, (byte) 0x98 },
            { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xFE }, { (byte) 0xE2, (byte) 0x82 },
            { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC0, (byte) 0x80 } };
    /** Path segments as sent, unencoded by the client. */
    static final List<String> TRAVERSAL = List.of("..", ".", "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e", "..%5C..%5Cwindows%5Cwin.ini", "....//....//etc/passwd",
            "%252e%252e%252fetc%252fpasswd", "..;/..;/q/metrics", "%c0%ae%c0%ae%c0%af", "..%00", "/etc/passwd",
            "../../q/openapi", "..%2f..%2fkeys", "%2e%2e/%2e%2e/keys", "../../../api/v1/keys", "..%252f");
    static final List<String> PERCENT = List.of("%", "%2", "%zz", "%G1", "%%32%65", "%25", "%2525", "%00", "%FF%FE",
            "%u0041", "+", "%20", "%2B", "%3F", "%23", "%3B", "%2F", "%5C", "%C0%80", "%E0%80%AF", "%d8%aa%d8%b5",
            "%D8%A7%D9%84%D9%94", "a%2Db", "%7E", "%E2%80%AE", "%F0%9F%98%80", "%ef%bb%bf");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "text/plain; charset=utf-8", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
            "application/json; charset=utf-16",
            "application/json; charset=no-such-charset", "application/json; charset=", "application/json; charset=\"",
            "application/merge-patch+json", "application/json", "application/problem+json", "*/*", "application/*", ";",
            "application/json;;;", "application/", "/json", "application/octet-stream", "APPLICATION/JSON",
            "text/plain; charset=iso-8859-1", "text/plain; charset=ebcdic-nope", "image/png", "json",
            "application/json; q=0.1, text/plain");
    static final List<String> MALFORMED = List.of("", " ", "{", "{\"title\": ", "[1, 2]", "null", "\"str\"", "42",
            "true", "{} trailing", "{\"a\":1,}", "{'title':'x'}", "{\"title\": NaN}", "/* c */ {}", "\uFEFF{}",
            "{\"title\":\"x\"}\u0000", "[".repeat(40) + "]".repeat(40), "{\"a\":".repeat(40) + "1" + "}".repeat(40),
            "{\"n\": 1" + "0".repeat(60) + "}", "{\"n\": 1e400}", "{\"t\": \"unterminated", "{\"a\" 1}", "{,}",
            "{\"\\uZZZZ\": 1}", "{\"title\":\"\\x41\"}", "{}{}", "\u0000\u0000\u0000\u0000");
    /** Bodies every operation gets: JSON that is well-formed but not an object, and the empty body. */
    static final List<String> ESSENTIAL_MALFORMED = List.of("null", "[]", "\"str\"", "");
    static final List<String> DATES = List.of("+300000-01-01", "-5000-01-01", "0000-01-01", "9999-12-31T23:59:59-18:00",
            "2026-02-30", "2026-11-29T24:00:00Z", "1970-01-01T00:00:00+25:00", "20261129", "2026-11-29T08:30:00", "now",
            "0001-01-01T00:00:00+18:00", "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
            "2026-11-29T08:30:00.1234567891Z", "", "2026-W48-7", "1e10");
    static final List<JsonNode> TIMESTAMPS = List.of(NODES.numberNode(1e30), NODES.numberNode(-1e30),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(31556889864403200L), NODES.numberNode(1.5e300),
            NODES.numberNode(new BigInteger("-99999999999999999999")), NODES.numberNode(-62135596801L));
    static final List<JsonNode> TYPE_SAMPLES = List.of(NODES.numberNode(42), NODES.numberNode(-1),
            NODES.numberNode(3.5), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
            NODES.textNode("text"), NODES.arrayNode().add(1).add("a").addNull(), NODES.objectNode().put("a", 1),
            NODES.textNode(""), NODES.numberNode(new BigInteger("123456789012345678901234567890")));
    static final List<String> WRONG_PARAM_TYPES = List.of("abc", "1.5", "true", "%5B%5D", "%7B%7D", "null", "1%2C2",
            "0x10", "1e2", "", "-", "%5B%22a%22%5D", "NaN", "Infinity");
    static final List<String> INT_BOUNDARIES = List.of("0", "-1", "2147483647", "2147483648", "-2147483649",
            "99999999999999999999", "%2B5", "%205", "5%20", "%D9%A5", "05", "1_000", "%EF%BC%95");
    static final List<String> VERSIONS = List.of("0", "-1", "999999999", "1000000000", "2147483648", "01", "1.0", "1e0",
            "%D9%A2", "%EF%BC%91", "00000000001");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FUZZ");

    private final Keys keys;

    Mutations(Keys keys) {
        this.keys = keys;
    }

    /**
     * Applies one mutation of this kind and records what it did in {@code d.mutation}. {@code swaps} are valid values
     * of other fixtures, by path parameter, that it may take instead of its own; {@code n} counts the mutations of this
     * kind already applied to the operation, so that each operation gets the essential cases of a kind first.
     */
    void apply(Kind kind, RequestDraft d, Random r, Map<String, List<String>> swaps, int n) {
        String what = switch (kind) {
            case WRONG_TYPE -> wrongType(d, r, swaps);
            case MISSING_FIELD -> missing(d, r);
            case HUGE_STRING -> huge(d, r, n);
            case INVALID_UTF8 -> invalidUtf8(d, r);
            case CONTROL_CHARS -> control(d, r, n);
            case SQL_INJECTION -> placeText(d, r, pick(r, SQL));
            case JSON_INJECTION -> jsonInjection(d, r);
            case PATH_TRAVERSAL -> traversal(d, r);
            case PERCENT_ENCODING -> percent(d, r);
            case WRONG_CONTENT_TYPE -> contentType(d, r);
            case DUPLICATE_KEYS -> duplicate(d, r);
            case MALFORMED_BODY -> malformed(d, r, n);
            case BOUNDARY_VALUE -> boundary(d, r);
            case ODD_HEADER -> oddHeader(d, r);
            case WRONG_METHOD -> wrongMethod(d, r);
            case CREDENTIALS -> credentials(d, r, n);
        };
        d.mutation = kind + ": " + what;
    }

    // ---- the kinds

    private String wrongType(RequestDraft d, Random r, Map<String, List<String>> swaps) {
        if (bodyFirst(d, r)) {
            if (d.json == null) {
                d.json = NODES.objectNode().put("title", 42);
                d.text = null;
                return "JSON in a text body";
            }
            Slot slot = pick(r, slots(d.json));
            List<JsonNode> other = TYPE_SAMPLES.stream().filter(t -> t.getNodeType() != slot.value().getNodeType())
                    .toList();
            JsonNode value = pick(r, other);
            slot.set(value);
            return "body " + slot.pointer + " = " + value;
        }
        OpenApiSpec.Param param = pickParam(d, r);
        if (param == null) {
            d.setQuery("limit", pick(r, WRONG_PARAM_TYPES));
            return "unknown query limit";
        }
        List<String> valid = swaps.getOrDefault(param.name(), List.of());
        if (param.in().equals("path") && !valid.isEmpty() && r.nextInt(3) == 0) {
            String swap = pick(r, valid);
            d.pathValues.put(param.name(), encode(swap));
            return "path " + param.name() + " = another fixture " + swap;
        }
        String value = param.isInteger() ? pick(r, WRONG_PARAM_TYPES)
                : pick(r, List.of("%5B1%2C2%5D", "%7B%7D", "123", "true", "null", "-1", "0", "1.5e308"));
        return put(d, param, value);
    }

    private String missing(RequestDraft d, Random r) {
        if (bodyFirst(d, r)) {
            int how = r.nextInt(8);
            if (how == 0) {
                d.setBytes(null);
                return "no body at all";
            }
            if (d.json == null) {
                List<String> lines = new ArrayList<>(Arrays.asList(d.text.split("\n", -1)));
                int line = r.nextInt(lines.size());
                lines.remove(line);
                d.text = String.join("\n", lines);
                return "text line " + (line + 1) + " removed";
            }
            if (how == 1 || !d.json.isContainerNode()) {
                d.json = NODES.objectNode();
                return "body {}";
            }
            List<Slot> members = slots(d.json).stream().filter(s -> s.field != null).toList();
            if (members.isEmpty()) {
                d.json = NODES.objectNode();
                return "body {}";
            }
            Slot slot = pick(r, members);
            slot.remove();
            return "body " + slot.pointer + " removed";
        }
        List<String> removable = new ArrayList<>();
        d.op.params("path").forEach(p -> removable.add("path " + p.name()));
        d.query.forEach(q -> removable.add("query " + q[0]));
        removable.add("header Authorization");
        String gone = pick(r, removable);
        String name = gone.substring(gone.indexOf(' ') + 1);
        if (gone.startsWith("path")) {
            d.pathValues.put(name, "");
        } else if (gone.startsWith("query")) {
            d.query.removeIf(q -> q[0].equals(name));
        } else {
            d.removeHeader(name);
        }
        return gone + " removed";
    }

    /** First, in an NDJSON body, a line past the 1 MiB a line may hold: it must be that line's 413 alone. */
    private String huge(RequestDraft d, Random r, int n) {
        String unit = pick(r, List.of("x", "ب", "\uD83D\uDE00", "a b ", "é"));
        if (bodyFirst(d, r)) {
            int length = d.otherLines != null && n == 0 ? 1_100_000
                    : pick(r, List.of(301, 2_001, 10_001, 120_000, 1_100_000));
            d.chunked = length > 100_000 && r.nextBoolean();
            String where = placeInBody(d, r, unit.repeat(length / unit.length()));
            return where + " = " + length + " chars of '" + unit + "'" + (d.chunked ? ", chunked" : "");
        }
        OpenApiSpec.Param param = pickParam(d, r);
        boolean path = param != null && param.in().equals("path");
        int length = path ? pick(r, List.of(300, 1_000, 3_000, 5_000)) : pick(r, List.of(201, 1_001, 2_001, 3_000));
        String encodedUnit = encode(unit);
        String value = encodedUnit.repeat(Math.max(1, length / encodedUnit.length()));
        if (param == null) {
            d.setQuery("q", value);
            return "query q = " + value.length() + " encoded chars";
        }
        put(d, param, value);
        return param.in() + " " + param.name() + " = " + value.length() + " encoded chars of '" + unit + "'";
    }

    private String invalidUtf8(RequestDraft d, Random r) {
        byte[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
        String hex = hex(bad);
        if (bodyFirst(d, r)) {
            if (d.json == null) {
                byte[] text = d.body();
                int at = r.nextInt(text.length + 1);
                d.setBytes(concat(Arrays.copyOfRange(text, 0, at), bad, Arrays.copyOfRange(text, at, text.length)));
                return "text body with bytes " + hex + " at " + at;
            }
            return spliceIntoString(d, r, bad) + " with bytes " + hex;
        }
        String encoded = "a" + percentHex(bad) + "b";
        if (r.nextInt(5) == 0) {
            d.setHeader("Accept-Language", new String(concat("ar".getBytes(UTF_8), bad), ISO_8859_1));
            return "header Accept-Language with bytes " + hex;
        }
        return placeEncoded(d, r, encoded) + " (bytes " + hex + ")";
    }

    /** NUL first, twice for every operation: the one character PostgreSQL text cannot hold. */
    private String control(RequestDraft d, Random r, int n) {
        String control = n < 2 ? "\u0000" : pick(r, CONTROLS);
        if (!bodyFirst(d, r)) {
            return placeEncoded(d, r, "a" + encode(control) + "b");
        }
        if (n >= 2 && d.json != null && r.nextInt(3) == 0) {
            String raw = pick(r, RAW_CONTROLS);
            return spliceIntoString(d, r, raw.getBytes(UTF_8)) + " with raw " + printable(raw);
        }
        return placeInBody(d, r, "before" + control + "after") + " = before" + printable(control) + "after";
    }

    private String jsonInjection(RequestDraft d, Random r) {
        if (d.json != null && bodyFirst(d, r) && r.nextBoolean()) {
            String raw = pick(r, JSON_RAW);
            Slot slot = textSlot(d.json, r);
            slot.set(TextNode.valueOf(MARKER));
            d.setBytes(replace(d.body(), ("\"" + MARKER + "\"").getBytes(UTF_8), raw.getBytes(UTF_8)));
            return "body " + slot.pointer + " replaced by raw " + raw;
        }
        return placeText(d, r, pick(r, JSON_TEXT));
    }

    private String traversal(RequestDraft d, Random r) {
        String segment = pick(r, TRAVERSAL);
        List<OpenApiSpec.Param> path = d.op.params("path");
        if (!path.isEmpty() && r.nextInt(4) != 0) {
            OpenApiSpec.Param param = pick(r, path);
            d.pathValues.put(param.name(), segment);
            return "path " + param.name() + " = " + segment;
        }
        if (r.nextBoolean()) {
            d.setQuery(d.query.isEmpty() ? "lang" : d.query.get(0)[0], segment);
            return "query " + d.query.get(d.query.size() - 1)[0] + " = " + segment;
        }
        String p = d.path();
        int cut = p.indexOf('/', 1 + r.nextInt(p.length() - 1));
        String head = cut < 0 ? p : p.substring(0, cut);
        String tail = cut < 0 ? "" : p.substring(cut);
        String lastOfHead = head.substring(head.lastIndexOf('/') + 1);
        d.rawPath = head + "/" + pick(r, List.of("..", "%2e%2e", ".", "%2e", "./.", "..;")) + "/" + lastOfHead + tail;
        return "path rewritten as " + d.rawPath;
    }

    private String percent(RequestDraft d, Random r) {
        String escape = pick(r, PERCENT);
        if (r.nextInt(4) == 0) {
            String p = d.path();
            int i = 1 + r.nextInt(p.length() - 1);
            char c = p.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '/' || c == '-') {
                d.rawPath = p.substring(0, i) + String.format("%%%02X", (int) c) + p.substring(i + 1);
                return "path character '" + c + "' percent-encoded: " + d.rawPath;
            }
        }
        return placeEncoded(d, r, pick(r, List.of("", "a", "ar")) + escape);
    }

    private String contentType(RequestDraft d, Random r) {
        String own = d.header("Content-Type");
        List<String> others = CONTENT_TYPES.stream().filter(t -> !t.equalsIgnoreCase(own)).toList();
        if (d.body() == null) {
            d.setBytes("{\"x\":1}".getBytes(UTF_8));
        }
        if (r.nextInt(8) == 0) {
            d.removeHeader("Content-Type");
            return "Content-Type removed";
        }
        String type = pick(r, others);
        d.setHeader("Content-Type", type);
        return "Content-Type: " + type;
    }

    private String duplicate(RequestDraft d, Random r) {
        if (bodyFirst(d, r)) {
            if (d.json == null) {
                List<String> lines = new ArrayList<>(Arrays.asList(d.text.split("\n", -1)));
                int line = r.nextInt(lines.size());
                lines.add(line, lines.get(line));
                d.text = String.join("\n", lines);
                return "text line " + (line + 1) + " twice";
            }
            List<Slot> members = slots(d.json).stream().filter(s -> s.field != null).toList();
            if (members.isEmpty() || !d.json.isObject()) {
                d.setBytes("{\"title\":\"a\",\"title\":\"b\"}".getBytes(UTF_8));
                return "body {\"title\":\"a\",\"title\":\"b\"}";
            }
            Slot slot = pick(r, members);
            JsonNode second = r.nextBoolean() ? slot.value().deepCopy() : pick(r, TYPE_SAMPLES);
            ((ObjectNode) slot.parent).set(MARKER, second);
            d.setBytes(replace(d.body(), ("\"" + MARKER + "\"").getBytes(UTF_8),
                    ("\"" + slot.field.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").getBytes(UTF_8)));
            return "body " + slot.pointer + " twice, second " + abbreviate(second.toString());
        }
        if (r.nextInt(4) == 0) {
            d.headers.add(new String[] { "Authorization", pick(r, List.of("Bearer not-a-key",
                    "Bearer " + keys.previewer(), "Bearer " + keys.admin())) });
            return "a second Authorization header";
        }
        List<OpenApiSpec.Param> query = d.op.params("query");
        if (query.isEmpty()) {
            d.query.add(new String[] { "limit", "1" });
            d.query.add(new String[] { "limit", "abc" });
            return "unknown query limit twice";
        }
        OpenApiSpec.Param param = pick(r, query);
        String first = param.example().map(Mutations::encode).orElse("a");
        String second = pick(r, List.of(first, "", "abc", "0", "-1", "draft", "en"));
        d.query.removeIf(q -> q[0].equals(param.name()));
        d.query.add(new String[] { param.name(), first });
        d.query.add(new String[] { param.name(), second });
        if (r.nextInt(3) == 0) {
            for (int i = 0; i < 120; i++) {
                d.query.add(new String[] { param.name(), "v" + i });
            }
            return "query " + param.name() + " 122 times";
        }
        return "query " + param.name() + " twice: " + first + ", " + second;
    }

    private String malformed(RequestDraft d, Random r, int n) {
        if (n < ESSENTIAL_MALFORMED.size()) {
            d.setBytes(ESSENTIAL_MALFORMED.get(n).getBytes(UTF_8));
            return "body " + ESSENTIAL_MALFORMED.get(n);
        }
        // Binary bytes once in every NDJSON body's run: LF, CR and NUL split them into lines that start with NULs, from
        // which a JSON reader may guess another encoding than UTF-8.
        boolean binary = d.otherLines != null ? n == ESSENTIAL_MALFORMED.size()
                : d.json == null && d.text != null && r.nextBoolean();
        if (binary) {
            byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
            if (d.otherLines != null) {
                d.setLine(png);
                return "PNG bytes as a line";
            }
            d.setBytes(png);
            return "PNG bytes as text";
        }
        String body = pick(r, MALFORMED);
        byte[] bytes = body.getBytes(UTF_8);
        boolean truncated = r.nextInt(6) == 0 && body.length() > 2;
        if (truncated) {
            bytes = Arrays.copyOf(bytes, bytes.length - 1 - r.nextInt(2));
        }
        String what = printable(abbreviate(body)) + (truncated ? " truncated" : "");
        // An NDJSON body is read line by line: a broken line among sound ones must not take them with it.
        if (d.otherLines != null && r.nextBoolean()) {
            d.setLine(bytes);
            return "line " + what;
        }
        d.setBytes(bytes);
        return "body " + what;
    }

    private String boundary(RequestDraft d, Random r) {
        if (bodyFirst(d, r) && d.json != null) {
            List<Slot> all = slots(d.json);
            List<Slot> numbers = all.stream().filter(s -> s.value().isNumber()).toList();
            List<Slot> dates = all.stream().filter(s -> s.value().isTextual()
                    && s.value().asText().matches("\\d{4}-\\d\\d-\\d\\d.*")).toList();
            List<Slot> arrays = all.stream().filter(s -> s.value().isArray()).toList();
            int choice = r.nextInt(4);
            if (choice == 0 && !numbers.isEmpty()) {
                Slot slot = pick(r, numbers);
                JsonNode value = pick(r, List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(100_001),
                        NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(2147483648L), NODES.numberNode(1.5),
                        NODES.numberNode(1e3), NODES.numberNode(-0.0)));
                slot.set(value);
                return "body " + slot.pointer + " = " + value;
            }
            if (choice == 1 && !dates.isEmpty()) {
                Slot slot = pick(r, dates);
                JsonNode value = r.nextInt(3) == 0 ? pick(r, TIMESTAMPS) : TextNode.valueOf(pick(r, DATES));
                slot.set(value);
                return "body " + slot.pointer + " = " + value;
            }
            if (choice == 2 && !arrays.isEmpty()) {
                Slot slot = pick(r, arrays);
                ArrayNode array = (ArrayNode) slot.value();
                int n = pick(r, List.of(0, 51, 1_000));
                JsonNode item = array.isEmpty() ? TextNode.valueOf("item") : array.get(0);
                ArrayNode grown = NODES.arrayNode();
                for (int i = 0; i < n; i++) {
                    grown.add(item.deepCopy());
                }
                slot.set(grown);
                return "body " + slot.pointer + " with " + n + " items";
            }
            if (d.json.isObject()) {
                String field = pick(r, List.of("publishedAt", "expiresAt"));
                JsonNode value = r.nextBoolean() ? pick(r, TIMESTAMPS) : TextNode.valueOf(pick(r, DATES));
                ((ObjectNode) d.json).set(field, value);
                return "body /" + field + " = " + value;
            }
        }
        OpenApiSpec.Param param = pickParam(d, r);
        if (param == null) {
            d.setQuery("limit", pick(r, INT_BOUNDARIES));
            return "unknown query limit = " + d.query.get(d.query.size() - 1)[1];
        }
        String value;
        if (param.in().equals("path")) {
            UUID some = new UUID(r.nextLong(), r.nextLong());
            value = param.name().equals("id") ? pick(r, List.of("00000000-0000-0000-0000-000000000000",
                    d.pathValues.get("id").toUpperCase(), "%7B" + some + "%7D", "0", "-1", some.toString(),
                    some.toString().replace("-", ""), some + "0",
                    "%D9%A0%D9%A0%D9%A0%D9%A0%D9%A0%D9%A0%D9%A0%D9%A0-0000-0000-0000-000000000000"))
                    : param.name().equals("slug") ? slugBoundary(d.pathValues.get("slug"), r) : pick(r, VERSIONS);
        } else if (param.isInteger()) {
            long min = param.schema().path("minimum").asLong(1);
            long max = param.schema().path("maximum").asLong(100);
            List<String> values = new ArrayList<>(INT_BOUNDARIES);
            values.addAll(List.of(Long.toString(min - 1), Long.toString(min), Long.toString(max),
                    Long.toString(max + 1)));
            value = pick(r, values);
        } else if (param.schema().has("enum")) {
            value = pick(r, List.of("DRAFT", "%20draft", "deleted", "", "draft%2Cpublished", "*", "scheduled",
                    "archived", "Published"));
        } else if (param.name().equals("cursor") || param.name().equals("since")) {
            value = r.nextInt(4) == 0 ? encode(pick(r, DATES)) : forgedCursor(r);
        } else if (param.name().startsWith("published")) {
            value = encode(pick(r, DATES));
        } else {
            value = pick(r, List.of("", "%20", "a", "-", "*", "%2C%2C%2C", encode("x".repeat(201)),
                    encode(String.join(",", Collections.nCopies(51, "t"))), "xx-invalid-tag-value",
                    "en-GB-oed", "i-klingon", "zh-Hant-TW-x-private"));
        }
        return put(d, param, value);
    }

    /**
     * A cursor with a valid checksum around random bytes, in one of the sizes the API's cursors have: opaque tokens
     * are only checked for their checksum, so what they hold must be range-checked.
     */
    private static String forgedCursor(Random r) {
        byte[] payload = new byte[pick(r, List.of(4, 8, 20, 28, 32))];
        r.nextBytes(payload);
        if (r.nextBoolean()) {
            Arrays.fill(payload, 0, Math.min(8, payload.length), r.nextBoolean() ? (byte) 0x7F : (byte) 0x80);
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] cursor = ByteBuffer.allocate(payload.length + 4).put(payload).putInt((int) crc.getValue()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** Slugs at and past the rules: 80 and 81 code points, upper case, stray hyphens, the NFD form of the slug. */
    private static String slugBoundary(String encodedSlug, Random r) {
        String slug = URLDecoder.decode(encodedSlug.replace("+", "%2B"), UTF_8);
        return encode(pick(r, List.of("a".repeat(80), "a".repeat(81), "ب".repeat(81), slug.toUpperCase(), "-",
                "a--b", "-" + slug, slug + "-", Normalizer.normalize(slug, Normalizer.Form.NFD),
                slug + "\u0651", "ﻻ", slug.replace('-', '_'))));
    }

    private String oddHeader(RequestDraft d, Random r) {
        String other = new UUID(r.nextLong(), r.nextLong()).toString();
        String id = d.pathValues.getOrDefault("id", other);
        List<String> tags = List.of("garbage", "*", "W/\"" + id + "-v1-json\"", "\"unterminated", "\"" + id
                + "-v999999999-json\"", "\"" + id + "-v1-json\"", "\"" + id + "-v2-text\"", "a".repeat(5000), "",
                "*, \"x\"", "\"" + other + "-v1-json\"", "\"" + id + "-v99999999999-json\"", ",,,\"");
        String[] header = switch (r.nextInt(7)) {
            case 0 -> new String[] { "Accept", pick(r, List.of("application/xml", "text/html", "*/*;q=0",
                    "application/json;q=abc", ";;;", "application/", "text/plain", "image/png, */*;q=0",
                    "application/problem+json", "application/json;charset=latin1", "", "*/json",
                    "text/*;q=0.5, application/json;q=1.5", "application/merge-patch+json", "application/json; q=0")) };
            case 1 -> new String[] { "Accept-Language", pick(r, List.of("*", "xx-invalid", "ar;q=2", "en;q=abc",
                    "a,".repeat(300), ",,,,", RawHttp.utf8Bytes("العربية"), "en-GB-oed, i-klingon", "-")) };
            case 2 -> new String[] { "If-Match", pick(r, tags) };
            case 3 -> new String[] { "If-None-Match", pick(r, tags) };
            case 4 -> new String[] { "If-Modified-Since", pick(r, List.of("garbage", "Mon, 32 Nov 2026 08:30:00 GMT",
                    "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "-1",
                    "Sun, 29 Nov 2026 08:30:00 GMT", "Sunday, 29-Nov-26 08:30:00 GMT", "")) };
            case 5 -> new String[] { pick(r, List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Host")),
                    pick(r, List.of("1.2.3.4, <script>", "for=\"[::1]\";proto=gopher", "unknown", "999.999.999.999")) };
            default -> new String[] { pick(r, List.of("Origin", "Content-Encoding", "Range", "Content-Language")),
                    pick(r, List.of("https://evil.example", "null", "gzip", "bytes=0-1", "ar", "br, deflate")) };
        };
        d.setHeader(header[0], header[1]);
        return "header " + header[0] + ": " + abbreviate(header[1]);
    }

    private String wrongMethod(RequestDraft d, Random r) {
        List<String> others = METHODS.stream().filter(m -> !d.op.methodsOnPath().contains(m)).toList();
        d.method = pick(r, others);
        return "method " + d.method;
    }

    /** No token, a garbage token and a previewer's key first, for every operation; then anything. */
    private String credentials(RequestDraft d, Random r, int n) {
        d.removeHeader("Authorization");
        List<String> essential = List.of("(none)", "Bearer not-a-key", "Bearer " + keys.previewer());
        String value = n < essential.size() ? essential.get(n) : pick(r, List.of("Bearer " + keys.editor(), "Bearer ",
                "Basic dXNlcjpwYXNz", "bearer " + keys.admin(), "Bearer " + keys.admin() + "x",
                "Bearer   " + keys.admin() + "   ", "Bearer khb_" + "A".repeat(43), "Bearer " + "k".repeat(10_000),
                "Bearer " + keys.revoked(), "Token " + keys.admin(), "Bearer " + RawHttp.utf8Bytes("مفتاح"),
                "Bearer " + keys.previewer().substring(0, 10)));
        if (!value.equals("(none)")) {
            d.setHeader("Authorization", value);
        }
        return "Authorization: " + abbreviate(value.replace(keys.admin(), "<admin>").replace(keys.previewer(),
                "<previewer>").replace(keys.editor(), "<editor>").replace(keys.revoked(), "<revoked>"));
    }

    // ---- where values go

    /** Mostly the body when there is one: it is what most writes are about. */
    private static boolean bodyFirst(RequestDraft d, Random r) {
        boolean hasBody = d.json != null || d.text != null;
        boolean hasParams = !d.op.params("query").isEmpty() || !d.op.params("path").isEmpty();
        return hasBody && (!hasParams || r.nextInt(4) != 0);
    }

    /** A text value into the body, or into a parameter (percent-encoded). */
    private static String placeText(RequestDraft d, Random r, String value) {
        if (bodyFirst(d, r)) {
            return placeInBody(d, r, value) + " = " + printable(abbreviate(value));
        }
        return placeEncoded(d, r, encode(value)) + " (" + printable(abbreviate(value)) + ")";
    }

    private static String placeInBody(RequestDraft d, Random r, String value) {
        if (d.json == null) {
            List<String> lines = new ArrayList<>(Arrays.asList(d.text.split("\n", -1)));
            int line = r.nextInt(lines.size());
            lines.set(line, r.nextBoolean() ? value : lines.get(line) + value);
            d.text = String.join("\n", lines);
            return "text line " + (line + 1);
        }
        Slot slot = textSlot(d.json, r);
        slot.set(TextNode.valueOf(value));
        return "body " + slot.pointer;
    }

    private static String placeEncoded(RequestDraft d, Random r, String encoded) {
        OpenApiSpec.Param param = pickParam(d, r);
        if (param == null) {
            d.setQuery("q", encoded);
            return "query q = " + abbreviate(encoded);
        }
        return put(d, param, encoded);
    }

    private static String put(RequestDraft d, OpenApiSpec.Param param, String encoded) {
        if (param.in().equals("path")) {
            d.pathValues.put(param.name(), encoded);
        } else {
            d.setQuery(param.name(), encoded);
        }
        return param.in() + " " + param.name() + " = " + abbreviate(encoded);
    }

    private static OpenApiSpec.Param pickParam(RequestDraft d, Random r) {
        List<OpenApiSpec.Param> params = d.op.params().stream()
                .filter(p -> p.in().equals("query") || p.in().equals("path")).toList();
        return params.isEmpty() ? null : pick(r, params);
    }

    /** Serialises the body with a marker in one string value, then puts the raw bytes inside that string. */
    private static String spliceIntoString(RequestDraft d, Random r, byte[] raw) {
        Slot slot = textSlot(d.json, r);
        slot.set(TextNode.valueOf("ab" + MARKER + "cd"));
        d.setBytes(replace(d.body(), MARKER.getBytes(UTF_8), raw));
        return "body " + slot.pointer;
    }

    // ---- JSON slots

    /** A place in a JSON document: a member of an object or an element of an array. */
    private record Slot(String pointer, JsonNode parent, String field, int index) {

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        if (slots.isEmpty() && root.isObject()) {
            ((ObjectNode) root).put("title", "x");
            collect(root, "", slots);
        }
        return slots;
    }

    private static void collect(JsonNode node, String pointer, List<Slot> into) {
        if (node.isObject()) {
            for (String field : iterable(node)) {
                String child = pointer + "/" + field;
                into.add(new Slot(child, node, field, -1));
                collect(node.get(field), child, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(new Slot(pointer + "/" + i, node, null, i));
                collect(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A string value of the document; the title, added, when there is none. */
    private static Slot textSlot(JsonNode root, Random r) {
        List<Slot> texts = slots(root).stream().filter(s -> s.value().isTextual()).toList();
        if (!texts.isEmpty()) {
            return pick(r, texts);
        }
        ((ObjectNode) root).put("title", "x");
        return new Slot("/title", root, "title", -1);
    }

    // ---- small helpers

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Percent-encodes UTF-8, leaving only RFC 3986 unreserved characters as they are. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String percentHex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b & 0xFF));
        }
        return out.toString().strip();
    }

    static String abbreviate(String value) {
        return abbreviate(value, 60);
    }

    static String abbreviate(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…(" + value.length() + " chars)" : value;
    }

    /** The text with control and invisible characters shown as escapes, for failure messages. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static byte[] replace(byte[] haystack, byte[] needle, byte[] replacement) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return concat(Arrays.copyOfRange(haystack, 0, i), replacement,
                        Arrays.copyOfRange(haystack, i + needle.length, haystack.length));
            }
        }
        throw new IllegalStateException("marker not found");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
