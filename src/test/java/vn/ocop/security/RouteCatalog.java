package vn.ocop.security;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the running application: the operations of the OpenAPI document ({@code /v3/api-docs}) and every
 * mapping of Spring MVC's request-mapping handler mappings (pages, actuator, API docs), as {@code METHOD /pattern}. A
 * mapping without a method condition (the error controller) counts as {@code GET}.
 */
record RouteCatalog(JsonNode document, Set<String> operations, Set<String> mappings) {

    static RouteCatalog read(ApplicationContext context, MockMvc mvc, JsonMapper json) throws Exception {
        String document = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Set<String> operations = new TreeSet<>();
        JsonNode openApi = json.readTree(document);
        JsonNode paths = openApi.path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                        .contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        Set<String> mappings = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        mappings.add("GET " + pattern);
                    }
                    methods.forEach(m -> mappings.add(m.name() + " " + pattern));
                }
            }
        }
        return new RouteCatalog(openApi, operations, mappings);
    }

    /** The schema of an operation's JSON body, or {@code null}. */
    JsonNode bodySchema(String method, String path) {
        JsonNode schema = document.path("paths")
                .path(path)
                .path(method.toLowerCase(Locale.ROOT))
                .path("requestBody")
                .path("content")
                .path("application/json")
                .get("schema");
        return schema;
    }

    /** All routes: operations and mappings together. */
    Set<String> all() {
        Set<String> all = new TreeSet<>(mappings);
        all.addAll(operations);
        return all;
    }

    /** API mappings that the OpenAPI document does not describe (an undocumented endpoint). */
    Set<String> undocumented() {
        Set<String> missing = new TreeSet<>();
        for (String route : mappings) {
            if (route.split(" ", 2)[1].startsWith("/api/") && !operations.contains(route)) {
                missing.add(route);
            }
        }
        return missing;
    }
}
