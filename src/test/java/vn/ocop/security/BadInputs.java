package vn.ocop.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input corpus: variations of a route's valid call that a careless or hostile client sends. For JSON bodies
 * the variations follow the OpenAPI schema of the body (every property, also those the row's body leaves out): empty
 * and overlong text, a NUL character, {@code null}, fractions and negative numbers where whole numbers are expected,
 * text where numbers are, {@code null} inside maps and lists, a stale version; for the body as a whole: none, not
 * JSON, the wrong JSON type, 30 MB. For forms: each field empty, overlong, with a NUL character, negative,
 * fractional, not a number, or missing. For paths: unknown, negative and non-numeric ids. For uploads: an empty file,
 * text instead of a picture or a PDF.
 *
 * @see SecuritySuiteTests#badInputIsRefusedWithoutWritingAndWithoutA5xx
 */
final class BadInputs {

    /** One variation; {@code mustFail}: the platform has to refuse it (it may accept the others). */
    record Mutation(String label, MatrixClient.Call call, boolean mustFail) {}

    static final int THIRTY_MEGABYTES = 30 * 1024 * 1024;
    private static final String LONG = "x".repeat(10_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonMapper json;
    private final JsonNode components;
    private final byte[] hugeBody;

    BadInputs(JsonMapper json, JsonNode openApi) {
        this.json = json;
        this.components = openApi.path("components").path("schemas");
        StringBuilder huge = new StringBuilder(THIRTY_MEGABYTES + 16).append("{\"name\": \"");
        huge.append("x".repeat(THIRTY_MEGABYTES)).append("\"}");
        this.hugeBody = huge.toString().getBytes(StandardCharsets.US_ASCII);
    }

    List<Mutation> of(Row row, MatrixClient.Call base, @Nullable JsonNode bodySchema) {
        List<Mutation> mutations = new ArrayList<>();
        paths(row, base, mutations);
        if (row.api() && base.body() != null) {
            jsonBody(base, bodySchema, mutations);
        } else if (!row.api() && !base.params().isEmpty()) {
            form(base, mutations);
        }
        if (row.api() && base.body() == null && base.files().isEmpty()) {
            // Routes without a body: an unexpected one must not matter (or be refused), never break anything.
            mutations.add(new Mutation(
                    "unexpected body", base.withBody(MediaType.APPLICATION_JSON_VALUE, "{\"x\":".getBytes()), false));
        }
        if (!base.files().isEmpty()) {
            files(base, mutations);
        }
        return mutations;
    }

    private void paths(Row row, MatrixClient.Call base, List<Mutation> mutations) {
        String[] segments = base.path().split("\\?", 2);
        String query = segments.length > 1 ? "?" + segments[1] : "";
        for (Map.Entry<String, String> variable : row.path().entrySet()) {
            if (variable.getValue().startsWith("=")) {
                continue;
            }
            // Which segment holds the variable: the pattern's segment with {name} in it.
            String[] pattern = row.pattern().split("/");
            String[] actual = segments[0].split("/");
            for (int i = 0; i < pattern.length && i < actual.length; i++) {
                if (pattern[i].matches(".*\\{" + variable.getKey() + "(:[^}]*)?}.*")) {
                    for (String bad : List.of("999999999", "-1", "abc", "%00")) {
                        String[] replaced = actual.clone();
                        replaced[i] = pattern[i].replaceAll("\\{" + variable.getKey() + "(:[^}]*)?}", bad);
                        mutations.add(new Mutation(
                                "path " + variable.getKey() + "=" + bad,
                                base.withPath(String.join("/", replaced) + query),
                                true));
                    }
                }
            }
        }
    }

    private void jsonBody(MatrixClient.Call base, @Nullable JsonNode schema, List<Mutation> mutations) {
        JsonNode body = json.readTree(base.body());
        String type = MediaType.APPLICATION_JSON_VALUE;
        mutations.add(new Mutation("no body", base.withBody(type, new byte[0]), true));
        mutations.add(new Mutation("body null", base.withBody(type, "null".getBytes()), true));
        mutations.add(new Mutation("body not JSON", base.withBody(type, "{\"a\": ".getBytes()), true));
        mutations.add(new Mutation(
                "body of the wrong type", base.withBody(type, (body.isArray() ? "{}" : "[]").getBytes()), true));
        mutations.add(new Mutation("body of 30 MB", base.withBody(type, hugeBody), true));
        mutations.add(new Mutation("body as text/plain", base.withBody("text/plain", base.body()), true));
        walk(base, body, List.of(), resolve(schema), mutations);
    }

    /** Mutates every property the schema names (and the body has), recursing into objects, lists and maps. */
    private void walk(
            MatrixClient.Call base, JsonNode body, List<Object> at, @Nullable JsonNode schema, List<Mutation> out) {
        JsonNode node = get(body, at);
        if (schema == null || node == null) {
            return;
        }
        String type = schema.path("type").asString("");
        if (schema.has("properties") || type.equals("object") && schema.has("additionalProperties")) {
            if (!node.isObject()) {
                return;
            }
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                properties.put(p.getKey(), resolve(p.getValue()));
            }
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                List<Object> path = append(at, property.getKey());
                values(base, body, path, property.getValue(), out);
                walk(base, body, path, property.getValue(), out);
            }
            JsonNode additional = resolve(schema.get("additionalProperties"));
            if (additional != null && additional.isObject()) {
                // A map (e.g. option index by criterion): bad values under a key it may well have.
                Iterator<String> keys = node.propertyNames().iterator();
                List<Object> path = append(at, keys.hasNext() ? keys.next() : "1.1");
                values(base, body, path, additional, out);
                out.add(mutation(base, body, append(at, "\u0000"), NODES.numberNode(1), "NUL in a key", true));
            }
        } else if (type.equals("array")) {
            JsonNode items = resolve(schema.get("items"));
            if (node.isArray() && !node.isEmpty()) {
                List<Object> first = append(at, 0);
                out.add(mutation(base, body, first, NODES.nullNode(), "null in a list", true));
                values(base, body, first, items, out);
                walk(base, body, first, items, out);
            }
        }
    }

    /** Bad values for one place of the body, by the type the schema gives it. */
    private void values(
            MatrixClient.Call base, JsonNode body, List<Object> path, @Nullable JsonNode schema, List<Mutation> out) {
        if (schema == null) {
            return;
        }
        String type = schema.path("type").asString("");
        String name = path.toString();
        out.add(mutation(base, body, path, NODES.nullNode(), name + " null", false));
        switch (type) {
            case "string" -> {
                out.add(mutation(base, body, path, NODES.stringNode(""), name + " empty", false));
                out.add(mutation(base, body, path, NODES.stringNode(LONG), name + " 10,000 characters", false));
                out.add(mutation(base, body, path, NODES.stringNode("a\u0000b"), name + " with NUL", true));
            }
            case "integer" -> {
                out.add(mutation(base, body, path, NODES.numberNode(1.5), name + " fraction", true));
                out.add(mutation(base, body, path, NODES.numberNode(-1), name + " negative", false));
                out.add(mutation(base, body, path, NODES.stringNode("abc"), name + " text", true));
                out.add(mutation(
                        base,
                        body,
                        path,
                        NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                        name + " too large",
                        true));
            }
            case "number" -> {
                out.add(mutation(base, body, path, NODES.numberNode(-1), name + " negative", false));
                out.add(mutation(base, body, path, NODES.stringNode("abc"), name + " text", true));
                out.add(mutation(
                        base, body, path, NODES.numberNode(new java.math.BigDecimal("1e400")), name + " 1e400", false));
            }
            case "boolean" -> out.add(mutation(base, body, path, NODES.stringNode("yes"), name + " text", true));
            case "array" -> out.add(mutation(base, body, path, NODES.stringNode("x"), name + " text", true));
            default -> {
                if (schema.has("properties") || schema.has("additionalProperties")) {
                    out.add(mutation(base, body, path, NODES.stringNode("x"), name + " text", true));
                }
            }
        }
        if (path.get(path.size() - 1).equals("version")) {
            out.add(mutation(base, body, path, NODES.numberNode(-1), "stale version", true));
        }
    }

    private Mutation mutation(
            MatrixClient.Call base, JsonNode body, List<Object> path, JsonNode value, String label, boolean mustFail) {
        JsonNode copy = body.deepCopy();
        set(copy, path, value);
        return new Mutation(
                label, base.withBody(MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(copy)), mustFail);
    }

    private void form(MatrixClient.Call base, List<Mutation> mutations) {
        for (String field : base.params().keySet()) {
            for (String bad : List.of("", LONG, "a\u0000b", "-1", "1.5", "abc")) {
                Map<String, List<String>> params = new LinkedHashMap<>(base.params());
                params.put(field, List.of(bad));
                mutations.add(new Mutation(
                        field + "=" + (bad.length() > 10 ? "10,000 characters" : bad.replace("\u0000", "NUL")),
                        base.withParams(params),
                        bad.contains("\u0000")));
            }
            Map<String, List<String>> missing = new LinkedHashMap<>(base.params());
            missing.remove(field);
            mutations.add(new Mutation(field + " missing", base.withParams(missing), false));
        }
    }

    private void files(MatrixClient.Call base, List<Mutation> mutations) {
        List<MockMultipartFile> empty = new ArrayList<>();
        List<MockMultipartFile> text = new ArrayList<>();
        for (MockMultipartFile file : base.files()) {
            empty.add(Samples.file(file.getName(), "empty"));
            text.add(Samples.file(file.getName(), "text"));
        }
        mutations.add(new Mutation("empty file", base.withFiles(empty), true));
        mutations.add(new Mutation("text file", base.withFiles(text), false));
        mutations.add(new Mutation("no file", base.withFiles(List.of()), true));
    }

    private @Nullable JsonNode resolve(@Nullable JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; current != null && current.has("$ref") && i < 10; i++) {
            String ref = current.get("$ref").asString();
            current = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }

    private static @Nullable JsonNode get(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }
}
