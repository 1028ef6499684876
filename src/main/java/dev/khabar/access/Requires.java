package dev.khabar.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an endpoint needs. Without it, reads are open to anyone and writes need {@link Role#EDITOR}: a new write
 * endpoint is closed by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Requires {
    Role value();
}
