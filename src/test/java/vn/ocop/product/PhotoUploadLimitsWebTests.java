package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.producer.ProducerRegistry;

/**
 * Uploads above the multipart limit (20 MB) on the real server: they are rejected before any controller code, yet the
 * page user gets the product page with a localized message (not a 403, 500 or reset connection) and an API client a
 * 413 problem.
 */
@IntegrationTest
class PhotoUploadLimitsWebTests {

    private static final byte[] HUGE = hugeUpload();

    @LocalServerPort
    int port;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    private long productId;

    @BeforeEach
    void aProduct() {
        var admin = TestUsers.admin();
        var producer =
                producers.register(RegistryFixtures.aCooperative("HTX Ảnh quá lớn", RegistryFixtures.CAO_LANH), admin);
        productId = products.register(RegistryFixtures.aProduct(producer.id(), "Ảnh quá lớn", 9), admin)
                .id();
    }

    @Test
    void pageUserIsSentBackToTheProductWithAMessage() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-test-password-1&_csrf="
                                + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        String productPage = browser.send(get("/products/" + productId), HttpResponse.BodyHandlers.ofString())
                .body();
        // The upload form's action carries the token (the body of a too large upload is never read).
        Matcher action = Pattern.compile("action=\"(/products/" + productId + "/photos\\?_csrf=[^\"]+)\"")
                .matcher(productPage);
        assertThat(action.find()).isTrue();

        HttpResponse<String> upload =
                browser.send(multipart(action.group(1).replace("&amp;", "&")), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/products/" + productId + "#photos"));
        String back = browser.send(get("/products/" + productId), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(back).contains("Tệp hoặc yêu cầu vượt quá dung lượng cho phép.");
    }

    @Test
    void apiClientGetsA413Problem() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> token = client.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"admin-test-password-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher accessToken = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(token.body());
        assertThat(accessToken.find())
                .as("the token answer: %d %s", token.statusCode(), token.body())
                .isTrue();

        HttpResponse<String> upload = client.send(
                HttpRequest.newBuilder(uri("/api/v1/products/" + productId + "/photos"))
                        .header("Authorization", "Bearer " + accessToken.group(1))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(HUGE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(upload.body()).contains("\"code\":\"COMMON-009\"");
    }

    @Test
    void aMalformedMultipartBodyIsA400ProblemNotA500() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> upload = client.send(
                HttpRequest.newBuilder(uri("/api/v1/products/" + productId + "/photos"))
                        .header("Authorization", "Bearer " + token(client))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-da"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).contains("\"code\":\"COMMON-001\"");
    }

    private String token(HttpClient client) throws Exception {
        HttpResponse<String> token = client.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"admin-test-password-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher accessToken = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(token.body());
        assertThat(accessToken.find())
                .as("the token answer: %d %s", token.statusCode(), token.body())
                .isTrue();
        return accessToken.group(1);
    }

    private static final String BOUNDARY = "ocopTestBoundary7MA4YWxkTrZu0gW";

    private HttpRequest multipart(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(HUGE))
                .build();
    }

    /** A 21 MB "JPEG" in a multipart body: above max-file-size (20 MB), below max-swallow-size. */
    private static byte[] hugeUpload() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] content = new byte[21 * 1024 * 1024];
        Arrays.fill(content, (byte) 0x41);
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xD8;
        content[2] = (byte) 0xFF;
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(meta.find()).isTrue();
        return meta.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
