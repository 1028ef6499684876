package dev.khabar.access;

import jakarta.enterprise.context.RequestScoped;

import dev.khabar.article.Audience;

/** Who made the current request, as the access filter established it. */
@RequestScoped
public class Caller {
    private Audience audience = Audience.PUBLIC;
    private String actor = "anonymous";

    public Audience audience() {
        return audience;
    }

    /** Refuses the request with 401 unless the caller holds a key; {@code what} says what needed it. */
    public void requireEditorial(String what) {
        if (!audience.seesEverything()) {
            throw AccessFilter.unauthorized(what + " needs 'Authorization: Bearer <token>'.", "Bearer realm=\"khabar\"");
        }
    }

    /** Who is writing, as revisions record it. */
    public String actor() {
        return actor;
    }

    void authenticate(Audience audience, String actor) {
        this.audience = audience;
        this.actor = actor;
    }
}
