package vn.ocop.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Cases of the matrix that are wrong today because of a finding being fixed elsewhere, listed in {@code
 * authorization/known-failures.yml} with the finding's words: reported, not failing the build. An entry that no
 * longer fails does fail the build, so that it is removed together with the fix.
 */
final class KnownFailures {

    record Entry(String route, @Nullable String label, Set<Caller> callers, Set<Side> sides, String finding) {

        boolean matches(Row row, Caller caller, Side side) {
            return route.equals(row.route())
                    && (label == null || label.equals(row.label()))
                    && callers.contains(caller)
                    && (sides.contains(side) || side == Side.NONE);
        }

        String name() {
            return label == null ? route : route + " [" + label + "]";
        }
    }

    private final List<Entry> entries;

    private KnownFailures(List<Entry> entries) {
        this.entries = entries;
    }

    static KnownFailures load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Resource resource : Rows.resources()) {
            if (!Rows.KNOWN_FAILURES.equals(resource.getFilename())) {
                continue;
            }
            Map<String, Object> yaml = Rows.read(resource);
            Object list = yaml == null ? null : yaml.get("known-failures");
            if (list == null) {
                continue;
            }
            for (Object item : (List<?>) list) {
                Map<?, ?> entry = (Map<?, ?>) item;
                Set<Caller> callers = EnumSet.noneOf(Caller.class);
                for (Object c : (List<?>) entry.get("callers")) {
                    callers.add(Caller.valueOf(String.valueOf(c)));
                }
                Set<Side> sides = EnumSet.of(Side.OWN, Side.OTHER);
                if (entry.get("sides") instanceof List<?> given) {
                    sides = EnumSet.noneOf(Side.class);
                    for (Object s : given) {
                        sides.add(Side.valueOf(String.valueOf(s).toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                Object finding = entry.get("finding");
                if (finding == null || String.valueOf(finding).isBlank()) {
                    throw new IllegalArgumentException("known failure without the finding's words: " + entry);
                }
                entries.add(new Entry(
                        String.valueOf(entry.get("route")).trim(),
                        (String) entry.get("case"),
                        callers,
                        sides,
                        String.valueOf(finding).strip()));
            }
        }
        return new KnownFailures(entries);
    }

    @Nullable
    Entry find(Row row, Caller caller, Side side) {
        return entries.stream()
                .filter(e -> e.matches(row, caller, side))
                .findFirst()
                .orElse(null);
    }

    List<Entry> entries() {
        return entries;
    }
}
