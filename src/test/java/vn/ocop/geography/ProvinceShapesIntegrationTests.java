package vn.ocop.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ocop.IntegrationTest;

/** Maps draw the provinces by reference to one cached outline document instead of carrying the outlines inline. */
@IntegrationTest
class ProvinceShapesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProvinceMap map;

    @Test
    void theOutlinesAreOneCacheableDocumentWithEveryProvince() throws Exception {
        ProvinceMap.Sprite sprite = map.sprite();
        MvcResult versioned = mvc.perform(get("/admin-units/provinces.svg").param("v", sprite.version()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andReturn();
        String svg = versioned.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Pattern.compile("<path id=\"p-\\d{2}\" d=\"M")
                        .matcher(svg)
                        .results()
                        .count())
                .isEqualTo(map.shapes().size())
                .isEqualTo(34);

        String etag = versioned.getResponse().getHeader("ETag");
        mvc.perform(get("/admin-units/provinces.svg").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/admin-units/provinces.svg").param("v", "stale"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache, public"));
    }

    @Test
    void thePortalMapReferencesTheOutlines() throws Exception {
        String page = mvc.perform(get("/catalog/map"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("class=\"choropleth\"")
                .contains("href=\"/admin-units/provinces.svg?v=" + map.sprite().version() + "#p-82\"")
                .doesNotContain(" d=\"M");
        assertThat(page.length()).isLessThan(map.sprite().svg().length());
    }
}
