package dev.khabar.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Adds to the spec the answers every API operation can give that no single method declares: 429 from the rate
 * limits everywhere, and 403 wherever a key with a too-low role can reach the operation (writes, and the admin
 * endpoints), mirroring the rule of {@code dev.khabar.access.AccessFilter}.
 */
public class OpenApiFilter implements OASFilter {

    private static final List<String> ADMIN_PATHS = List.of("/api/v1/keys", "/api/v1/audit");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean admin = ADMIN_PATHS.stream().anyMatch(path.getKey()::startsWith);
            path.getValue().getOperations().forEach((method, operation) -> {
                operation.getResponses().addAPIResponse("429",
                        OASFactory.createAPIResponse().ref("#/components/responses/TooManyRequests"));
                if (needsKey(operation) && (admin || method != PathItem.HttpMethod.GET)) {
                    operation.getResponses().addAPIResponse("403",
                            OASFactory.createAPIResponse().ref("#/components/responses/Forbidden"));
                }
            });
        }
    }

    private static boolean needsKey(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security != null && !security.isEmpty()
                && security.stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
    }
}
