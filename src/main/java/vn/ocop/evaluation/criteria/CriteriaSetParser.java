package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one criteria set from the JSON format of the project's criteria data (see db/data/criteria/26-2026/README.md):
 * parts → criteria → options, with star markers and knock-out text. The 1-point yes/no criteria printed without
 * options ({@code optionsNote}) get two options: 0 (no) and the maximum (yes).
 */
public final class CriteriaSetParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CriteriaSetParser() {}

    /** @throws IllegalArgumentException when the document is not a criteria set */
    public static CriteriaSetDefinition parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        String version = text(root, "version");
        JsonNode set = root.path("criteriaSet");
        if (version == null || !set.isObject() || !root.path("parts").isArray()) {
            throw new IllegalArgumentException("not a criteria set: version, criteriaSet and parts are required");
        }
        int setNo = set.path("no").asInt(0);
        if (setNo < 1) {
            throw new IllegalArgumentException("criteriaSet.no must be a positive number");
        }
        String name = text(set, "name");
        List<PartDefinition> parts = new ArrayList<>();
        for (JsonNode part : root.path("parts")) {
            List<CriterionDefinition> criteria = new ArrayList<>();
            for (JsonNode c : part.path("criteria")) {
                criteria.add(criterion(c));
            }
            parts.add(new PartDefinition(
                    required(part, "code"), required(part, "name"), decimal(part, "maxPoints"), List.copyOf(criteria)));
        }
        List<ExclusionGround> grounds = new ArrayList<>();
        for (JsonNode g : root.path("grounds")) {
            grounds.add(new ExclusionGround(required(g, "code"), required(g, "text"), text(g, "criterion")));
        }
        return new CriteriaSetDefinition(
                version,
                setNo,
                name == null ? "" : name.replace("Bộ sản phẩm: ", ""),
                text(root, "knockout"),
                parts,
                List.copyOf(grounds));
    }

    private static CriterionDefinition criterion(JsonNode c) {
        BigDecimal max = decimal(c, "maxPoints");
        List<OptionDefinition> options = new ArrayList<>();
        int index = 0;
        for (JsonNode o : c.path("options")) {
            JsonNode marker = o.path("minStarMarker");
            options.add(new OptionDefinition(
                    index++,
                    decimal(o, "points"),
                    required(o, "description"),
                    marker.isNumber() ? marker.asInt() : null,
                    text(o, "variant")));
        }
        if (options.isEmpty()) {
            // Printed without options (the bilingual-label criterion): read as yes/no.
            options.add(new OptionDefinition(0, BigDecimal.ZERO, "Không đạt", null, null));
            options.add(new OptionDefinition(1, max, "Đạt", null, null));
        }
        List<String> variants = new ArrayList<>();
        c.path("variants").forEach(v -> variants.add(v.asString()));
        GateRule gate = null;
        JsonNode g = c.path("gate");
        if (g.isObject()) {
            List<String> whenZero = new ArrayList<>();
            g.path("whenZero").forEach(code -> whenZero.add(code.asString()));
            gate = new GateRule(whenZero, required(g, "reason"));
        }
        return new CriterionDefinition(
                required(c, "code"),
                c.path("group").asString(""),
                required(c, "name"),
                max,
                text(c, "note"),
                List.copyOf(variants),
                List.copyOf(options),
                gate);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.decimalValue().stripTrailingZeros();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
