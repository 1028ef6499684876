package dev.khabar.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.khabar.article.Limits;
import dev.khabar.config.ContentConfig;
import dev.khabar.http.DatabaseProblems;

/**
 * A bulk import: reads NDJSON lines from a stream as they arrive, writes them in batches of
 * {@code content.bulk-batch-size} lines, one transaction each, and hands the outcome of every line, in line order, to
 * the caller as each batch commits. Memory holds a few batches, whatever the size of the body.
 *
 * <p>A line that fails never takes others with it: lines are checked before the batch is written, and if the batch
 * still fails in the database (a slug or external id taken by a concurrent writer, say) it is rolled back and its lines
 * are written one by one, each in its own transaction. A connection that breaks mid-body leaves the batch being
 * received unwritten; complete batches received before are committed.
 *
 * <p>Batches are written on other threads while the request thread reads the next ones, so the database and the
 * analysis of the text use both cores, and their answers are written as each commits, in order, whatever the request
 * thread is waiting for. Up to {@value #IN_FLIGHT} batches are on their way at once; the reader waits when that many
 * are. Batches stay in order where it matters: a batch takes its locks (external ids, then slugs) only once the
 * previous one holds its own, so lines of two batches that name the same article or slug are applied in line order;
 * a batch that leaves lines for single writes holds the next one back until those are written too.
 */
@ApplicationScoped
public class BulkImport {

    private static final Logger LOG = Logger.getLogger(BulkImport.class);
    /** Batches of one import on their way at once (read, written or being answered). */
    static final int IN_FLIGHT = 3;

    @Inject
    LineParser parser;
    @Inject
    BulkWriter writer;
    @Inject
    ContentConfig config;
    /**
     * Runs batches and answers with no context of the thread that hands them over: a batch's lock gate opens inside
     * its transaction, and the next batch must not run in it.
     */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(-1).maxQueued(-1).propagated()
            .cleared(ThreadContext.ALL_REMAINING).build();
    /** Carries the request's CDI context (who is calling, for revisions) to the answering of each batch. */
    private final ThreadContext requestContext = ThreadContext.builder().propagated(ThreadContext.CDI)
            .cleared(ThreadContext.ALL_REMAINING).unchanged().build();

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A batch on its way: its lines, the gate the next batch waits for, and its answer. */
    private static final class Pending {
        final List<BulkLine> parsed;
        final List<Outcome> refused;
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<Void> answered;

        Pending(List<BulkLine> parsed, List<Outcome> refused) {
            this.parsed = parsed;
            this.refused = refused;
        }
    }

    /** What one import shares between its batches. */
    private final class Run {
        final String actor;
        final Consumer<List<Outcome>> answer;
        final Set<String> knownCategories = ConcurrentHashMap.newKeySet();
        final Set<String> knownTags = ConcurrentHashMap.newKeySet();
        final Deque<Pending> inFlight = new ArrayDeque<>();
        /** Set once the database cannot be reached: the rest is refused, and reading stops. */
        volatile boolean stopped;
        /** The client no longer takes answers; batches already on their way are still written. */
        volatile RuntimeException answerFailed;

        Run(String actor, Consumer<List<Outcome>> answer) {
            this.actor = actor;
            this.answer = answer;
        }

