package dev.khabar.article.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.khabar.http.ProblemException;

/** The {@code fields} parameter: which members of an article a response carries. */
public final class Fields {

    /** Every member of {@link ArticleView}, in contract order. */
    static final List<String> ALL = Arrays.stream(ArticleView.class.getRecordComponents()).map(c -> c.getName()).toList();
    static final Set<String> EVERY = Collections.unmodifiableSet(new LinkedHashSet<>(ALL));
    static final Set<String> TEASER = ALL.stream().filter(f -> !f.equals("sections") && !f.equals("closing"))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final Set<String> selected;

    private Fields(Set<String> selected) {
        this.selected = selected;
    }

    /** {@code null} or blank: the default; {@code *}: everything; else a comma-separated list of member names. */
    static Fields parse(String value, Set<String> defaults) {
        if (value == null || value.isBlank()) {
            return new Fields(defaults);
        }
        if (value.length() > 1000) {
            throw ProblemException.badParameter("fields", "is too long.");
        }
        if (value.strip().equals("*")) {
            return new Fields(EVERY);
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String field = name.strip();
            if (!ALL.contains(field)) {
                throw ProblemException.badParameter("fields", "names an unknown field '" + field + "'; known fields: "
                        + String.join(", ", ALL) + ", or * for all.");
            }
            asked.add(field);
        }
        return new Fields(asked);
    }

    /** Names this selection in entity tags: a checksum of the selected members, in contract order. */
    String key() {
        CRC32 crc = new CRC32();
        ALL.stream().filter(selected::contains).forEach(f -> crc.update((f + ',').getBytes(StandardCharsets.US_ASCII)));
        return Long.toHexString(crc.getValue());
    }

    boolean isAll() {
        return selected.size() == ALL.size();
    }

    /** The view as JSON with only the selected members, in contract order. */
    JsonNode apply(ArticleView view, ObjectMapper json) {
        ObjectNode node = json.valueToTree(view);
        if (!isAll()) {
            node.retain(selected);
        }
        return node;
    }
}
