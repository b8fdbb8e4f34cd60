package vn.ocop.product.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import vn.ocop.product.spreadsheet.SpreadsheetFormat;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/** Response headers of a spreadsheet download. */
final class Downloads {

    /** Media types of the downloads, for the API description. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String CSV = "text/csv";

    private Downloads() {}

    /** {@code xlsx} or {@code csv}, any case; else {@code COMMON-010} (400) naming the parameter. */
    static SpreadsheetFormat format(String name) {
        return SpreadsheetFormat.of(name).orElseThrow(() -> new OcopException(CommonError.INVALID_PARAMETER, "format"));
    }

    static void attachment(HttpServletResponse response, SpreadsheetFormat format, String baseName) {
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(baseName + "-" + LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM) + "."
                                + format.extension())
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
