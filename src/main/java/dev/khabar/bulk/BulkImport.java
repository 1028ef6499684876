package dev.khabar.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.khabar.article.Limits;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.DatabaseProblems;

/**
 * A bulk import: reads NDJSON lines from a stream as they arrive, writes them in batches of
 * {@code content.bulk-batch-size} lines, one transaction each, and hands the outcome of every line, in line order, to
 * the caller as each batch commits. Memory holds one batch, whatever the size of the body.
 *
 * <p>A line that fails never takes others with it: lines are checked before the batch is written, and if the batch
 * still fails in the database (a slug or external id taken by a concurrent writer, say) it is rolled back and its lines
 * are written one by one, each in its own transaction. A connection that breaks mid-body leaves the batch being
 * received unwritten; the batches before it are committed and were answered.
 */
@ApplicationScoped
public class BulkImport {

    private static final Logger LOG = Logger.getLogger(BulkImport.class);

    @Inject
    LineParser parser;
    @Inject
    BulkWriter writer;
    @Inject
    ContentConfig config;

    /** Whether the import went to the end of the body (false: stopped early, its last outcome says why). */
    public boolean run(InputStream body, String actor, Consumer<List<Outcome>> answer) throws IOException {
        long maxBytes = config.bulkMaxBytes().asLongValue();
        int batchSize = config.bulkBatchSize();
        NdjsonLines lines = new NdjsonLines(body, Limits.SINGLE_ARTICLE_BODY, maxBytes);
        Set<String> knownCategories = new HashSet<>();
        Set<String> knownTags = new HashSet<>();
        List<Outcome> refused = new ArrayList<>();
        List<BulkLine> parsed = new ArrayList<>();
        try {
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.tooLong()) {
                    refused.add(Outcome.failed(line.number(), new LineTooLongException(Limits.SINGLE_ARTICLE_BODY)));
                } else {
                    try {
                        parsed.add(parser.parse(line.number(), line.bytes()));
                    } catch (JsonProcessingException | RuntimeException e) {
                        refused.add(Outcome.failed(line.number(), e));
                    }
                }
                if (refused.size() + parsed.size() >= batchSize) {
                    if (!write(parsed, refused, actor, knownCategories, knownTags, answer)) {
                        return false;
                    }
                    parsed = new ArrayList<>();
                    refused = new ArrayList<>();
                }
            }
        } catch (NdjsonLines.BodyTooLargeException e) {
            if (write(parsed, refused, actor, knownCategories, knownTags, answer)) {
                answer.accept(List.of(Outcome.failed(e.line(), new BodyCapException(maxBytes))));
            }
            return false;
        }
        return write(parsed, refused, actor, knownCategories, knownTags, answer);
    }

    /** Writes one batch and answers for it; false if the database cannot be reached (the import stops). */
    private boolean write(List<BulkLine> parsed, List<Outcome> refused, String actor, Set<String> knownCategories,
            Set<String> knownTags, Consumer<List<Outcome>> answer) {
        if (parsed.isEmpty() && refused.isEmpty()) {
            return true;
        }
        List<Outcome> outcomes = new ArrayList<>(refused);
        List<BulkLine> single;
        try {
            BulkWriter.Batch batch = writer.batch(parsed, actor, knownCategories, knownTags);
            knownCategories.addAll(batch.categories());
            knownTags.addAll(batch.tags());
            outcomes.addAll(batch.outcomes());
            single = batch.deferred();
        } catch (RuntimeException e) {
            if (DatabaseProblems.isDatabaseUnreachable(e)) {
                parsed.forEach(line -> outcomes.add(Outcome.failed(line.number(), e)));
                outcomes.sort(Comparator.comparingInt(Outcome::line));
                answer.accept(outcomes);
                return false;
            }
            LOG.debugf(e, "A bulk batch of %d lines failed as a whole; writing its lines one by one", parsed.size());
            single = parsed;
        }
        RuntimeException unreachable = null;
        for (BulkLine line : single) {
            if (unreachable != null) {
                outcomes.add(Outcome.failed(line.number(), unreachable));
                continue;
            }
            try {
                outcomes.add(writer.one(line));
            } catch (RuntimeException e) {
                unreachable = DatabaseProblems.isDatabaseUnreachable(e) ? e : null;
                outcomes.add(Outcome.failed(line.number(), e));
            }
        }
        outcomes.sort(Comparator.comparingInt(Outcome::line));
        answer.accept(outcomes);
        return unreachable == null;
    }
}
