package vn.ocop.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code src/test/resources/authorization/<module>.yml}: a route, how to fill in its path, query and body,
 * and who may call it. Several rows may name the same route (e.g. one body per level of a rating); the format is
 * described in {@code docs/testing.md}.
 *
 * @param route {@code METHOD /path/pattern} exactly as Spring MVC maps it
 * @param path path variable (or {@code **}) → fixture kind, or {@code =literal}
 * @param query query string with placeholders, or {@code null}
 * @param body JSON (API) or form fields {@code a=1&b=2} (pages), with placeholders, or {@code null}
 * @param files multipart part → sample content ({@code png}, {@code jpeg}, {@code pdf}, {@code csv}, {@code text})
 * @param allowOwn callers allowed on the own instance (and on routes without fixtures)
 * @param allowOther callers allowed on the other instance
 * @param reveals fixture kind → who may see its instance's marker in the answer (lists, pages that show more than
 *     their subject): for anyone else the marker must not appear in the body
 */
public record Row(
        String file,
        String route,
        String method,
        String pattern,
        @Nullable String label,
        Map<String, String> path,
        @Nullable String query,
        @Nullable String body,
        Map<String, String> files,
        Set<Caller> allowOwn,
        Set<Caller> allowOther,
        Map<String, Grants> reveals) {

    /** Who may (own side, other side). */
    public record Grants(Set<Caller> own, Set<Caller> other) {

        public boolean allows(Caller caller, Side side) {
            return side == Side.OTHER ? other.contains(caller) : own.contains(caller);
        }
    }

    /**
     * {@code {kind}} or {@code {kind.attribute}} in a query, body or literal; built in: {@code {tag}} (the run's
     * tag), {@code {today}} (today's date in Vietnam), {@code {new-tax-code}} (a valid tax code never used before).
     */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]*)(?:\\.([a-zA-Z][a-zA-Z0-9]*))?}");

    /** Placeholders that are not fixture kinds: the run's tag, today, a tax code never used before. */
    static final Set<String> BUILT_IN = Set.of("tag", "today", "new-tax-code");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    /** Whether the route is under the stateless API chain (bearer tokens, JSON). */
    public boolean api() {
        return pattern.startsWith("/api/");
    }

    public boolean mutating() {
        return !List.of("GET", "HEAD", "OPTIONS").contains(method);
    }

    /** Route and label, for messages. */
    public String name() {
        return label == null ? route : route + " [" + label + "]";
    }

    /** The fixture kinds the row uses: own and other instances exist only for rows that use some. */
    public Set<String> kinds() {
        Set<String> kinds = new java.util.TreeSet<>();
        path.values().stream().filter(v -> !v.startsWith("=")).forEach(kinds::add);
        for (String text : new String[] {query, body}) {
            if (text != null) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!BUILT_IN.contains(m.group(1))) {
                        kinds.add(m.group(1));
                    }
                }
            }
        }
        return kinds;
    }

    public List<Side> sides() {
        return kinds().isEmpty() ? List.of(Side.NONE) : List.of(Side.OWN, Side.OTHER);
    }

    public boolean allows(Caller caller, Side side) {
        return side == Side.OTHER ? allowOther.contains(caller) : allowOwn.contains(caller);
    }

    /** The names of the path variables of the pattern, in order ({@code **} included). */
    List<String> pathVariables() {
        List<String> names = new java.util.ArrayList<>();
        Matcher m = PATH_VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (pattern.contains("**")) {
            names.add("**");
        }
        return names;
    }

    /** Reads one YAML row; fails with the file and route on anything malformed. */
    @SuppressWarnings("unchecked")
    static Row parse(String file, Map<String, Object> yaml) {
        String route = required(file, yaml, "route");
        String[] parts = route.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(file + ": route must be 'METHOD /path': " + route);
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        Map<String, String> path = new LinkedHashMap<>();
        if (yaml.get("path") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> path.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (yaml.get("files") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> files.put(String.valueOf(k), String.valueOf(v)));
        }
        Object allowYaml = yaml.get("allow");
        if (!(allowYaml instanceof List<?> allowList)) {
            throw new IllegalArgumentException(file + ": " + route + " needs an allow list (may be empty: [])");
        }
        Grants allow = grants(file, route, allowList);
        Map<String, Grants> reveals = new LinkedHashMap<>();
        if (yaml.get("reveals") instanceof Map<?, ?> map) {
            map.forEach((kind, who) -> {
                if (!(who instanceof List<?> list)) {
                    throw new IllegalArgumentException(file + ": " + route + ": reveals." + kind + " needs a list");
                }
                reveals.put(String.valueOf(kind), grants(file, route, list));
            });
        }
        Row row = new Row(
                file,
                method + " " + parts[1],
                method,
                parts[1],
                (String) yaml.get("case"),
                Map.copyOf(path),
                (String) yaml.get("query"),
                yaml.get("body") == null
                        ? null
                        : String.valueOf(yaml.get("body")).strip(),
                Map.copyOf(files),
                allow.own(),
                allow.other(),
                Map.copyOf(reveals));
        for (String variable : row.pathVariables()) {
            if (!path.containsKey(variable)) {
                throw new IllegalArgumentException(file + ": " + route + ": path variable '" + variable
                        + "' has no value (path: {" + variable + ": <kind> or '=literal'})");
            }
        }
        Set<String> unknownKeys = new java.util.HashSet<>(yaml.keySet());
        unknownKeys.removeAll(Set.of("route", "case", "path", "query", "body", "files", "allow", "reveals"));
        if (!unknownKeys.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + route + ": unknown keys " + unknownKeys);
        }
        return row;
    }

    private static Grants grants(String file, String route, List<?> entries) {
        Set<Caller> own = EnumSet.noneOf(Caller.class);
        Set<Caller> other = EnumSet.noneOf(Caller.class);
        for (Object entry : entries) {
            String grant = String.valueOf(entry).trim();
            boolean ownOnly = grant.endsWith("@own");
            String who = ownOnly ? grant.substring(0, grant.length() - 4) : grant;
            Set<Caller> callers = switch (who) {
                case "everyone" -> EnumSet.allOf(Caller.class);
                case "signed-in" -> EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
                default -> {
                    try {
                        yield EnumSet.of(Caller.valueOf(who));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ": " + route + ": unknown caller '" + who + "'");
                    }
                }
            };
            own.addAll(callers);
            if (!ownOnly) {
                other.addAll(callers);
            }
        }
        return new Grants(Set.copyOf(own), Set.copyOf(other));
    }

    private static String required(String file, Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": a row without '" + key + "': " + yaml);
        }
        return String.valueOf(value);
    }
}
