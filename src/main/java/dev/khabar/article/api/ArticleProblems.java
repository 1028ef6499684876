package dev.khabar.article.api;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.khabar.article.ArticleConflictException;
import dev.khabar.article.RevisionNotFoundException;
import dev.khabar.article.VersionMismatchException;
import dev.khabar.http.Problem;
import dev.khabar.http.ProblemException;
import dev.khabar.http.ProblemTypes;
import dev.khabar.http.Problems;
import io.vertx.core.http.HttpServerRequest;

/** Problem responses for the article rules that only this package can put into HTTP terms (entity tags). */
public class ArticleProblems {

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatchException e, HttpServerRequest request) {
        return Problems.response(new Problem(ProblemTypes.VERSION_MISMATCH, "The article has changed", 412,
                e.getMessage(), request.path(), null, null, e.currentVersion()))
                .header(HttpHeaders.ETAG, Representations.etag(e.id(), e.currentVersion(), e.currentState(), "json"))
                .build();
    }

    @ServerExceptionMapper
    public Response conflict(ArticleConflictException e, HttpServerRequest request) {
        boolean workflow = e.reason() == ArticleConflictException.Reason.WORKFLOW;
        List<Problem.Error> errors = e.errors().stream()
                .map(f -> new Problem.Error(f.pointer(), null, null, f.detail())).toList();
        return Problems.response(Problems.problem(409,
                workflow ? ProblemTypes.WORKFLOW : ProblemTypes.TRANSLATION_EXISTS,
                workflow ? "Not allowed in the article's workflow state" : "The story already has this language",
                e.getMessage(), request.path(), errors)).build();
    }

    @ServerExceptionMapper
    public Response revisionNotFound(RevisionNotFoundException e, HttpServerRequest request) {
        ProblemException notFound = ProblemException.notFound(e.getMessage());
        return Problems.response(Problems.problem(404, notFound.type(), notFound.title(), e.getMessage(),
                request.path(), null)).build();
    }
}
