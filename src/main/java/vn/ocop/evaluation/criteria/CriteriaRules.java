package vn.ocop.evaluation.criteria;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the rules printed as text around a version's scoresheets (grounds of exclusion, gates; see
 * {@code db/data/criteria/rules/README.md}) into each set's definition, where {@link CriteriaSetParser} reads them.
 */
public final class CriteriaRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CriteriaRules() {}

    /** The set's definition with its grounds and gates, as JSON; a set the rules do not cover comes back unchanged. */
    public static String apply(String definition, String rules) {
        ObjectNode set = (ObjectNode) JSON.readTree(definition);
        JsonNode r = JSON.readTree(rules);
        int setNo = set.path("criteriaSet").path("no").asInt();
        List<ObjectNode> criteria = new ArrayList<>();
        set.path("parts").forEach(part -> part.path("criteria").forEach(c -> criteria.add((ObjectNode) c)));
        ArrayNode grounds = JSON.createArrayNode();
        for (JsonNode g : r.path("grounds")) {
            if (covers(g, setNo)) {
                grounds.addObject()
                        .put("code", g.path("code").asString())
                        .put("text", g.path("text").asString());
            }
        }
        for (JsonNode e : r.path("exclusions")) {
            if (covers(e, setNo)) {
                String code = e.path("criterion").asString();
                criterion(criteria, code, setNo)
                        .ifPresent(c -> grounds.addObject()
                                .put("code", e.path("code").asString())
                                .put("text", c.path("note").asString())
                                .put("criterion", code));
            }
        }
        set.set("grounds", grounds);
        for (JsonNode g : r.path("gates")) {
            if (covers(g, setNo)) {
                ObjectNode c = criterion(criteria, g.path("criterion").asString(), setNo)
                        .orElseThrow(() -> new IllegalArgumentException("set " + setNo + " has no criterion "
                                + g.path("criterion").asString()));
                ObjectNode gate = c.putObject("gate");
                gate.set("whenZero", g.path("whenZero").deepCopy());
                gate.put("reason", c.path("note").asString());
            }
        }
        return JSON.writeValueAsString(set);
    }

    private static boolean covers(JsonNode rule, int setNo) {
        JsonNode sets = rule.path("sets");
        return setNo >= sets.get(0).asInt() && setNo <= sets.get(1).asInt();
    }

    private static java.util.Optional<ObjectNode> criterion(List<ObjectNode> criteria, String code, int setNo) {
        return criteria.stream()
                .filter(c -> c.path("code").asString().equals(code))
                .findFirst();
    }
}
