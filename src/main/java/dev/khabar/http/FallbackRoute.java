package dev.khabar.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * Answers what no endpoint answers with problem documents instead of the HTTP server's plain-text or empty pages:
 * requests that no endpoint, health check or UI route took (404), and requests the router failed on itself.
 */
@ApplicationScoped
public class FallbackRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().ended() || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            String path = ctx.request().path();
            String detail = status == 400 ? "The HTTP request cannot be read." : "The request could not be completed.";
            byte[] body = Problems.bytes(Problems.problem(status, status == 400 ? ProblemTypes.INVALID_PARAMETER
                    : ProblemTypes.BLANK, Problems.reason(status), detail, path, null));
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE).end(Buffer.buffer(body));
        });
        router.route().last().handler(ctx -> {
            String path = ctx.request().path();
            byte[] body = Problems.bytes(Problems.problem(404, ProblemTypes.NOT_FOUND, "Not Found",
                    "No resource at " + path + ".", path, null));
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problems.MEDIA_TYPE).end(Buffer.buffer(body));
        });
    }
}
