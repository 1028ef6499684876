package dev.khabar.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dev.khabar.article.Limits;

/**
 * Caps request bodies at {@link Limits#SINGLE_ARTICLE_BODY} with a 413 problem: at once from {@code Content-Length},
 * and while reading for bodies sent without one (chunked). A bulk import ({@value #BULK_PATH}) streams a body of many
 * articles and enforces its own caps (a line, the body: {@code content.bulk-max-bytes}).
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final int MAX = Limits.SINGLE_ARTICLE_BODY;
    static final String BULK_PATH = "/api/v1/articles/bulk";
    private static final String EXEMPT = BodyLimit.class.getName() + ".exempt";

    @Override
    public void filter(ContainerRequestContext request) {
        isBulk(request);
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX && !Boolean.TRUE.equals(request.getProperty(EXEMPT))) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ProblemException(400, ProblemTypes.BLANK, "Bad Request", "Content-Length is not a number.",
                        List.of(), Map.of());
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!Boolean.TRUE.equals(context.getProperty(EXEMPT))) {
            context.setInputStream(new Capped(context.getInputStream()));
        }
        return context.proceed();
    }

    private static boolean isBulk(ContainerRequestContext request) {
        boolean bulk = BULK_PATH.equals(request.getUriInfo().getPath());
        if (bulk) {
            request.setProperty(EXEMPT, Boolean.TRUE);
        }
        return bulk;
    }

    static ProblemException tooLarge() {
        return new ProblemException(413, ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                "A single-article request body may hold at most " + MAX + " bytes (1 MiB).", List.of(), Map.of());
    }

    /** Counts bytes as they are read and stops the read past the cap. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX) {
                throw tooLarge();
            }
        }
    }
}
