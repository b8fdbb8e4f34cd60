package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ocop.IntegrationTest;

/**
 * Errors as a client meets them on the real server, including those that never reach a controller and go through
 * the servlet container's error dispatch: problem JSON on the API, a Vietnamese page elsewhere, never a 500.
 */
@IntegrationTest
class ErrorResponsesWebTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownApiPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/admin-units/01/no-such-thing")));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"COMMON-003\"");
    }

    @Test
    void unknownPageIsALocalizedHtmlPage() throws Exception {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri("/admin-units/01/children/extra")).header("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy trang bạn yêu cầu.");
    }

    @Test
    void malformedJsonAndWrongContentTypeAre4xxProblems() throws Exception {
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"COMMON-001\"");

        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("admin:secret")));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("\"code\":\"COMMON-008\"");

        HttpResponse<String> wrongMethod =
                send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).GET());
        assertThat(wrongMethod.statusCode()).isIn(401, 405);
        assertThat(wrongMethod.body()).contains("\"code\":\"COMMON-");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
