package dev.khabar.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** RFC 8288 links of paged responses. */
public final class Links {

    private Links() {
    }

    /** Adds {@code Link: <this request with cursor=next>; rel="next"} when there is a next page. */
    public static Response.ResponseBuilder next(Response.ResponseBuilder response, UriInfo uri, String nextCursor) {
        return next(response, uri, "cursor", nextCursor);
    }

    /** Adds {@code Link: <this request with parameter=next>; rel="next"} when there is a next page. */
    public static Response.ResponseBuilder next(Response.ResponseBuilder response, UriInfo uri, String parameter,
            String nextCursor) {
        if (nextCursor != null) {
            response.header(HttpHeaders.LINK, "<" + uri.getRequestUriBuilder().replaceQueryParam(parameter, nextCursor)
                    .build() + ">; rel=\"next\"");
        }
        return response;
    }
}
