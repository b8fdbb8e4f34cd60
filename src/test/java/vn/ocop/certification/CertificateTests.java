package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Validity and status of a certificate, without Spring. */
class CertificateTests {

    static Certificate issuedOn(LocalDate day, CertificateStatus status) {
        return new Certificate(
                1,
                "82-26-ABCDE-FGHJK",
                "12/QĐ-UBND",
                day,
                "UBND tỉnh Đồng Tháp",
                1,
                1,
                1L,
                "NEW",
                4,
                "PROVINCE",
                "Trà tim sen",
                "HTX Sen",
                "82-29869-001-2026",
                "29869",
                "82",
                day,
                Certificate.expiryFor(day),
                status,
                "sig",
                null,
                null,
                null);
    }

    @Test
    void validForThirtySixMonthsCountedAsTheCivilCodeCountsMonths() {
        assertThat(Certificate.expiryFor(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2029, 1, 31));
        assertThat(Certificate.expiryFor(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2029, 3, 31));
        // The last month has no 29th: the period ends on its last day.
        assertThat(Certificate.expiryFor(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2031, 2, 28));
        assertThat(Certificate.expiryFor(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2029, 11, 23));
    }

    @Test
    void validThroughTheLastDayAndExpiredTheDayAfter() {
        Certificate c = issuedOn(LocalDate.of(2026, 1, 31), CertificateStatus.VALID);
        assertThat(c.statusOn(LocalDate.of(2026, 1, 31))).isEqualTo(CertificateStatus.VALID);
        assertThat(c.statusOn(LocalDate.of(2029, 1, 31))).isEqualTo(CertificateStatus.VALID);
        assertThat(c.statusOn(LocalDate.of(2029, 2, 1))).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(issuedOn(LocalDate.of(2026, 1, 31), CertificateStatus.REVOKED)
                        .statusOn(LocalDate.of(2026, 6, 1)))
                .isEqualTo(CertificateStatus.REVOKED);
    }
}
