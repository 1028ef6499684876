package dev.khabar;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The API as a whole: its OpenAPI description and security scheme. */
@OpenAPIDefinition(info = @Info(title = "Khabar content API", version = "1.0.0",
        description = "A headless content API for news: structured articles in any language, Arabic first. "
                + "Errors are RFC 9457 problem documents (application/problem+json).",
        license = @License(name = "Proprietary", url = "https://khabar.dev/licence")),
        servers = @Server(url = "/", description = "This server"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (`khb_...`, issued at /api/v1/keys) or the bootstrap admin token "
                + "(`content.admin-token`). Roles: `previewer` reads drafts and scheduled articles; `editor` also "
                + "writes; `admin` also manages keys and reads the audit log. Without it, reads show published "
                + "content only. Missing or bad: 401 with `WWW-Authenticate`; a role too low: 403.")
public class KhabarApplication extends Application {
}
