package vn.ocop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold (no cycles, no access to another module's internals), and the diagrams are current. */
@vn.ocop.LongRunning
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    /** Once for the class (JUnit makes an instance per test): reading the modules scans every class of the application. */
    private static final ApplicationModules modules = ApplicationModules.of(OcopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDiagramsToDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String ordered = String.join("\n", inStableOrder(text.lines().toList())) + "\n";
                if (!ordered.equals(text)) {
                    Files.writeString(file, ordered, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /**
     * The Documenter writes relations ({@code Rel(…)} lines) and the canvases' lists (events, beans) in an order that
     * changes from run to run, so each build rewrote docs/modules with nothing new. Each run of such lines is sorted,
     * and every file ends with a line break (the Documenter ends some without).
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("Rel(")) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
                    end++;
                }
                result.addAll(lines.subList(i, end).stream().sorted().toList());
                i = end;
            } else if (line.startsWith("|* ") || line.startsWith("* ")) {
                // An AsciiDoc table cell's list: the first item carries the cell's "|"; an item may go on over
                // lines of its own ("+" and a paragraph) until the next item, the next cell or a blank line.
                boolean cell = line.startsWith("|");
                List<List<String>> items = new ArrayList<>();
                int end = i;
                while (end < lines.size() && (end == i || lines.get(end).startsWith("* "))) {
                    List<String> item = new ArrayList<>();
                    item.add(end == i && cell ? lines.get(end).substring(1) : lines.get(end));
                    end++;
                    while (end < lines.size()
                            && !lines.get(end).isEmpty()
                            && !lines.get(end).startsWith("* ")
                            && !lines.get(end).startsWith("|")) {
                        item.add(lines.get(end));
                        end++;
                    }
                    items.add(item);
                }
                items.sort(java.util.Comparator.comparing(item -> item.get(0)));
                if (cell) {
                    items.get(0).set(0, "|" + items.get(0).get(0));
                }
                items.forEach(result::addAll);
                i = end;
            } else {
                result.add(line);
                i++;
            }
        }
        return result;
    }
}
