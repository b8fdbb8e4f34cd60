package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import vn.ocop.IntegrationTest;
import vn.ocop.shared.web.HandlerLookup.PrefilteredMapping;

/** The handler lookup's pre-filter never rules out a mapping that matches, and answers stay what they were. */
@IntegrationTest
class HandlerLookupIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    MockMvc mvc;

    @Test
    void literalPrefixesStopAtTheLastSlashBeforeAVariableOrWildcard() {
        assertThat(PrefilteredMapping.literalPrefix("/api/v1/stamps/{code}")).isEqualTo("/api/v1/stamps");
        assertThat(PrefilteredMapping.literalPrefix("/verify/{*number}")).isEqualTo("/verify");
        assertThat(PrefilteredMapping.literalPrefix("/api/v1/lots")).isEqualTo("/api/v1/lots");
        assertThat(PrefilteredMapping.literalPrefix("/catalog/")).isEqualTo("/catalog");
        assertThat(PrefilteredMapping.literalPrefix("/files/x*.css")).isEqualTo("/files");
        assertThat(PrefilteredMapping.literalPrefix("/{lang}/home")).isEmpty();
        assertThat(PrefilteredMapping.literalPrefix("/")).isEmpty();

        String[] stamps = {"/api/v1/stamps"};
        assertThat(PrefilteredMapping.couldMatch(stamps, "/api/v1/stamps/ABC")).isTrue();
        assertThat(PrefilteredMapping.couldMatch(stamps, "/api/v1/stamps")).isTrue();
        assertThat(PrefilteredMapping.couldMatch(stamps, "/api/v1/stampsX/ABC")).isFalse();
        assertThat(PrefilteredMapping.couldMatch(stamps, "/api/v1/lots/1")).isFalse();
        assertThat(PrefilteredMapping.couldMatch(new String[0], "/anything")).isTrue();
    }

    @Test
    void everyMappingStillMatchesThePathsItsPatternsMatch() {
        assertThat(mapping).isInstanceOf(PrefilteredMapping.class);
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String path : examples(pattern.getPatternString())) {
                    if (pattern.matches(PathContainer.parsePath(path))) {
                        assertThat(PrefilteredMapping.couldMatch(PrefilteredMapping.literalPrefixes(info), path))
                                .as("%s must not be ruled out for %s", pattern, path)
                                .isTrue();
                        checked.add(path);
                    }
                }
            }
        }
        assertThat(checked)
                .as("paths checked against the application's mappings")
                .hasSizeGreaterThan(100);
    }

    @Test
    void theIndexFindsExactlyTheMappingsThePrefixTestLetsThrough() {
        PrefilteredMapping prefiltered = (PrefilteredMapping) mapping;
        List<String> paths = new ArrayList<>(List.of("/", "/api", "/api/v1/stamps/ABC", "/api/v1/stampsX/1", "/x/y/z"));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() != null) {
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    paths.addAll(examples(pattern.getPatternString()));
                }
            }
        }
        int compared = 0;
        for (String path : paths) {
            List<RequestMappingInfo> found = List.of(prefiltered.candidates(path));
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                boolean expected = PrefilteredMapping.couldMatch(PrefilteredMapping.literalPrefixes(info), path);
                assertThat(found.stream().anyMatch(f -> f == info))
                        .as("%s for %s", info, path)
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void answersForMissingRoutesAndWrongMethodsAreUnchanged() throws Exception {
        mvc.perform(get("/verify/NO-SUCH-NUMBER")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates/NO-SUCH-NUMBER")).andExpect(status().isNotFound());
        mvc.perform(delete("/verify/82-26-ABCDE-FGHJK").with(csrf())).andExpect(status().isMethodNotAllowed());
    }

    /** Concrete paths for a pattern: variables as a number, a code and several segments. */
    private static List<String> examples(String pattern) {
        List<String> paths = new ArrayList<>();
        for (String value : List.of("1", "82-26-ABCDE-FGHJK", "a/b")) {
            paths.add(pattern.replaceAll("\\{\\*[^}]*}", value)
                    .replaceAll("\\{[^}]*}", value.replace("/", ""))
                    .replace("**", "a/b")
                    .replace("*", "x"));
        }
        return paths;
    }
}
