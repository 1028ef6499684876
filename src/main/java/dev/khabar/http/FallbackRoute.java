package dev.khabar.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * Answers requests that no endpoint, health check or UI route took with a 404 problem, instead of the HTTP server's
 * plain-text page.
 */
@ApplicationScoped
public class FallbackRoute {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String path = ctx.request().path();
            byte[] body = Problems.bytes(Problems.problem(404, ProblemTypes.NOT_FOUND, "Not Found",
                    "No resource at " + path + ".", path, null));
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problems.MEDIA_TYPE).end(Buffer.buffer(body));
        });
    }
}
