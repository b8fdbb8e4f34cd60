package vn.ocop.identity;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Declares in the OpenAPI document, for every operation, what the API filter chain actually requires: the bearer
 * token, or nothing ({@code security: [{}]}) for the public endpoints of {@link SecurityConfiguration}. One source, so
 * the document cannot claim a token for a public endpoint or forget one for a protected endpoint.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before the error responses, which depend on it (shared.web.OpenApiConfiguration)
class ApiSecurityDocumentation implements GlobalOpenApiCustomizer {

    static final String SCHEME = "bearer";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    boolean open = isPublic(method.name(), path);
                    operation.setSecurity(
                            List.of(open ? new SecurityRequirement() : new SecurityRequirement().addList(SCHEME)));
                }));
    }

    /** Whether the API chain lets an anonymous caller through to this operation (path as in the document). */
    static boolean isPublic(String method, String documentedPath) {
        String[] patterns = switch (method) {
            case "GET" -> SecurityConfiguration.PUBLIC_API_GET;
            case "POST" -> SecurityConfiguration.PUBLIC_API_POST;
            default -> new String[0];
        };
        // Any value stands for a path variable: the patterns match whole segments.
        PathContainer path = PathContainer.parsePath(documentedPath.replaceAll("\\{[^}]+}", "x"));
        for (String pattern : patterns) {
            if (PathPatternParser.defaultInstance.parse(pattern).matches(path)) {
                return true;
            }
        }
        return false;
    }
}
