package vn.ocop.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/** The rows of every {@code authorization/*.yml} on the test class path, except the known failures. */
final class Rows {

    static final String KNOWN_FAILURES = "known-failures.yml";

    private Rows() {}

    @SuppressWarnings("unchecked")
    static List<Row> load() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Resource resource : resources()) {
            String file = resource.getFilename();
            if (KNOWN_FAILURES.equals(file)) {
                continue;
            }
            Map<String, Object> yaml = read(resource);
            Object routes = yaml == null ? null : yaml.get("routes");
            if (!(routes instanceof List<?> list)) {
                throw new IllegalArgumentException(file + ": expected 'routes:' with a list of rows");
            }
            for (Object row : list) {
                rows.add(Row.parse(file, (Map<String, Object>) row));
            }
        }
        return rows;
    }

    static Resource[] resources() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:authorization/*.yml");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return (Map<String, Object>) new Yaml().load(in);
        }
    }
}
