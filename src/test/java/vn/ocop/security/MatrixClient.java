package vn.ocop.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;
import vn.ocop.identity.ApiTokens;
import vn.ocop.identity.CurrentUser;

/**
 * Calls routes as the world's callers through the application's real filter chains: API calls with a real bearer
 * token of the caller's account, page calls with the session of a real password login (and a CSRF token on forms).
 * Classifies each answer (see {@link Answer}).
 */
final class MatrixClient {

    /** A request ready to send. {@code path} is encoded and includes the query string. */
    record Call(
            String method,
            String path,
            boolean api,
            Caller caller,
            @Nullable String contentType,
            byte @Nullable [] body,
            Map<String, List<String>> params,
            List<MockMultipartFile> files) {

        Call withBody(@Nullable String type, byte @Nullable [] content) {
            return new Call(method, path, api, caller, type, content, params, files);
        }

        Call withParams(Map<String, List<String>> replaced) {
            return new Call(method, path, api, caller, contentType, body, replaced, files);
        }

        Call withPath(String replaced) {
            return new Call(method, replaced, api, caller, contentType, body, params, files);
        }

        Call withFiles(List<MockMultipartFile> replaced) {
            return new Call(method, path, api, caller, contentType, body, params, replaced);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final MockMvc mvc;
    private final MatrixWorld world;
    private final ErrorTexts errors;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Map<Caller, Cookie> sessions = new EnumMap<>(Caller.class);
    private ApiTokens apiTokens;
    private int reissued;

    MatrixClient(MockMvc mvc, MatrixWorld world, ErrorTexts errors) {
        this.mvc = mvc;
        this.world = world;
        this.errors = errors;
    }

    /** A bearer token and a page session for every signed-in caller, both through the real mechanisms. */
    void signIn(ApiTokens apiTokens) throws Exception {
        this.apiTokens = apiTokens;
        for (Caller caller : Caller.values()) {
            CurrentUser user = world.caller(caller);
            if (user == null) {
                continue;
            }
            tokens.put(caller, apiTokens.issue(user, "matrix").value());
            MvcResult login = mvc.perform(MockMvcRequestBuilders.post("/login")
                            .param("username", user.username())
                            .param("password", world.password())
                            .with(csrf()))
                    .andReturn();
            String location = login.getResponse().getRedirectedUrl();
            // The session cookie Spring Session sets (OCOPSESSION on a server; its default name under MockMvc).
            Cookie cookie = java.util.Arrays.stream(login.getResponse().getCookies())
                    .filter(c -> c.getName().endsWith("SESSION"))
                    .findFirst()
                    .orElse(null);
            if (location == null || location.contains("error") || cookie == null) {
                throw new IllegalStateException("login of " + caller + " (" + user.username() + ") failed: "
                        + login.getResponse().getStatus() + " " + location + " headers "
                        + login.getResponse().getHeaderNames().stream()
                                .map(h -> h + "=" + login.getResponse().getHeaders(h))
                                .toList()
                        + " session " + login.getRequest().getSession(false));
            }
            sessions.put(caller, cookie);
        }
    }

    /**
     * Issues the caller a new token when an allowed {@code DELETE /api/v1/auth/token} revoked its own; call before
     * watching for writes (issuing one writes).
     */
    void ensureToken(Caller caller) {
        String token = tokens.get(caller);
        if (token != null && apiTokens.authenticate(token).isEmpty()) {
            tokens.put(caller, apiTokens.issue(world.caller(caller), "matrix").value());
            reissued++;
        }
    }

    /** How many tokens were issued again after a call revoked the caller's own. */
    int reissuedTokens() {
        return reissued;
    }

    /** The call a row makes for a caller on a side, placeholders filled in. */
    Call prepare(Row row, Caller caller, Side side) {
        StringBuilder path = new StringBuilder();
        Matcher variables = java.util.regex.Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}|\\*\\*")
                .matcher(row.pattern());
        int last = 0;
        while (variables.find()) {
            path.append(row.pattern(), last, variables.start());
            String name = variables.group(1) == null ? "**" : variables.group(1);
            String value = pathValue(row, name, caller, side);
            path.append(name.equals("**") ? value : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
            last = variables.end();
        }
        path.append(row.pattern().substring(last));
        if (row.query() != null) {
            path.append('?').append(encodeQuery(resolve(row.query(), caller, side)));
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        String contentType = null;
        byte[] body = null;
        if (row.body() != null) {
            String resolved = resolve(row.body(), caller, side);
            if (row.api()) {
                contentType = MediaType.APPLICATION_JSON_VALUE;
                body = resolved.getBytes(StandardCharsets.UTF_8);
            } else {
                params.putAll(parseForm(resolved));
            }
        }
        List<MockMultipartFile> files = new ArrayList<>();
        row.files().forEach((part, type) -> files.add(Samples.file(part, type)));
        return new Call(row.method(), path.toString(), row.api(), caller, contentType, body, params, files);
    }

    private String pathValue(Row row, String variable, Caller caller, Side side) {
        String kind = row.path().get(variable);
        if (kind.startsWith("=")) {
            return resolve(kind.substring(1), caller, side);
        }
        return world.instance(kind, side, caller).value();
    }

    /** Fills in {@code {kind}}, {@code {kind.attribute}} and {@code {tag}}. */
    String resolve(String text, Caller caller, Side side) {
        Matcher m = Row.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("tag")) {
                value = world.tag();
            } else if (m.group(1).equals("today")) {
                value = java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM)
                        .toString();
            } else if (m.group(1).equals("new-tax-code")) {
                value = vn.ocop.RegistryFixtures.aTaxCode();
            } else {
                Instance instance = world.instance(m.group(1), side, caller);
                try {
                    value = m.group(2) == null ? instance.value() : instance.attribute(m.group(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("{" + m.group(1) + "." + m.group(2) + "}: " + e.getMessage(), e);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encodeQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                out.append(UriUtils.encodeQueryParam(pair, StandardCharsets.UTF_8));
            } else {
                out.append(UriUtils.encodeQueryParam(pair.substring(0, eq), StandardCharsets.UTF_8))
                        .append('=')
                        .append(UriUtils.encodeQueryParam(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    static Map<String, List<String>> parseForm(String form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String raw : form.split("&")) {
            String pair = raw.strip(); // rows fold long forms over several lines
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Sends the call and classifies the answer. */
    Answer send(Call call) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request;
        URI uri = URI.create(call.path());
        if (!call.files().isEmpty()) {
            MockMultipartHttpServletRequestBuilder multipart =
                    MockMvcRequestBuilders.multipart(HttpMethod.valueOf(call.method()), uri);
            call.files().forEach(multipart::file);
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method()), uri);
        }
        call.params().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        if (call.body() != null) {
            request.content(call.body());
            if (call.contentType() != null) {
                request.contentType(call.contentType());
            }
        }
        if (call.api()) {
            request.accept("application/json, application/problem+json;q=0.9, */*;q=0.8");
            String token = tokens.get(call.caller());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        } else {
            request.accept("text/html,application/xhtml+xml,*/*;q=0.8");
            Cookie session = sessions.get(call.caller());
            if (session != null) {
                request.cookie(session);
            }
            if (!HttpMethod.GET.matches(call.method())) {
                request.with(csrf());
            }
        }
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (jakarta.servlet.ServletException | RuntimeException e) {
            // Nothing handled it: on a server the container's error page would answer 500.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(500, Answer.Outcome.SERVER_ERROR, "unhandled " + cause);
        }
        Answer answer = call.api() ? apiAnswer(result.getResponse()) : pageAnswer(result);
        String type = result.getResponse().getContentType();
        return type != null && (type.contains("json") || type.contains("html") || type.contains("text"))
                ? answer.withContent(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                : answer;
    }

    private static Answer apiAnswer(MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        String body = body(response);
        if (status >= 500) {
            return new Answer(status, Answer.Outcome.SERVER_ERROR, body);
        }
        if (status == 401 || status == 403 || status == 404) {
            return new Answer(status, Answer.Outcome.REFUSED, body);
        }
        if (status >= 400) {
            return new Answer(status, Answer.Outcome.REJECTED, body);
        }
        return new Answer(status, Answer.Outcome.SUCCESS, null);
    }

    private Answer pageAnswer(MvcResult result) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            return new Answer(status, Answer.Outcome.SERVER_ERROR, body(response));
        }
        if (status == 401 || status == 403 || status == 404) {
            return new Answer(status, Answer.Outcome.REFUSED, null);
        }
        String location = response.getRedirectedUrl();
        if (status >= 300 && location != null && (location.endsWith("/login") || location.contains("/login?"))) {
            return new Answer(status, Answer.Outcome.REFUSED, "-> " + location);
        }
        // Pages report failures as a message: after a redirect (flash), above the form, or next to a field.
        List<String> messages = new ArrayList<>();
        // No flash map when a filter answered before any controller ran.
        if (result.getFlashMap() != null) {
            messages.addAll(errorsIn(result.getFlashMap()));
        }
        ModelAndView view = result.getModelAndView();
        if (view != null && (status < 300 || status >= 400)) {
            messages.addAll(errorsIn(view.getModel()));
            for (Object value : view.getModel().values()) {
                if (value instanceof BindingResult binding) {
                    binding.getAllErrors().forEach(e -> messages.add(String.valueOf(e.getDefaultMessage())));
                }
            }
        }
        String detail = messages.isEmpty() ? null : "messages: " + messages;
        if (messages.stream().anyMatch(errors::refusal)) {
            return new Answer(status, Answer.Outcome.REFUSED, detail);
        }
        if (status >= 400 || !messages.isEmpty()) {
            return new Answer(status, Answer.Outcome.REJECTED, detail);
        }
        return new Answer(status, Answer.Outcome.SUCCESS, null);
    }

    /** The messages a page reports as errors: attributes {@code error}, {@code photoError}, … */
    private static List<String> errorsIn(Map<String, ?> attributes) {
        return attributes.entrySet().stream()
                .filter(e -> e.getKey().equals("error") || e.getKey().endsWith("Error"))
                .filter(e -> e.getValue() instanceof String)
                .map(e -> (String) e.getValue())
                .toList();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        String type = response.getContentType();
        if (type == null || !(type.contains("json") || type.contains("text"))) {
            return "";
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        return body.length() > 400 ? body.substring(0, 400) : body;
    }
}