        /** Sends a batch on its way; first waits, if that many are, for the oldest to be answered. */
        void submit(List<BulkLine> parsed, List<Outcome> refused) {
            while (inFlight.size() >= IN_FLIGHT) {
                inFlight.removeFirst().answered.join();
            }
            Pending pending = new Pending(parsed, refused);
            Pending before = inFlight.peekLast();
            CompletableFuture<Void> previousGate = before == null ? CompletableFuture.completedFuture(null) : before.gate;
            CompletableFuture<Void> previousAnswer = before == null ? CompletableFuture.completedFuture(null)
                    : before.answered;
            CompletableFuture<BulkWriter.Batch> written = parsed.isEmpty() ? CompletableFuture.completedFuture(null)
                    : previousGate.thenApplyAsync(ignored -> stopped ? null : writer.batch(parsed, actor, knownCategories,
                            knownTags, () -> pending.gate.complete(null)), executor);
            // Answered after the batch before it, whether this one was written or failed.
            BiFunction<Object[], Void, Void> answering = requestContext.contextualFunction((result, ignored) -> {
                finish(pending, (BulkWriter.Batch) result[0], (Throwable) result[1]);
                return null;
            });
            pending.answered = written.handle((batch, failure) -> new Object[] { batch, failure })
                    .thenCombineAsync(previousAnswer, answering, executor);
            inFlight.addLast(pending);
        }

        /** Waits until every batch on its way is answered. */
        void finishAll() {
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().answered.join();
            }
        }

        /** Answers for a written batch; first writes the lines it left for single writes. */
        private void finish(Pending pending, BulkWriter.Batch batch, Throwable failure) {
            List<Outcome> outcomes = new ArrayList<>(pending.refused);
            List<BulkLine> single = pending.parsed;
            if (batch != null) {
                knownCategories.addAll(batch.categories());
                knownTags.addAll(batch.tags());
                outcomes.addAll(batch.outcomes());
                single = batch.deferred();
            } else if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (DatabaseProblems.isDatabaseUnreachable(cause)) {
                    stopped = true;
                }
                LOG.debugf(cause, "A bulk batch of %d lines failed as a whole; writing its lines one by one",
                        pending.parsed.size());
            }
            for (BulkLine line : single) {
                if (stopped) {
                    outcomes.add(Outcome.failed(line.number(), new DatabaseUnreachableException()));
                    continue;
                }
                try {
                    outcomes.add(writer.one(line));
                } catch (RuntimeException e) {
                    stopped = DatabaseProblems.isDatabaseUnreachable(e);
                    outcomes.add(Outcome.failed(line.number(), e));
                }
            }
            pending.gate.complete(null);
            outcomes.sort(Comparator.comparingInt(Outcome::line));
            if (answerFailed == null) {
                try {
                    answer.accept(outcomes);
                } catch (RuntimeException e) {
                    answerFailed = e;
                }
            }
        }
    }

    /**
     * Imports the body; returns whether it went to its end (false: stopped early, the last outcome says why). The
     * answer is called from one thread at a time, batch after batch, and not after this returns.
     */
    public boolean run(InputStream body, String actor, Consumer<List<Outcome>> answer) throws IOException {
        long maxBytes = config.bulkMaxBytes().asLongValue();
        int batchSize = config.bulkBatchSize();
        NdjsonLines lines = new NdjsonLines(body, Limits.SINGLE_ARTICLE_BODY, maxBytes);
        Run run = new Run(actor, answer);
        List<Outcome> refused = new ArrayList<>();
        List<BulkLine> parsed = new ArrayList<>();
        try {
            for (NdjsonLines.Line line = lines.next(); line != null && !run.stopped; line = lines.next()) {
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
                    run.submit(parsed, refused);
                    parsed = new ArrayList<>();
                    refused = new ArrayList<>();
                }
            }
        } catch (NdjsonLines.BodyTooLargeException e) {
            run.submit(parsed, refused);
            run.finishAll();
            if (run.answerFailed == null) {
                answer.accept(List.of(Outcome.failed(e.line(), new BodyCapException(maxBytes))));
            }
            return false;
        } catch (IOException | RuntimeException e) {
            // The body broke off: the batches already on their way are complete, so they are written.
            run.finishAll();
            throw e;
        }
        if (!refused.isEmpty() || !parsed.isEmpty()) {
            run.submit(parsed, refused);
        }
        run.finishAll();
        if (run.answerFailed != null) {
            throw run.answerFailed;
        }
        return !run.stopped;
    }
}
