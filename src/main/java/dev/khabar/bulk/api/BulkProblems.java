package dev.khabar.bulk.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.khabar.article.ExternalIdTakenException;
import dev.khabar.http.Problem;
import dev.khabar.http.Problems;
import io.vertx.core.http.HttpServerRequest;

/** Problem responses for the rules external ids bring, on every write endpoint (single and bulk). */
public class BulkProblems {

    static final String EXTERNAL_ID_TAKEN = "urn:khabar:problem:external-id-taken";
    static final String ID_TAKEN = "urn:khabar:problem:id-taken";

    @ServerExceptionMapper
    public Response externalIdTaken(ExternalIdTakenException e, HttpServerRequest request) {
        return externalIdTaken(e, request.path());
    }

    static Response externalIdTaken(ExternalIdTakenException e, String path) {
        return Problems.response(Problems.problem(409, EXTERNAL_ID_TAKEN, "External id already in use", e.getMessage(),
                path, List.of(new Problem.Error("/externalId", null, null, "belongs to the article " + e.holder()))))
                .build();
    }
}
