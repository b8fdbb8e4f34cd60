package vn.ocop.evaluation.web;

import org.springframework.http.ResponseEntity;

/** A PDF download of the minutes with a stable file name. */
final class MinutesResponse {

    private MinutesResponse() {}

    static ResponseEntity<byte[]> of(long dossierId, byte[] pdf) {
        return PdfResponse.inline("bien-ban-ho-so-" + dossierId + ".pdf", pdf);
    }
}
