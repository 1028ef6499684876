package dev.khabar.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What changed between two revisions of an article, given as the API's article JSON: the editable top-level fields
 * that differ, and the whole body, section by section and bullet by bullet, with a change mark on each.
 * <p>
 * Sections are aligned on their heading and bullets on their exact text by longest common subsequence. The unmatched
 * items left between two matches are then paired by position, so a bullet whose wording was edited in place is
 * reported as one change with its old and new text rather than as a removal plus an unrelated addition; likewise a
 * renamed section is one change, and its bullets are compared one by one.
 */
public final class ArticleDiff {

    private static final List<String> FIELDS = List.of("slug", "language", "status", "category", "title", "subtitle",
            "lead", "closing", "tags", "authors", "image", "publishedAt");

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private ArticleDiff() {
    }

    /** Compares two revisions; a null article counts as one with every field missing. */
    public static Diff between(int fromVersion, JsonNode from, int toVersion, JsonNode to) {
        return new Diff(fromVersion, toVersion, fields(from, to), sections(sectionsOf(from), sectionsOf(to)));
    }

    private static List<FieldChange> fields(JsonNode from, JsonNode to) {
        List<FieldChange> changes = new ArrayList<>();
        for (String name : FIELDS) {
            JsonNode before = field(from, name);
            JsonNode after = field(to, name);
            if (!before.equals(SAME_VALUE, after)) {
                changes.add(new FieldChange(name, before, after));
            }
        }
        return changes;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    }

    private static List<SectionChange> sections(List<Section> from, List<Section> to) {
        List<SectionChange> changes = new ArrayList<>();
        for (Step step : align(headings(from), headings(to))) {
            Section before = step.from() == null ? Section.NONE : from.get(step.from());
            Section after = step.to() == null ? Section.NONE : to.get(step.to());
            List<BulletChange> bullets = bullets(before.bullets(), after.bullets());
            boolean same = Objects.equals(before.heading(), after.heading())
                    && bullets.stream().allMatch(b -> b.op() == Op.UNCHANGED);
            changes.add(new SectionChange(op(step, same), step.from(), step.to(),
                    new TextChange(before.heading(), after.heading()), bullets));
        }
        return changes;
    }

    private static List<String> headings(List<Section> sections) {
        return sections.stream().map(Section::heading).toList();
    }

    private static List<BulletChange> bullets(List<String> from, List<String> to) {
        List<BulletChange> changes = new ArrayList<>();
        for (Step step : align(from, to)) {
            String before = step.from() == null ? null : from.get(step.from());
            String after = step.to() == null ? null : to.get(step.to());
            Op op = op(step, Objects.equals(before, after));
            changes.add(new BulletChange(op, step.from(), step.to(), before, after));
        }
        return changes;
    }

    private static Op op(Step step, boolean same) {
        if (step.from() == null) {
            return Op.ADDED;
        }
        if (step.to() == null) {
            return Op.REMOVED;
        }
        return same ? Op.UNCHANGED : Op.CHANGED;
    }

    /**
     * Every item of both lists once, in the order of {@code to}: the longest common subsequence of equal items, and
     * in each gap between two of its matches the old and new items paired by position, then the surplus.
     */
    private static List<Step> align(List<String> from, List<String> to) {
        int n = from.size();
        int m = to.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = Objects.equals(from.get(i), to.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Step> steps = new ArrayList<>();
        int gapFrom = 0;
        int gapTo = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (Objects.equals(from.get(i), to.get(j))) {
                gap(steps, gapFrom, i, gapTo, j);
                steps.add(new Step(i, j));
                gapFrom = ++i;
                gapTo = ++j;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        gap(steps, gapFrom, n, gapTo, m);
        return steps;
    }

    private static void gap(List<Step> steps, int fromStart, int fromEnd, int toStart, int toEnd) {
        for (int k = 0; k < Math.max(fromEnd - fromStart, toEnd - toStart); k++) {
            Integer from = fromStart + k < fromEnd ? fromStart + k : null;
            Integer to = toStart + k < toEnd ? toStart + k : null;
            steps.add(new Step(from, to));
        }
    }

    private static List<Section> sectionsOf(JsonNode article) {
        List<Section> sections = new ArrayList<>();
        JsonNode array = article == null ? null : article.get("sections");
        if (array != null && array.isArray()) {
            for (JsonNode section : array) {
                List<String> bullets = new ArrayList<>();
                JsonNode items = section.get("bullets");
                if (items != null && items.isArray()) {
                    items.forEach(bullet -> bullets.add(text(bullet)));
                }
                sections.add(new Section(text(section.get("heading")), bullets));
            }
        }
        return sections;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private record Section(String heading, List<String> bullets) {
        static final Section NONE = new Section(null, List.of());
    }

    private record Step(Integer from, Integer to) {
    }

    @Schema(name = "ArticleDiff", description = "What changed between two versions of an article.")
    public record Diff(
            @Schema(description = "The version compared from (usually the older).", examples = "3") int from,
            @Schema(description = "The version compared to (usually the newer).", examples = "4") int to,
            @Schema(description = "The editable fields that differ, in a fixed order; empty when none does.")
            List<FieldChange> fields,
            @Schema(description = "The whole body in the reading order of `to`, every section of both versions "
                    + "once, removed ones where they were.") List<SectionChange> sections) {
    }

    @Schema(name = "FieldChange", description = "A top-level field whose value differs.")
    public record FieldChange(
            @Schema(description = "The field's name in the article JSON.", examples = "title") String field,
            @Schema(description = "The value in the older version; null when it had none.", nullable = true)
            JsonNode from,
            @Schema(description = "The value in the newer version; null when it has none.", nullable = true)
            JsonNode to) {
    }

    @Schema(name = "SectionChange", description = "A section of either version and how it changed.")
    public record SectionChange(Op op,
            @Schema(description = "0-based position in the older version; null when added.", nullable = true)
            Integer fromIndex,
            @Schema(description = "0-based position in the newer version; null when removed.", nullable = true)
            Integer toIndex,
            TextChange heading,
            @Schema(description = "Every bullet of both versions once, in the reading order of the newer version.")
            List<BulletChange> bullets) {
    }

    @Schema(name = "TextChange", description = "The old and new text; equal when unchanged.")
    public record TextChange(
            @Schema(description = "Null when the section was added.", nullable = true) String from,
            @Schema(description = "Null when the section was removed.", nullable = true) String to) {
    }

    @Schema(name = "BulletChange", description = "A bullet of either version and how it changed.")
    public record BulletChange(Op op,
            @Schema(description = "0-based position in the older section; null when added.", nullable = true)
            Integer fromIndex,
            @Schema(description = "0-based position in the newer section; null when removed.", nullable = true)
            Integer toIndex,
            @Schema(description = "The old text; null when added.", nullable = true) String from,
            @Schema(description = "The new text; null when removed.", nullable = true) String to) {
    }

    @Schema(name = "ChangeOp", description = "How an item changed: edited in place is `changed`.")
    public enum Op {
        UNCHANGED, CHANGED, ADDED, REMOVED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
