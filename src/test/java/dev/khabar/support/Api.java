package dev.khabar.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shared test vocabulary: the admin token, fixtures, and builders of article bodies. */
public final class Api {

    public static final String TOKEN = "test-admin-token";
    public static final String SEED = resource("seed-article-ar.txt");
    /**
     * With its charset: a merge-patch body without one would go out as ISO-8859-1 (see {@link #CONFIG}).
     */
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=utf-8";

    /**
     * UTF-8 both ways, and no {@code Accept-Encoding}: the service gzips what a client accepts, and tests read the
     * bodies and tags of the identity encoding unless they ask for gzip themselves. Set per request by the builders
     * below, because Quarkus restores RestAssured's global configuration after each test.
     */
    public static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)
                    .defaultCharsetForContentType(StandardCharsets.UTF_8, ContentType.TEXT)
                    .defaultCharsetForContentType(StandardCharsets.UTF_8, ContentType.JSON))
            .decoderConfig(DecoderConfig.decoderConfig().defaultContentCharset(StandardCharsets.UTF_8)
                    .defaultCharsetForContentType(StandardCharsets.UTF_8, ContentType.TEXT).noContentDecoders());

    static {
        RestAssured.config = CONFIG;
    }

    private Api() {
    }

    /** A request with the admin token. */
    public static RequestSpecification editor() {
        return given().config(CONFIG).header("Authorization", "Bearer " + TOKEN);
    }

    /** A request with this key. */
    public static RequestSpecification with(String key) {
        return given().config(CONFIG).header("Authorization", "Bearer " + key);
    }

    /** Issues a key with the admin token and returns its secret. */
    public static String key(String role) {
        return editor().contentType(ContentType.JSON)
                .body(Map.of("name", role + " " + unique(), "role", role))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
    }

    public static RequestSpecification anonymous() {
        return given().config(CONFIG);
    }

    /** A short random word, so that tests do not see each other's data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * {@link #unique()} in letters only (digits become g to p): a word that search reads as one word, where one such as
     * 1b7f6d1e reads as a number and a word.
     */
    public static String uniqueLetters() {
        StringBuilder word = new StringBuilder();
        for (char c : unique().toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + c - '0') : c);
        }
        return word.toString();
    }

    public static String resource(String name) {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** A valid article body; callers change what their test is about. */
    public static Map<String, Object> article(String language, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        body.put("category", Map.of("name", "Politics"));
        body.put("title", title);
        body.put("subtitle", "A subtitle");
        body.put("lead", "The lead paragraph says what happened.");
        body.put("sections", List.of(Map.of("heading", "First heading", "bullets", List.of("One point.", "Another point."))));
        body.put("closing", "The closing paragraph.");
        body.put("tags", List.of());
        body.put("authors", List.of());
        return body;
    }

    public static Map<String, Object> published(Map<String, Object> body) {
        body.put("status", "published");
        return body;
    }

    /** Creates an article and returns its id. */
    public static String create(Map<String, Object> body) {
        return editor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(201).extract().path("id");
    }

    public static List<Object> repeat(Object value, int times) {
        List<Object> values = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            values.add(value);
        }
        return values;
    }
}
