package vn.ocop.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * OpenAPI description of {@code /api/v1} as a contract for generated clients: bearer tokens from {@code POST
 * /api/v1/auth/token} (each operation declares whether it needs one, see {@code identity.ApiSecurityDocumentation}),
 * JSON bodies ({@code springdoc.default-produces-media-type}), and the RFC 9457 problems every operation can answer,
 * added here for all operations instead of on each controller:
 *
 * <ul>
 *   <li>400 for operations with parameters or a body (malformed, invalid, with {@code errors[]} per field);
 *   <li>401 and 403 for operations that need a token;
 *   <li>404 for operations that name something by id (in the path or the body);
 *   <li>409 for operations that change something (concurrent edit, duplicate, step not allowed now);
 *   <li>413 for operations with a body;
 *   <li>406 for the public reads that can fail in no other way (an {@code Accept} the API cannot produce).
 * </ul>
 *
 * An operation that declares one of these itself keeps its description; the content is always the problem.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "OCOP Platform API",
                        version = "v1",
                        description =
                                "API of the OCOP programme information system. Errors are RFC 9457 problem details"
                                        + " with a stable `code`; texts follow Accept-Language (vi, en)."),
        servers = @Server(url = "/", description = "This platform"))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Token from POST /api/v1/auth/token")
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    GlobalOpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getComponents().addSchemas("FieldProblem", fieldProblemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> addProblems(path, method, operation)));
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> !requirement.isEmpty());
        Map<String, String> problems = new LinkedHashMap<>();
        if (body || parameters) {
            problems.put("400", "Malformed or invalid request (`COMMON-001`, `COMMON-002` with `errors[]`, …)");
        }
        if (secured) {
            problems.put("401", "No valid bearer token (`COMMON-005`)");
            problems.put("403", "Not allowed for the caller's role or jurisdiction (`COMMON-004`, …)");
        }
        if (path.contains("{") || body) {
            problems.put("404", "Something named by the request does not exist");
        }
        if (method != PathItem.HttpMethod.GET) {
            problems.put(
                    "409",
                    "Conflicts with the current state (stale `version`: `COMMON-006`, duplicate, step"
                            + " not allowed now)");
        }
        if (body) {
            problems.put("413", "The body is larger than allowed (`COMMON-009`)");
        }
        if (problems.isEmpty()) {
            // A public read without parameters fails only on content negotiation (e.g. Accept: application/xml).
            problems.put("406", "The representation asked for (Accept) cannot be produced");
        }
        problems.forEach((status, description) -> {
            ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse().description(description));
            response.setContent(new Content()
                    .addMediaType(
                            PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        });
        operation.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with the platform's stable error code")
                .addProperty("type", new StringSchema().format("uri").example("urn:ocop:error:COMMON-004"))
                .addProperty("title", new StringSchema().description("Localized (Accept-Language)"))
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("Localized explanation"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "code",
                        new StringSchema().description("Stable error code").example("COMMON-004"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("Invalid fields, for COMMON-002")
                                .items(new Schema<>().$ref("#/components/schemas/FieldProblem")));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("details.name"))
                .addProperty("rule", new StringSchema().example("NotBlank"))
                .addProperty("message", new StringSchema().description("Localized"));
    }
}
