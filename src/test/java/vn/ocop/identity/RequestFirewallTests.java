package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's fast checks accept and reject exactly what Spring Security's default expressions do. */
class RequestFirewallTests {

    @Test
    void namesAndValuesAreJudgedAsByTheDefaultExpressionsForEveryCharacter() {
        for (int c = 0; c <= 0xffff; c++) {
            String one = String.valueOf((char) c);
            for (String s : List.of(one, "X-Header" + one, one + "value with spaces")) {
                assertThat(RequestFirewall.NAMES.test(s))
                        .as("name with U+%04X", c)
                        .isEqualTo(RequestFirewall.NAME.matcher(s).matches());
                assertThat(RequestFirewall.VALUES.test(s))
                        .as("value with U+%04X", c)
                        .isEqualTo(RequestFirewall.VALUE.matcher(s).matches());
            }
        }
        // Characters outside the basic plane (surrogate pairs), assigned and not.
        for (String s : List.of("🍵 trà", "\uD83F\uDFFF", "Nước mắm Phú Quốc", "a\tb", "")) {
            assertThat(RequestFirewall.NAMES.test(s))
                    .isEqualTo(RequestFirewall.NAME.matcher(s).matches());
            assertThat(RequestFirewall.VALUES.test(s))
                    .isEqualTo(RequestFirewall.VALUE.matcher(s).matches());
        }
    }

    @Test
    void theExpressionsAreSpringSecuritysOwn() {
        // A header the default firewall rejects is rejected here too, and one it lets through passes.
        StrictHttpFirewall ours = RequestFirewall.create();
        StrictHttpFirewall spring = new StrictHttpFirewall();
        for (String value : List.of("curl/8.5", "Mozilla/5.0 (Linux; Android 14)", "a\u0007b", "tab\there", "\u0378")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/stamps/ABC");
            request.addHeader("User-Agent", value);
            assertThat(rejects(ours, request)).as(value).isEqualTo(rejects(spring, request));
        }
    }

    private static boolean rejects(StrictHttpFirewall firewall, MockHttpServletRequest request) {
        try {
            firewall.getFirewalledRequest(request).getHeader("User-Agent");
            return false;
        } catch (RequestRejectedException e) {
            return true;
        }
    }
}
