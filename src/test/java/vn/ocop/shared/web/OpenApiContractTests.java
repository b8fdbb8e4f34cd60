package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;

/**
 * The OpenAPI document is a contract generated clients rely on: every operation declares its security (the bearer
 * token, or {@code [{}]} for public ones), its RFC 9457 problem responses, and real content types (never
 * {@code *}{@code /*}). Checked here in Java, and by Redocly CLI's recommended rules ({@code redocly.yaml}), which
 * must find nothing: the document is written to {@code target/openapi.json} and linted with a pinned CLI through
 * {@code npx} (Node.js and npm; {@code bin/test} installs them when missing).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTests {

    /** Pinned: a new rule in a new version must not break the build by surprise. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    private static final Path DOCUMENT = Path.of("target", "openapi.json");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private JsonNode document;

    @BeforeAll
    void writeDocument() throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, text, StandardCharsets.UTF_8);
        document = json.readTree(text);
    }

    @Test
    void everyOperationDeclaresItsSecurityProblemsAndContentTypes() {
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                operations++;
                String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (!operation.has("security")) {
                    missing.add(name + ": no security");
                }
                boolean problem4xx = false;
                for (var response : operation.path("responses").properties()) {
                    JsonNode content = response.getValue().path("content");
                    if (content.has("*/*")) {
                        missing.add(name + " " + response.getKey() + ": content */*");
                    }
                    if (response.getKey().startsWith("4")) {
                        if (!content.has("application/problem+json")) {
                            missing.add(name + " " + response.getKey() + ": not application/problem+json");
                        }
                        problem4xx = true;
                    }
                }
                if (!problem4xx) {
                    missing.add(name + ": no 4xx response");
                }
                if (operation.path("requestBody").path("content").has("*/*")) {
                    missing.add(name + ": request body */*");
                }
            }
        }
        assertThat(operations).isGreaterThan(80);
        assertThat(missing).isEmpty();
    }

    @Test
    void publicOperationsAreDeclaredPublicAndTheOthersNeedTheToken() {
        JsonNode verify = document.at("/paths/~1api~1v1~1certificates~1{number}/get/security");
        JsonNode classification = document.at("/paths/~1api~1v1~1product-classification/get/security");
        JsonNode products = document.at("/paths/~1api~1v1~1products/get/security");
        assertThat(verify.toString()).isEqualTo("[{}]");
        assertThat(classification.toString()).isEqualTo("[{}]");
        assertThat(products.toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(document.at("/paths/~1api~1v1~1products/get/responses/401").isMissingNode())
                .isFalse();
        assertThat(document.at("/paths/~1api~1v1~1certificates~1{number}/get/responses/401")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void redoclyRecommendedRulesFindNothing() throws IOException, InterruptedException {
        Path report = Path.of("target", "openapi-lint.json");
        Process lint = new ProcessBuilder(
                        "npx",
                        "--yes",
                        REDOCLY,
                        "lint",
                        "--config",
                        "redocly.yaml",
                        "--format",
                        "json",
                        DOCUMENT.toString())
                .redirectOutput(report.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(lint.waitFor(5, TimeUnit.MINUTES))
                .as("redocly lint finished")
                .isTrue();
        JsonNode result = json.readTree(Files.readString(report));
        JsonNode totals = result.path("totals");
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            problems.add(problem.path("severity").asString() + " "
                    + problem.path("ruleId").asString() + " at "
                    + problem.path("location").path(0).path("pointer").asString() + ": "
                    + problem.path("message").asString());
        }
        System.out.printf(
                "%nRedocly %s on the OpenAPI document: %d errors, %d warnings%n",
                REDOCLY,
                totals.path("errors").asInt(-1),
                totals.path("warnings").asInt(-1));
        assertThat(totals.path("errors").asInt(-1)).as("errors " + problems).isZero();
        assertThat(totals.path("warnings").asInt(-1)).as("warnings " + problems).isZero();
    }
}
