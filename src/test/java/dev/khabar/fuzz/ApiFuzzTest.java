package dev.khabar.fuzz;

import static dev.khabar.support.Api.editor;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.khabar.fuzz.Mutations.Kind;
import dev.khabar.fuzz.OpenApiSpec.Operation;
import dev.khabar.fuzz.OpenApiSpec.Param;
import dev.khabar.support.Api;
import dev.khabar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Derives requests from the stored OpenAPI spec and mutates them: for every operation a valid baseline and
 * {@value #VARIANTS} variants, each with one mutation (wrong types, missing fields, huge strings, invalid UTF-8,
 * control characters, SQL and JSON injection, path traversal, odd percent-encodings, wrong content types, duplicate
 * JSON keys, malformed bodies, boundary values, odd headers, wrong methods, bad credentials), from a fixed seed.
 * Every answer must be below 500, every error an RFC 9457 problem whose status is the HTTP status, and every refused
 * write must leave the content tables exactly as they were. A bulk import answers 200 whatever becomes of its lines, so
 * its bodies are several lines (new articles, text-layout lines, exported articles, external ids twice, blank lines,
 * and lines of their own mutations), and the same holds for each line of its answer: below 500, a problem document
 * when refused, an id when written, one answer per non-blank line in order. Requests go over a plain socket
 * ({@link RawHttp}), so that broken escapes and bytes reach the service as sent.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = 20_261_129L;
    private static final int VARIANTS = 6 * Kind.values().length;
    private static final int FAILURES_SHOWN = 50;
    /**
     * The body limit of single-article requests (README, "Input limits"), and the line limit of a bulk import: over it,
     * the answer (of the line) is 413.
     */
    private static final int BODY_LIMIT = 1024 * 1024;
    /** A bulk import streams a body of many articles: its caps are per line (answered in the 200) and per body. */
    private static final String BULK_PATH = "/api/v1/articles/bulk";
    private static final String NDJSON = "application/x-ndjson";
    /** Members of an article a bulk line may leave out when it updates one: the update replaces them all. */
    private static final List<String> OPTIONAL_MEMBERS = List.of("tags", "authors", "sections", "subtitle", "closing",
            "status");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A {@code %} without two hex digits after it: the HTTP server refuses such a request line itself. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final List<String> TABLES = List.of("article", "article_tag", "article_revision", "article_change",
            "slug_redirect", "api_key", "category", "tag");
    /**
     * One row: per table, its row count and a checksum of its row versions. Every insert, update or delete leaves a row
     * version with a new ctid and xmin, so the checksum changes with any write, even one of the same values; it costs
     * a fraction of hashing the rows' text, which matters at two snapshots per write.
     */
    private static final String SNAPSHOT = TABLES.stream()
            .map(t -> "(select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(x.ctid::text || ':' || "
                    + "x.xmin::text, ',' order by x.ctid)), '-') from " + t + " x) as " + t)
            .collect(Collectors.joining(", ", "select ", ""));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    private int port;
    private int sent;
    private int setupRequests;
    private int serverRefusals;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    /** The statuses in the answers of bulk imports, line by line. */
    private final Map<Integer, Integer> lineStatuses = new TreeMap<>();
    private final Map<Kind, Integer> kindsSent = new EnumMap<>(Kind.class);

    // Fixtures: valid values for path parameters. The victims are what DELETE may remove; replaced when it does.
    private String publishedId;
    private String publishedSlug;
    private String oldSlug;
    private String translationId;
    private String draftId;
    private String draftSlug;
    /** By path: an article each transition can make, so that every baseline is a valid move. */
    private final Map<String, String> transitionTargets = new TreeMap<>();
    private String victimId;
    private String victimKeyId;
    /** Articles as an export writes them (GET shows them the same way), for bulk lines that update by id. */
    private final List<ObjectNode> exported = new ArrayList<>();
    /** Makes the external ids and titles of this run's new bulk lines its own. */
    private final String run = Api.unique();
    private int freshLines;

    @Test
    void mutatedRequestsGetProblemsNeverServerErrorsAndRefusedWritesChangeNothing() throws IOException {
        long start = System.nanoTime();
        port = RestAssured.port;
        List<Operation> operations = OpenApiSpec.load(Path.of("openapi/openapi.json")).operations();
        Mutations mutations = createFixtures();
        Kind[] kinds = Kind.values();
        for (Operation op : operations) {
            Random random = new Random(SEED * 31 + op.key().hashCode());
            boolean ndjson = op.body().map(OpenApiSpec.Body::isNdjson).orElse(false);
            RequestDraft first = baseline(op, 0);
            if (ndjson) {
                surround(first, random, null);
            }
            send(first);
            for (int i = 0; i < VARIANTS; i++) {
                Kind kind = kinds[i % kinds.length];
                RequestDraft draft = baseline(op, random.nextInt(op.body().map(b -> b.examples().size()).orElse(1)));
                if (ndjson) {
                    surround(draft, random, mutations);
                }
                mutations.apply(kind, draft, random, swaps(op), i / kinds.length);
                kindsSent.merge(kind, 1, Integer::sum);
                send(draft);
            }
        }
        System.out.println(summary(operations.size(), (System.nanoTime() - start) / 1e9));
        assertEquals(operations.size() * (VARIANTS + 1), sent, "requests sent");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " requests broke the contract (first " + FAILURES_SHOWN + "):\n"
                    + failures.stream().limit(FAILURES_SHOWN).collect(Collectors.joining("\n")));
        }
    }

    // ---- requests

    /**
     * The valid request of an operation: fixture path values, example query values and body, and the admin token where
     * the operation takes a bearer token (every one does: the public reads show drafts to a key).
     */
    private RequestDraft baseline(Operation op, int example) {
        RequestDraft d = new RequestDraft(op);
        if (op.bearer()) {
            d.setHeader("Authorization", "Bearer " + Api.TOKEN);
        }
        for (Param p : op.params("path")) {
            d.pathValues.put(p.name(), Mutations.encode(fixture(op, p)));
        }
        for (Param p : op.params("query")) {
            if (p.required() || p.example().isPresent()) {
                d.query.add(new String[] { p.name(), Mutations.encode(p.example().orElse("x")) });
            }
        }
        op.body().ifPresent(body -> {
            JsonNode value = body.examples().get(example).deepCopy();
            if (body.isJson()) {
                if (op.method().equals("PUT")) {
                    // The workflow moves through transitions only: a replace that names another status is a 409.
                    ((ObjectNode) value).remove(List.of("status", "publishedAt"));
                }
                d.json = value;
            } else {
                d.text = value.asText();
            }
            d.setHeader("Content-Type", body.mediaType());
        });
        return d;
    }

    /**
     * Makes a bulk import's body several lines around the one the mutation changes: a new article, and by chance a
     * line in the text layout, an exported article (an update by id), a line with an external id another line of the
     * body has (an update within the body, sometimes leaving optional members out), a line changed by a body mutation
     * of its own, and a blank line, in random order. Sometimes the exported article is the line the mutation changes,
     * and the example goes along as it is. Without mutations (the baseline) every line is valid.
     */
    private void surround(RequestDraft d, Random r, Mutations mutations) {
        List<String> names = new ArrayList<>();
        List<byte[]> lines = new ArrayList<>();
        String target = d.json.has("text") ? "text layout" : "article";
        if (r.nextInt(3) == 0) {
            names.add(target + " (the example)");
            lines.add(d.body());
            d.json = Mutations.pick(r, exported).deepCopy();
            target = "exported article";
        }
        ObjectNode fresh = freshArticle(d.op);
        names.add("new article");
        lines.add(bytes(fresh));
        if (r.nextBoolean()) {
            names.add("new text layout");
            lines.add(bytes(freshTextLine(d.op)));
        }
        if (r.nextBoolean() && !target.equals("exported article")) {
            names.add("exported article");
            lines.add(bytes(Mutations.pick(r, exported)));
        }
        if (r.nextBoolean()) {
            boolean targetsKey = d.json.path("externalId").isTextual() && r.nextBoolean();
            ObjectNode same = fresh.deepCopy();
            same.put("externalId", targetsKey ? d.json.get("externalId").asText() : fresh.get("externalId").asText());
            same.put("lead", "The same story, told again.");
            List<String> left = new ArrayList<>();
            if (r.nextBoolean()) {
                OPTIONAL_MEMBERS.stream().filter(m -> r.nextBoolean()).forEach(left::add);
                same.remove(left);
            }
            names.add("externalId of the " + (targetsKey ? target : "new article")
                    + (left.isEmpty() ? "" : " without " + String.join(", ", left)));
            lines.add(bytes(same));
        }
        if (mutations != null && r.nextBoolean()) {
            RequestDraft line = new RequestDraft(d.op);
            line.json = Mutations.pick(r, List.of(freshArticle(d.op), freshTextLine(d.op),
                    Mutations.pick(r, exported).deepCopy()));
            mutations.apply(Mutations.pick(r, Mutations.BODY_KINDS), line, r, Map.of(),
                    r.nextInt(VARIANTS / Kind.values().length));
            if (line.body() != null) {
                names.add("(" + line.mutation + ")");
                lines.add(line.body());
            }
        }
        if (r.nextInt(4) == 0) {
            names.add("blank");
            lines.add(Mutations.pick(r, List.of("", "  ", "\r", " \t\r")).getBytes(UTF_8));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        d.otherLines = order.stream().map(lines::get).collect(Collectors.toCollection(ArrayList::new));
        List<String> layout = order.stream().map(names::get).collect(Collectors.toCollection(ArrayList::new));
        d.lineAt = r.nextInt(lines.size() + 1);
        layout.add(d.lineAt, "[" + target + ", mutated]");
        d.lines = String.join(", ", layout);
    }

    /** The article example of the bulk import as a new article: an external id and a title no other line has. */
    private ObjectNode freshArticle(Operation op) {
        ObjectNode line = (ObjectNode) example(op, false).deepCopy();
        String key = "fuzz-" + run + "-" + ++freshLines;
        line.put("externalId", key);
        line.put("title", line.get("title").asText() + " " + key);
        return line;
    }

    /** The text-layout example of the bulk import as a new article; the layout's second line is the title. */
    private ObjectNode freshTextLine(Operation op) {
        ObjectNode line = (ObjectNode) example(op, true).deepCopy();
        String key = "fuzz-" + run + "-" + ++freshLines;
        String[] rows = line.get("text").asText().split("\n", -1);
        rows[1] = rows[1] + " " + key;
        line.put("text", String.join("\n", rows));
        line.put("externalId", key);
        return line;
    }

    private static JsonNode example(Operation op, boolean textLayout) {
        return op.body().orElseThrow().examples().stream().filter(e -> e.has("text") == textLayout).findFirst()
                .orElseThrow(() -> new IllegalStateException("the spec gives no "
                        + (textLayout ? "text-layout" : "article") + " example line for " + op.key()));
    }

    private static byte[] bytes(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fixture(Operation op, Param p) {
        return switch (p.name()) {
            case "slug" -> publishedSlug;
            case "version", "from" -> "1";
            case "to" -> "2";
            default -> op.path().startsWith("/api/v1/keys") ? victimKeyId
                    : op.method().equals("DELETE") ? victimId
                    : op.path().matches(".*/(publish|unpublish|archive)") ? transitionTargets.get(op.path())
                    : op.method().equals("GET") && !op.path().contains("revisions") ? publishedId : draftId;
        };
    }

    /** Valid values of other fixtures; none for deletes, so that a mutation cannot remove a fixture others need. */
    private Map<String, List<String>> swaps(Operation op) {
        if (op.method().equals("DELETE") || op.path().startsWith("/api/v1/keys")) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(List.of(draftId, transitionTargets.get("/api/v1/articles/{id}/archive")));
        if (op.method().equals("GET")) {
            ids.addAll(List.of(publishedId, translationId));
        }
        return Map.of("id", ids, "slug", List.of(draftSlug, oldSlug, publishedSlug), "version", List.of("1", "2", "3"),
                "from", List.of("2", "3"), "to", List.of("1", "3"));
    }

    private void send(RequestDraft draft) {
        RawHttp.Request request = draft.render();
        boolean write = !List.of("GET", "HEAD", "OPTIONS").contains(request.method());
        Map<String, Object> before = write ? snapshot() : null;
        RawHttp.Response response;
        try {
            response = RawHttp.exchange(port, request);
        } catch (IOException e) {
            response = new RawHttp.Response(0, Map.of(), e.toString().getBytes(UTF_8));
        }
        sent++;
        statuses.merge(response.status(), 1, Integer::sum);
        List<String> faults = faults(draft, request, response, before);
        if (!faults.isEmpty()) {
            String body = new String(response.body(), 0, Math.min(response.body().length, 200), UTF_8);
            failures.add(String.format("%s %s [%s]%s -> %d: %s; body: %s", request.method(),
                    Mutations.abbreviate(request.target()), Mutations.printable(draft.mutation),
                    draft.lines == null ? "" : " lines: " + Mutations.printable(draft.lines), response.status(),
                    String.join("; ", faults), Mutations.printable(body)));
        }
        if (request.method().equals("DELETE") && response.status() / 100 == 2) {
            replaceDeletedVictims();
        }
    }

    // ---- the contract

    /**
     * What the answer does wrong: a 5xx, an error that is no problem document, a refused write that wrote; for a bulk
     * import, the same of each line of its answer.
     */
    private List<String> faults(RequestDraft draft, RawHttp.Request request, RawHttp.Response response,
            Map<String, Object> before) {
        int status = response.status();
        List<String> faults = new ArrayList<>();
        if (status == 0) {
            return List.of("no HTTP answer");
        }
        if (status >= 500) {
            faults.add("server error");
        }
        boolean refused = status >= 400;
        String contentType = response.header("Content-Type");
        if (draft.op.path().equals(BULK_PATH) && request.method().equals("POST") && status == 200
                && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON)) {
            // An import whose every line is refused (or that has none) must write nothing, as a refused single write.
            refused = !checkLines(request.body(), response.body(), faults);
        }
        if (request.body() != null && request.body().length > BODY_LIMIT && draft.op.body().isPresent()
                && !draft.op.path().equals(BULK_PATH) && status != 413) {
            faults.add("a body of " + request.body().length + " bytes is not refused with 413");
        }
        if (status >= 400) {
            if (status == 400 && response.body().length == 0 && BROKEN_ESCAPE.matcher(request.target()).find()) {
                // Documented (README, "Input limits"): the HTTP server refuses it before the application, bodiless.
                serverRefusals++;
            } else {
                String problem = problemFault(response);
                if (problem != null) {
                    faults.add(problem);
                }
            }
        }
        if (refused && before != null) {
            Map<String, Object> after = snapshot();
            List<String> changed = TABLES.stream().filter(t -> !Objects.equals(before.get(t), after.get(t))).toList();
            if (!changed.isEmpty()) {
                faults.add("refused write changed " + String.join(", ", changed));
            }
        }
        return faults;
    }

    /**
     * Checks the answer of a bulk import, line by line, and adds what it does wrong to {@code faults}; returns whether
     * any line was written. Each answer line is a JSON object with the input line's number, one per non-blank input
     * line and in their order; a written line (2xx) carries the article's id and version, a refused one (4xx) the
     * problem document a single request would have got, with the line's status; a line over the 1 MiB a single
     * article may hold is a 413; none is a 5xx.
     */
    private boolean checkLines(byte[] sent, byte[] answer, List<String> faults) {
        List<byte[]> input = lines(sent == null ? new byte[0] : sent);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (!isBlank(input.get(i))) {
                expected.add(i + 1);
            }
        }
        List<Integer> answered = new ArrayList<>();
        boolean written = false;
        int previous = 0;
        for (byte[] raw : lines(answer)) {
            JsonNode a;
            try {
                a = JSON.readTree(raw);
            } catch (IOException e) {
                a = null;
            }
            String text = Mutations.abbreviate(new String(raw, UTF_8));
            if (a == null || !a.isObject()) {
                faults.add("answer line " + text + " is not a JSON object");
                continue;
            }
            if (!a.path("line").isInt() || !a.path("status").isInt()) {
                faults.add("answer line " + text + " has no line number or no status");
                continue;
            }
            int n = a.get("line").asInt();
            int status = a.get("status").asInt();
            lineStatuses.merge(status, 1, Integer::sum);
            answered.add(n);
            if (n <= previous) {
                faults.add("answer for line " + n + " after the answer for line " + previous);
            }
            previous = n;
            byte[] sentLine = n >= 1 && n <= input.size() ? input.get(n - 1) : null;
            String fault;
            if (status >= 500) {
                fault = "server error: " + a.path("problem").path("detail").asText(a.path("problem").toString());
            } else if (sentLine != null && withoutCr(sentLine) > BODY_LIMIT && status != 413) {
                fault = "a line of " + withoutCr(sentLine) + " bytes is not refused with 413";
            } else if (status >= 400) {
                fault = a.path("problem").isObject() ? documentFault(a.get("problem"), status, "the line's status")
                        : "refused without a problem";
            } else if (status >= 200 && status < 300) {
                written = true;
                boolean identified = a.path("id").isTextual() && UUID_TEXT.matcher(a.get("id").asText()).matches()
                        && a.path("version").isInt() && a.get("version").asInt() >= 1;
                fault = identified ? null : "written without an id and a version";
            } else {
                fault = "neither written nor refused";
            }
            if (fault != null) {
                String line = sentLine == null ? "(no such line)" : new String(sentLine, UTF_8);
                faults.add("line " + n + " -> " + status + ": " + fault + " (line sent: "
                        + Mutations.printable(Mutations.abbreviate(line, 300)) + ")");
            }
        }
        if (!answered.equals(expected)) {
            faults.add("answers for lines " + Mutations.abbreviate(answered.toString())
                    + ", but the non-blank lines are " + Mutations.abbreviate(expected.toString()));
        }
        return written;
    }

    /** The lines of an NDJSON body, as the import reads them: split at LF, a last line without one counts too. */
    private static List<byte[]> lines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                lines.add(Arrays.copyOfRange(body, start, i));
                start = i + 1;
            }
        }
        if (start < body.length) {
            lines.add(Arrays.copyOfRange(body, start, body.length));
        }
        return lines;
    }

    /** A line's length as the import caps it: a CR before the LF is not part of it. */
    private static int withoutCr(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    }

    /** Blank as the import sees it: spaces, tabs and carriage returns only. Such lines get no answer. */
    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with an error response as an RFC 9457 problem, or null. */
    private static String problemFault(RawHttp.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "error is not application/problem+json but " + type;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (IOException e) {
            return "problem body is not JSON";
        }
        if (problem == null || !problem.isObject()) {
            return "problem body is not a JSON object";
        }
        return documentFault(problem, response.status(), "the HTTP status");
    }

    /** What is wrong with a problem document that stands for this status, or null. */
    private static String documentFault(JsonNode problem, int status, String whose) {
        if (!problem.path("type").isTextual() || problem.get("type").asText().isBlank()) {
            return "problem has no type";
        }
        if (!problem.path("status").isInt() || problem.get("status").asInt() != status) {
            return "problem status " + problem.path("status") + " is not " + whose;
        }
        if (!problem.path("title").isTextual() || problem.get("title").asText().isBlank()) {
            return "problem has no title";
        }
        return null;
    }

    private Map<String, Object> snapshot() {
        return db.rows(SNAPSHOT).get(0);
    }

    private String summary(int operations, double seconds) {
        Map<String, Integer> classes = new TreeMap<>();
        statuses.forEach((status, n) -> classes.merge(status == 0 ? "no answer" : status / 100 + "xx", n,
                Integer::sum));
        return String.format("API fuzz: seed %d, %d operations x (1 baseline + %d variants) = %d requests"
                + " (+%d fixture requests) in %.1f s; %s; statuses %s; %d refused by the HTTP server for a broken"
                + " %%-escape; bulk answer lines by status %s; mutations %s; %d failures", SEED, operations, VARIANTS,
                sent, setupRequests, seconds, classes, statuses, serverRefusals, lineStatuses, kindsSent,
                failures.size());
    }

    // ---- fixtures

    private Mutations createFixtures() throws IOException {
        JsonNode examples = JSON.readTree(Path.of("openapi/openapi.json").toFile()).at("/components/examples");
        ObjectNode arabic = (ObjectNode) examples.at("/ArabicArticleInput/value").deepCopy();
        arabic.put("title", arabic.get("title").asText() + " " + Api.unique());
        oldSlug = "fuzz-old-" + Api.unique();
        arabic.put("slug", oldSlug);
        Map<String, Object> beforeFixtures = snapshot();
        JsonPath published = setup(editor().contentType(ContentType.JSON).body(arabic.toString())
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath());
        publishedId = published.getString("id");
        assertNotEquals(beforeFixtures, snapshot(), "the snapshot must see a write");
        // A changed slug, so that the old one answers 308.
        publishedSlug = setup(editor().contentType(Api.MERGE_PATCH).body(Map.of("slug", "فحص-" + Api.unique()))
                .patch("/api/v1/articles/" + publishedId).then().statusCode(200).extract().jsonPath())
                .getString("slug");

        Map<String, Object> translation = Api.published(Api.article("en", "Fuzz translation " + Api.unique()));
        translation.put("translationOf", publishedId);
        translationId = createArticle(translation).getString("id");
        JsonPath draft = createArticle(Api.article("en", "Fuzz draft " + Api.unique()));
        draftId = draft.getString("id");
        draftSlug = draft.getString("slug");
        setup(editor().contentType(Api.MERGE_PATCH).body(Map.of("lead", "A second version."))
                .patch("/api/v1/articles/" + draftId).then().statusCode(200).extract().jsonPath());
        for (String move : List.of("archive", "publish", "unpublish")) {
            Map<String, Object> article = Api.article("en", "Fuzz " + move + " " + Api.unique());
            transitionTargets.put("/api/v1/articles/{id}/" + move,
                    createArticle(move.equals("unpublish") ? Api.published(article) : article).getString("id"));
        }
        victimId = createArticle(Api.article("en", "Fuzz victim " + Api.unique())).getString("id");
        // Exported articles, one found by its external id and one by its id alone, with the lists an update may drop.
        Map<String, Object> keyed = Api.published(Api.article("en", "Fuzz export " + Api.unique()));
        keyed.put("externalId", "fuzz-export-" + run);
        Map<String, Object> unkeyed = Api.article("ar", "تصدير الفحص " + Api.unique());
        for (Map<String, Object> article : List.of(keyed, unkeyed)) {
            article.put("tags", List.of("fuzz", "تصدير"));
            article.put("authors", List.of(Map.of("name", "Fuzz Author")));
            String id = createArticle(article).getString("id");
            exported.add((ObjectNode) JSON.readTree(setup(editor().get("/api/v1/articles/" + id).then()
                    .statusCode(200).extract().asString())));
        }

        JsonPath revoked = createKey("previewer");
        setup(editor().delete("/api/v1/keys/" + revoked.getString("id")).then().statusCode(204));
        victimKeyId = createKey("previewer").getString("id");
        return new Mutations(new Mutations.Keys(Api.TOKEN, createKey("previewer").getString("secret"),
                createKey("editor").getString("secret"), revoked.getString("secret")));
    }

    /** Replaces the victims a DELETE removed (whatever its path looked like), so that later deletes find one. */
    private void replaceDeletedVictims() {
        if (db.count("select count(*) from article where id = ?::uuid", victimId) == 0) {
            victimId = createArticle(Api.article("en", "Fuzz victim " + Api.unique())).getString("id");
        }
        if (db.count("select count(*) from api_key where id = ?::uuid and revoked_at is null", victimKeyId) == 0) {
            victimKeyId = createKey("previewer").getString("id");
        }
    }

    private JsonPath createArticle(Map<String, Object> body) {
        return setup(editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath());
    }

    private JsonPath createKey(String role) {
        return setup(editor().contentType(ContentType.JSON).body(Map.of("name", "fuzz " + role + " " + Api.unique(),
                "role", role)).post("/api/v1/keys").then().statusCode(201).extract().jsonPath());
    }

    private <T> T setup(T result) {
        setupRequests++;
        return result;
    }
}
