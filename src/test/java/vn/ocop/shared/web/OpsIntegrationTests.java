package vn.ocop.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;

/** Health, OpenAPI, languages and the error pages as a visitor meets them. */
@IntegrationTest
class OpsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    /** Health details (database, disk path) are for system administrators; the others see UP or DOWN only. */
    @Test
    void healthDetailsAreShownToSystemAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health").with(as(TestUsers.communeOfficer("29869"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(as(TestUsers.admin())))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    /** /error is where the container sends failures; opened directly it is no page (not a 500). */
    @Test
    void theErrorPathOpenedDirectlyIsNotFound() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMMON-003"));
    }

    @Test
    void theApiDescriptionIsPublicInBothFormats() throws Exception {
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk());
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/admin-units']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
    }

    @Test
    void loginPageIsVietnameseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Tên đăng nhập")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Username")));
        // Many officials' browsers are set to English: pages stay Vietnamese until the user picks English.
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("Tên đăng nhập")));
        mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("OCOP_LANG", "en")))
                .andExpect(content().string(containsString("Username")));
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tên đăng nhập")));
    }

    @Test
    void protectedPagesRedirectToLogin() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void unknownPageGetsTheLocalizedErrorPage() throws Exception {
        mvc.perform(get("/admin-units").param("edition", "1900").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không tồn tại")));
    }
}
