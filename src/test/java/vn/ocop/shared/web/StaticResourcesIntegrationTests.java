package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;

/** Static files by directory, web jars by version-less links, and nothing else looked up as a static file. */
@IntegrationTest
class StaticResourcesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void staticDirectoriesAndWebJarsAreServed() throws Exception {
        assertThat(StaticResources.directories()).contains("css", "img", "js");
        mvc.perform(get("/css/ocop.css")).andExpect(status().isOk());
        mvc.perform(get("/js/ocop.js")).andExpect(status().isOk());
        mvc.perform(get("/img/favicon.svg")).andExpect(status().isOk());
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());

        String page = mvc.perform(get("/verify"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(page);
        assertThat(htmx.find())
                .as("the version-less web jar link resolved to its version")
                .isTrue();
        mvc.perform(get(htmx.group(1))).andExpect(status().isOk());
    }
}
