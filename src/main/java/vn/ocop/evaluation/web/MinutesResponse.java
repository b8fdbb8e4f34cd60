package vn.ocop.evaluation.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A PDF download of the minutes with a stable file name. */
final class MinutesResponse {

    private MinutesResponse() {}

    static ResponseEntity<byte[]> of(long dossierId, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("bien-ban-ho-so-" + dossierId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
