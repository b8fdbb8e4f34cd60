package vn.ocop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSummaryTests {

    @Test
    void listsChangedFieldsInOrderWithOldAndNewValues() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "HTX Sen");
        before.put("phone", null);
        before.put("members", 12);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("name", "HTX Sen Tháp Mười");
        after.put("phone", "0277 385 1234");
        assertThat(ChangeSummary.of(before, after))
                .isEqualTo("name: HTX Sen -> HTX Sen Tháp Mười; phone: null -> 0277 385 1234");
        assertThat(ChangeSummary.of(before, before)).isEmpty();
    }
}
