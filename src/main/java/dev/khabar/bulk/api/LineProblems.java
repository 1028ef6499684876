package dev.khabar.bulk.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.khabar.article.ArticleConflictException;
import dev.khabar.article.ExternalIdTakenException;
import dev.khabar.article.InvalidArticleException;
import dev.khabar.article.SlugTakenException;
import dev.khabar.article.api.ArticleProblems;
import dev.khabar.bulk.BodyCapException;
import dev.khabar.bulk.IdTakenException;
import dev.khabar.bulk.LineTooLongException;
import dev.khabar.http.DatabaseProblems;
import dev.khabar.http.Problem;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemMappers;
import dev.khabar.http.ProblemTypes;
import io.vertx.core.http.HttpServerRequest;

/**
 * The problem document of a refused bulk line: the very one a single-article request would have been answered with
 * (the same exception mappers make it), so a client handles both alike.
 */
final class LineProblems {

    private static final ProblemMappers MAPPERS = new ProblemMappers();
    private static final ArticleProblems ARTICLE_MAPPERS = new ArticleProblems();

    private LineProblems() {
    }

    /** The response a single request failing with {@code error} would get; its entity is the problem's JSON bytes. */
    static Response of(Exception error, HttpServerRequest request) {
        if (error instanceof ProblemException e) {
            return MAPPERS.problem(e, request);
        }
        if (error instanceof InvalidArticleException e) {
            return MAPPERS.invalidArticle(e, request);
        }
        if (error instanceof ConstraintViolationException e) {
            return MAPPERS.constraintViolation(e, request);
        }
        if (error instanceof SlugTakenException e) {
            return MAPPERS.slugTaken(e, request);
        }
        if (error instanceof JsonProcessingException e) {
            return MAPPERS.json(e, request);
        }
        if (error instanceof ArticleConflictException e) {
            return ARTICLE_MAPPERS.conflict(e, request);
        }
        if (error instanceof ExternalIdTakenException e) {
            return BulkProblems.externalIdTaken(e, request.path());
        }
        if (error instanceof LineTooLongException e) {
            return MAPPERS.problem(new ProblemException(413, ProblemTypes.BODY_TOO_LARGE, "Line too large",
                    e.getMessage(), List.of(), Map.of()), request);
        }
        if (error instanceof BodyCapException e) {
            return MAPPERS.problem(new ProblemException(413, ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                    e.getMessage(), List.of(), Map.of()), request);
        }
        if (error instanceof IdTakenException e) {
            return MAPPERS.problem(new ProblemException(409, BulkProblems.ID_TAKEN, "Id already in use",
                    e.getMessage(), List.of(new Problem.Error("/id", null, null, "belongs to another article")),
                    Map.of()), request);
        }
        if (DatabaseProblems.isDatabaseUnreachable(error)) {
            return DatabaseProblems.unavailable(request.path());
        }
        return MAPPERS.unexpected(error, request);
    }
}
