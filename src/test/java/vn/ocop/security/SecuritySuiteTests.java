package vn.ocop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.identity.ApiTokens;

/**
 * The standing security suite: the authorization matrix and the bad-input corpus, on one set of fixtures.
 *
 * <h2>Authorization matrix</h2>
 *
 * Every API operation of the OpenAPI document and every route of Spring MVC's handler mappings is called as every
 * {@link Caller} on the own and the other instance of the fixtures it names, and compared with the rows written down
 * in {@code src/test/resources/authorization/<module>.yml} (format in {@code docs/testing.md}). The build fails on
 *
 * <ul>
 *   <li>a route without a row (a new endpoint cannot slip in unreviewed), or a row for a route that no longer exists;
 *   <li>a <b>leak</b>: a caller not allowed by the row was let through, or an answer shows the marker of a fixture
 *       the caller may not see ({@code reveals} in a row);
 *   <li>a wrongly refused caller (401/403, or a page that sends an allowed user to the login page);
 *   <li>any 5xx, allowed or not;
 *   <li>a call that was refused or failed but wrote to the database (a row trigger logs every write while the suite
 *       runs, see {@link WriteWatch});
 *   <li>an entry of {@code authorization/known-failures.yml} that no longer fails (remove it with the fix).
 * </ul>
 *
 * Mismatches listed in {@code known-failures.yml} (findings being fixed elsewhere, each with the finding's words) are
 * printed but do not fail. The counts are printed: operations, routes, rows, calls, leaks, 5xx.
 *
 * <h2>Bad-input corpus</h2>
 *
 * Every mutating route (API operations and page forms) is called with the variations of {@link BadInputs}, as the
 * first caller its row allows on the own instance. No answer may be a 5xx, no refused or failed call may write, and
 * the variations that must be refused (a NUL character, a fraction or text where a whole number is expected, unknown
 * ids, a body that is not JSON or is 30 MB, a stale version, …) must be. Another jurisdiction's ids are the matrix'
 * other side.
 *
 * <h2>Callers and fixtures</h2>
 *
 * The callers are real accounts created for the run ({@link Matrix#build}): API calls carry a real bearer token of
 * the account, page calls the session of a real password login. Fixture kinds ({@code product}, {@code dossier},
 * {@code certificate}, …) are created once per run by {@link MatrixFixtures} providers, one per module, in the
 * module's test package:
 *
 * <pre>{@code
 * class TraceabilityMatrixFixtures implements MatrixFixtures {
 *     private final Lots lots;                        // beans of the context, injected by constructor
 *     TraceabilityMatrixFixtures(Lots lots) { this.lots = lots; }
 *     public Set<String> provides() { return Set.of("lot"); }
 *     public Set<String> requires() { return Set.of("product"); }   // created after the product provider
 *     public void create(MatrixWorld world) {
 *         long own = lots.open(world.own("product").id(), ..., world.system()).id();
 *         long other = lots.open(world.other("product").id(), ..., world.system()).id();
 *         world.put("lot", Instance.of(own, "a marker text"), Instance.of(other));
 *     }
 * }
 * }</pre>
 *
 * The own instance must be in the home places of {@link MatrixWorld} (province 82, commune 29869, the home producer,
 * the council member's round); the other one in province 01, commune 00004, of another producer. A kind owned by each
 * caller (a notification, a token) is put with functions of the {@link Caller}. Providers create through the modules'
 * services, never by SQL, and use {@link MatrixWorld#name} for unique names. An {@link Instance} may carry a marker
 * (text that identifies it in an answer, for {@code reveals}) and attributes read at each call (e.g. the current
 * {@code version} for an update's body).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@vn.ocop.LongRunning
@org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.SIGNING_KEY) // its rows rotate the key
class SecuritySuiteTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    MessageSource messages;

    /**
     * Only the rows of these files or with these texts in their route, separated by commas (not for the build:
     * coverage is not checked).
     */
    private static final String ONLY = System.getProperty("matrix.only");

    private RouteCatalog catalog;
    private List<Row> rows;
    private MatrixWorld world;
    private MatrixClient client;
    private WriteWatch watch;
    private long worldNanos;
    private double worldCpu;

    /** One mismatch between a row and an answer. */
    record Mismatch(String kind, Row row, Caller caller, Side side, String what, KnownFailures.Entry known) {
        @Override
        public String toString() {
            return kind + ": " + row.name() + " as " + caller + (side == Side.NONE ? "" : " on " + side.label()) + ": "
                    + what + (known == null ? "" : "\n      known: " + known.finding());
        }
    }

    @BeforeAll
    void world() throws Exception {
        long started = System.nanoTime();
        double cpu = cpuSeconds();
        MockMvc mvc = MatrixMvc.of(context);
        catalog = RouteCatalog.read(context, mvc, json);
        rows = Rows.load();
        if (ONLY != null) {
            // For working on some rows: -Dmatrix.only=evaluation.yml (a file) or a piece of a route; several, with
            // commas (-Dmatrix.only=catalog.yml,trade.yml,signup).
            rows = rows.stream()
                    .filter(r -> java.util.Arrays.stream(ONLY.split(","))
                            .anyMatch(o -> r.file().equals(o) || r.route().contains(o)))
                    .toList();
        }
        world = Matrix.build(context);
        client = new MatrixClient(mvc, world, new ErrorTexts(messages));
        client.signIn(apiTokens);
        watch = WriteWatch.install(jdbc);
        worldNanos = System.nanoTime() - started;
        worldCpu = cpuSeconds() - cpu;
    }

    @AfterAll
    void removeWatch() {
        if (watch != null) {
            watch.close();
        }
    }

    @Test
    @Order(1)
    void everyRouteAnswersEveryCallerAsWrittenDown() throws Exception {
        long started = System.nanoTime();
        double cpu = cpuSeconds();
        KnownFailures known = KnownFailures.load();
        List<String> problems = new ArrayList<>();
        Set<String> rowRoutes = rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        for (String route : catalog.all()) {
            if (ONLY == null && !rowRoutes.contains(route)) {
                problems.add("route without a row in src/test/resources/authorization/<module>.yml: " + route);
            }
        }
        for (String route : rowRoutes) {
            if (!catalog.all().contains(route)) {
                problems.add("row for a route the application does not have: " + route);
            }
        }
        catalog.undocumented().forEach(route -> problems.add("API route missing from the OpenAPI document: " + route));
        for (Row row : rows) {
            for (String kind : row.kinds()) {
                if (!world.has(kind)) {
                    problems.add(row.file() + ": " + row.name() + " uses fixture kind '" + kind
                            + "' that no provider creates");
                }
            }
            for (String kind : row.reveals().keySet()) {
                if (!world.has(kind)) {
                    problems.add(row.file() + ": " + row.name() + " reveals fixture kind '" + kind
                            + "' that no provider creates");
                }
            }
        }
        assertThat(problems).as("rows and routes").isEmpty();

        List<Mismatch> mismatches = new ArrayList<>();
        Set<KnownFailures.Entry> seenKnown = new LinkedHashSet<>();
        int calls = 0;
        Map<Answer.Outcome, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Long> rowNanos = new LinkedHashMap<>();
        for (Row row : ordered(rows)) {
            for (Planned planned : plan(row)) {
                Caller caller = planned.caller();
                Side side = planned.side();
                boolean expected = row.allows(caller, side);
                Written written;
                try {
                    written = call(row, client.prepare(row, caller, side), rowNanos);
                } catch (RuntimeException e) {
                    mismatches.add(new Mismatch("BROKEN", row, caller, side, e.toString(), null));
                    continue;
                }
                Answer answer = written.answer();
                calls++;
                outcomes.merge(answer.outcome(), 1, Integer::sum);
                List<String> mismatch = new ArrayList<>();
                if (answer.outcome() == Answer.Outcome.SERVER_ERROR) {
                    mismatch.add("5XX|" + answer);
                } else if (!expected && !answer.refused()) {
                    mismatch.add("LEAK|not allowed, but answered " + answer);
                } else if (expected && !answer.allowed()) {
                    mismatch.add("DENIED|allowed, but answered " + answer);
                }
                if (answer.allowed()) {
                    mismatch.addAll(revealed(row, caller, side, answer));
                }
                if ((!expected || answer.failed()) && !written.writes().isEmpty()) {
                    mismatch.add("WRITE|answered " + answer + " but wrote " + written.writes());
                }
                for (String m : mismatch) {
                    String[] parts = m.split("\\|", 2);
                    KnownFailures.Entry entry = known.find(row, caller, side);
                    if (entry != null) {
                        seenKnown.add(entry);
                    }
                    mismatches.add(new Mismatch(parts[0], row, caller, side, parts[1], entry));
                }
            }
        }

        List<Mismatch> unexpected =
                mismatches.stream().filter(m -> m.known() == null).toList();
        List<Mismatch> listed =
                mismatches.stream().filter(m -> m.known() != null).toList();
        List<KnownFailures.Entry> stale =
                known.entries().stream().filter(e -> !seenKnown.contains(e)).toList();
        StringBuilder report = new StringBuilder();
        report.append("\n=== Authorization matrix ===\n")
                .append(String.format(
                        "operations %d (OpenAPI), routes %d (handler mappings), rows %d, fixture kinds %d%n",
                        catalog.operations().size(),
                        catalog.mappings().size(),
                        rows.size(),
                        world.kinds().size()))
                .append(String.format(
                        "calls %d %s in %.1f s, %.1f s of CPU (fixtures and logins before: %.1f s, %.1f s of CPU)%n",
                        calls,
                        outcomes,
                        (System.nanoTime() - started) / 1e9,
                        cpuSeconds() - cpu,
                        worldNanos / 1e9,
                        worldCpu))
                .append(String.format(
                        "leaks %d, 5xx %d, wrongly refused %d, refused-but-wrote %d (known failures: %d cases of %d"
                                + " entries; unexpected: %d)%n",
                        count(mismatches, "LEAK"),
                        count(mismatches, "5XX"),
                        count(mismatches, "DENIED"),
                        count(mismatches, "WRITE"),
                        listed.size(),
                        known.entries().size(),
                        unexpected.size()));
        report.append("slowest rows: ");
        rowNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> report.append(String.format("%s %.1f s; ", e.getKey(), e.getValue() / 1e9)));
        report.append('\n');
        if (!listed.isEmpty()) {
            report.append("--- known failures (authorization/known-failures.yml) ---\n");
            listed.forEach(m -> report.append("  ").append(m).append('\n'));
        }
        if (!unexpected.isEmpty()) {
            report.append("--- UNEXPECTED ---\n");
            unexpected.forEach(m -> report.append("  ").append(m).append('\n'));
        }
        if (!stale.isEmpty()) {
            report.append("--- known failures that no longer fail: remove them from known-failures.yml ---\n");
            stale.forEach(e -> report.append("  ")
                    .append(e.name())
                    .append(" as ")
                    .append(e.callers())
                    .append('\n'));
        }
        System.out.println(report);
        assertThat(unexpected)
                .as("unexpected mismatches (see the report above)")
                .isEmpty();
        if (ONLY == null) {
            assertThat(stale).as("known failures that no longer fail").isEmpty();
        }
    }

    @Test
    @Order(2)
    void badInputIsRefusedWithoutWritingAndWithoutA5xx() throws Exception {
        long started = System.nanoTime();
        double cpu = cpuSeconds();
        BadInputs corpus = new BadInputs(json, catalog.document());
        Map<String, Row> routes = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.mutating()) {
                routes.putIfAbsent(row.route(), row);
            }
        }
        List<String> failures = new ArrayList<>();
        int calls = 0;
        int operations = 0;
        Map<Answer.Outcome, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Long> rowNanos = new LinkedHashMap<>();
        for (Row row : routes.values()) {
            Caller caller = firstAllowed(row);
            if (caller == null) {
                continue;
            }
            operations++;
            Side side = row.sides().get(0);
            MatrixClient.Call base = client.prepare(row, caller, side);
            for (BadInputs.Mutation mutation : corpus.of(row, base, catalog.bodySchema(row.method(), row.pattern()))) {
                Written written = call(row, mutation.call(), rowNanos);
                Answer answer = written.answer();
                calls++;
                outcomes.merge(answer.outcome(), 1, Integer::sum);
                String where = row.name() + " as " + caller + ", " + mutation.label() + ": ";
                if (answer.outcome() == Answer.Outcome.SERVER_ERROR) {
                    failures.add("5XX " + where + answer);
                }
                if (answer.failed() && !written.writes().isEmpty()) {
                    failures.add("WROTE " + where + answer + " but wrote " + written.writes());
                }
                if (mutation.mustFail() && !answer.failed()) {
                    failures.add("ACCEPTED " + where + answer
                            + (written.writes().isEmpty() ? "" : " and wrote " + written.writes()));
                }
            }
        }
        StringBuilder report = new StringBuilder()
                .append("\n=== Bad-input corpus ===\n")
                .append(String.format(
                        "mutating routes %d, calls %d %s in %.1f s, %.1f s of CPU%n",
                        operations, calls, outcomes, (System.nanoTime() - started) / 1e9, cpuSeconds() - cpu))
                .append(String.format(
                        "5xx %d, refused-but-wrote %d, bad input accepted %d%n",
                        failures.stream().filter(f -> f.startsWith("5XX")).count(),
                        failures.stream().filter(f -> f.startsWith("WROTE")).count(),
                        failures.stream().filter(f -> f.startsWith("ACCEPTED")).count()));
        report.append("slowest routes: ");
        rowNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .forEach(e -> report.append(String.format("%s %.1f s; ", e.getKey(), e.getValue() / 1e9)));
        report.append('\n');
        failures.forEach(f -> report.append("  ").append(f).append('\n'));
        System.out.println(report);
        assertThat(failures).as("bad inputs (see the report above)").isEmpty();
    }

    /** An answer and what the call wrote. */
    private record Written(Answer answer, List<String> writes) {}

    /** Sends a call, with what it wrote; waits for the listeners of the events it published to finish. */
    private Written call(Row row, MatrixClient.Call call, Map<String, Long> nanos) throws Exception {
        client.ensureToken(call.caller());
        long mark = watch.mark();
        long t0 = System.nanoTime();
        Answer answer = vn.ocop.WriteTags.as(WriteWatch.TAG, () -> client.send(call));
        nanos.merge(row.name(), System.nanoTime() - t0, Long::sum);
        List<String> writes = watch.since(mark);
        watch.awaitListeners(mark);
        return new Written(answer, writes);
    }

    private List<String> revealed(Row row, Caller caller, Side side, Answer answer) {
        List<String> leaks = new ArrayList<>();
        for (var reveal : row.reveals().entrySet()) {
            for (Side shown : side == Side.NONE ? List.of(Side.OWN, Side.OTHER) : List.of(side)) {
                String marker = world.instance(reveal.getKey(), shown, caller).marker();
                if (marker != null
                        && !reveal.getValue().allows(caller, shown)
                        && answer.content().contains(marker)) {
                    leaks.add("LEAK|shows the " + shown.label() + " " + reveal.getKey() + " (" + marker + ")");
                }
            }
        }
        return leaks;
    }

    /**
     * CPU time of the whole test process (every thread, the embedded PostgreSQL is another process): unlike wall
     * time, it does not depend on what else the machine runs.
     */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static long count(List<Mismatch> mismatches, String kind) {
        return mismatches.stream().filter(m -> m.kind().equals(kind)).count();
    }

    /** The caller the corpus uses: the first the row allows on the own instance (the anonymous caller last). */
    private static Caller firstAllowed(Row row) {
        Side side = row.sides().get(0);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS && row.allows(caller, side)) {
                return caller;
            }
        }
        return row.allows(Caller.ANONYMOUS, side) ? Caller.ANONYMOUS : null;
    }

    private record Planned(Caller caller, Side side) {}

    /** Reads first, then changes; inside a route, every refused call before the allowed ones (which may move state). */
    private static List<Row> ordered(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::mutating));
        return sorted;
    }

    private static List<Planned> plan(Row row) {
        List<Planned> refused = new ArrayList<>();
        List<Planned> allowed = new ArrayList<>();
        for (Side side : row.sides()) {
            for (Caller caller : Caller.values()) {
                (row.allows(caller, side) ? allowed : refused).add(new Planned(caller, side));
            }
        }
        // Allowed calls on the other side first: the own instance is the one later rows rely on most.
        allowed.sort(Comparator.comparing((Planned p) -> p.side() != Side.OTHER));
        List<Planned> all = new ArrayList<>(refused);
        all.addAll(allowed);
        return all;
    }
}
