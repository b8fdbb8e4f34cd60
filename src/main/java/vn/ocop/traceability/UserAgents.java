package vn.ocop.traceability;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The browser family of a scan, the only thing kept of its User-Agent header: enough to tell phones' in-app scanners
 * from bots, nothing that singles out a person (no versions, no device model).
 */
final class UserAgents {

    private UserAgents() {}

    static String family(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("bot") || ua.contains("crawler") || ua.contains("spider") || ua.contains("preview")) {
            return "Bot";
        }
        if (ua.contains("zalo")) {
            return "Zalo";
        }
        if (ua.contains("fban") || ua.contains("fbav") || ua.contains("fb_iab") || ua.contains("messenger")) {
            return "Facebook";
        }
        if (ua.contains("instagram")) {
            return "Instagram";
        }
        if (ua.contains("coc_coc") || ua.contains("coccoc")) {
            return "CocCoc";
        }
        if (ua.contains("samsungbrowser")) {
            return "Samsung";
        }
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        if (ua.startsWith("curl/")
                || ua.startsWith("wget/")
                || ua.contains("python")
                || ua.contains("java/")
                || ua.contains("okhttp")
                || ua.startsWith("wrk")) {
            return "Tool";
        }
        return "Other";
    }
}
