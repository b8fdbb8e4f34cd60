package vn.ocop.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;

/** Criteria versions as data on real PostgreSQL: listing, self-assessment, import of a version, comparison. */
@IntegrationTest
class CriteriaIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsThe26SetsOfTheCurrentVersionAndTheHistoricSet() throws Exception {
        mvc.perform(get("/api/v1/criteria-sets").param("version", "26-2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(26))
                .andExpect(jsonPath("$[8].name").value("Tương, nước mắm, gia vị dạng lỏng khác"));
        mvc.perform(get("/api/v1/criteria-sets"))
                .andExpect(jsonPath("$.length()").value(26));
        mvc.perform(get("/api/v1/criteria-sets").param("version", "148-2023"))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/criteria-versions"))
                .andExpect(jsonPath("$[0].code").value("26-2026"))
                .andExpect(jsonPath("$[0].status").value("CURRENT"));
    }

    @Test
    void returnsOneSetInFullWithMarkers() throws Exception {
        mvc.perform(get("/api/v1/criteria-sets/26-2026/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts.length()").value(3))
                .andExpect(jsonPath("$.parts[0].maxPoints").value(40))
                .andExpect(jsonPath("$.parts[0].criteria[0].code").value("1.1"))
                .andExpect(jsonPath("$.knockout", containsString("Hồ sơ bị loại")));
        mvc.perform(get("/api/v1/criteria-sets/1999/1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVAL-001"));
        mvc.perform(get("/api/v1/criteria-sets/26-2026/27"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVAL-002"));
    }

    @Test
    void selfAssessmentIsPublicAndStateless() throws Exception {
        // Set 1, every criterion at its first option except 1.1 at 3 points: a low total, 1★, next 2★.
        mvc.perform(post("/api/v1/criteria-sets/26-2026/1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choices\": {\"1.1\": 2}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.star").value(1))
                .andExpect(jsonPath("$.partTotals.A").value(3))
                .andExpect(jsonPath("$.nextStar.star").value(2))
                .andExpect(jsonPath("$.nextStar.pointsShort").value(27));
        mvc.perform(post("/api/v1/criteria-sets/26-2026/1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choices\": {\"99.9\": 0}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-003"));
        mvc.perform(post("/api/v1/criteria-sets/26-2026/1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choices\": {\"1.1\": 17}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-003"));
        mvc.perform(post("/api/v1/criteria-sets/26-2026/1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choices\": {\"1.1\": \"many\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-002")) // the field is named (decision 0019)
                .andExpect(jsonPath("$.errors[0].field").value("choices.1.1"));
    }

    @Test
    void anAdministratorImportsANewVersionAndComparesIt() throws Exception {
        String set1 = new ClassPathResource("db/data/criteria/26-2026/01-rau-cu-qua-hat-tuoi.json")
                .getContentAsString(StandardCharsets.UTF_8);
        // The same set under a new version code: it imports as a draft and compares equal to 26-2026.
        String amended = set1.replace("\"version\": \"26-2026\"", "\"version\": \"99-2030\"");
        String body = "{\"code\":\"99-2030\",\"decision\":\"Quyết định thử nghiệm\",\"sets\":[" + amended + "]}";
        mvc.perform(post("/api/v1/criteria-versions")
                        .with(as(TestUsers.provinceOfficer("82")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/criteria-versions")
                        .with(as(TestUsers.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.setCount").value(1));
        mvc.perform(post("/api/v1/criteria-versions")
                        .with(as(TestUsers.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-005"));
        mvc.perform(get("/api/v1/criteria-versions/148-2023/compare/26-2026").param("set", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added[*]", org.hamcrest.Matchers.hasItem(containsString("1.2"))));
        mvc.perform(get("/api/v1/criteria-versions/26-2026/compare/99-2030").param("set", "1"))
                .andExpect(jsonPath("$.changed.length()").value(0))
                .andExpect(jsonPath("$.added.length()").value(0));
    }

    @Test
    void importRejectsSetsWhoseTotalsDisagreeAndUnreadableDocuments() throws Exception {
        String set1 = new ClassPathResource("db/data/criteria/26-2026/01-rau-cu-qua-hat-tuoi.json")
                .getContentAsString(StandardCharsets.UTF_8);
        // Part A printed as 45 points instead of 40: the criteria no longer add up.
        String broken = set1.replace("\"version\": \"26-2026\"", "\"version\": \"98-2030\"")
                .replaceFirst("\"maxPoints\": 40.0", "\"maxPoints\": 45.0");
        mvc.perform(post("/api/v1/criteria-versions")
                        .with(as(TestUsers.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"98-2030\",\"decision\":\"x\",\"sets\":[" + broken + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-004"));
        mvc.perform(post("/api/v1/criteria-versions")
                        .with(as(TestUsers.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"97-2030\",\"decision\":\"x\",\"sets\":[{\"hello\":1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-006"));
        mvc.perform(get("/api/v1/criteria-sets").param("version", "98-2030")).andExpect(status().isNotFound());
    }

    @Test
    void selfAssessmentPageShowsTheSheetAndComputesTheResult() throws Exception {
        mvc.perform(get("/self-assessment"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tương, nước mắm, gia vị dạng lỏng khác")));
        mvc.perform(get("/self-assessment/26-2026/9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bộ tiêu chí số 9")))
                .andExpect(content().string(containsString("name=\"c_1.1\"")));
        mvc.perform(post("/self-assessment/26-2026/9/result")
                        .with(csrf())
                        .param("c_1.1", "2")
                        .param("c_junk", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kết quả tự đánh giá")))
                .andExpect(content().string(containsString("1 sao")));
        mvc.perform(get("/self-assessment/26-2026/42")).andExpect(status().isNotFound());
    }
}
