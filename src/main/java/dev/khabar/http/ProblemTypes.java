package dev.khabar.http;

/** The problem type URIs this API defines; plain HTTP errors use {@code about:blank}, as RFC 9457 suggests. */
public final class ProblemTypes {
    public static final String BLANK = "about:blank";
    public static final String VALIDATION = "urn:khabar:problem:validation";
    public static final String INVALID_PARAMETER = "urn:khabar:problem:invalid-parameter";
    public static final String MALFORMED_BODY = "urn:khabar:problem:malformed-body";
    public static final String LAYOUT = "urn:khabar:problem:text-layout";
    public static final String NOT_FOUND = "urn:khabar:problem:not-found";
    public static final String SLUG_TAKEN = "urn:khabar:problem:slug-taken";
    public static final String UNAUTHORIZED = "urn:khabar:problem:unauthorized";
    public static final String BODY_TOO_LARGE = "urn:khabar:problem:body-too-large";
    public static final String INTERNAL = "urn:khabar:problem:internal";
    public static final String UNAVAILABLE = "urn:khabar:problem:unavailable";
    public static final String SEARCH_TIMEOUT = "urn:khabar:problem:search-timeout";
    public static final String WORKFLOW = "urn:khabar:problem:workflow";
    public static final String TRANSLATION_EXISTS = "urn:khabar:problem:translation-exists";
    public static final String VERSION_MISMATCH = "urn:khabar:problem:version-mismatch";
    public static final String FORBIDDEN = "urn:khabar:problem:forbidden";
    public static final String RATE_LIMITED = "urn:khabar:problem:rate-limited";
    public static final String IF_MATCH_REQUIRED = "urn:khabar:problem:if-match-required";

    private ProblemTypes() {
    }
}
