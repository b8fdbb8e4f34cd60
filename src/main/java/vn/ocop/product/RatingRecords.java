package vn.ocop.product;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;

/**
 * Products' current ratings as public facts, for the public certificate check: found by the OCOP code printed on a
 * label, or by the certificate (or recognition decision) number of a rating recorded from a province's records.
 * Only what a certificate itself prints: no contact or personal data. No authorization: these facts are public.
 */
@Service
@Transactional(readOnly = true)
public class RatingRecords {

    /** At most this many products share one looked-up number (a decision usually covers a batch of products). */
    public static final int MAX_MATCHES = 50;

    private final JdbcClient jdbc;
    private final ProducerRegistry producers;

    RatingRecords(JdbcClient jdbc, ProducerRegistry producers) {
        this.jdbc = jdbc;
        this.producers = producers;
    }

    /**
     * A product and its current rating, if any.
     *
     * @param star null when the product has no current rating (never rated, or its certificate ended)
     * @param source {@code PLATFORM} (issued here) or {@code IMPORTED} (recorded from earlier records); null unrated
     */
    public record PublicRating(
            long productId,
            String productName,
            String producerName,
            @Nullable String ocopCode,
            @Nullable Integer star,
            @Nullable String certificateNumber,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn,
            @Nullable CertificationLevel level,
            @Nullable String source,
            String communeCode,
            String provinceCode) {

        PublicRating withProducerName(String name) {
            return new PublicRating(
                    productId,
                    productName,
                    name,
                    ocopCode,
                    star,
                    certificateNumber,
                    issuedOn,
                    expiresOn,
                    level,
                    source,
                    communeCode,
                    provinceCode);
        }
    }

    /** The product labelled with this OCOP code (case and surrounding spaces ignored). */
    public Optional<PublicRating> byOcopCode(String code) {
        String clean = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (clean.isEmpty() || clean.length() > 40) {
            return Optional.empty();
        }
        return query("WHERE ocop_code = ?", clean).stream().findFirst();
    }

    /**
     * Products whose current rating carries this certificate number, compared without accents, case or spaces
     * ("1234/QĐ-UBND" finds "1234 / qd-ubnd"); at most {@value #MAX_MATCHES}, by name.
     */
    public List<PublicRating> byCertificateNumber(String number) {
        String clean = number.strip();
        if (clean.isEmpty() || clean.length() > 60) {
            return List.of();
        }
        return query(
                "WHERE certificate_number IS NOT NULL"
                        + " AND replace(ocop_fold(certificate_number), ' ', '') = replace(ocop_fold(?), ' ', '')",
                clean);
    }

    private List<PublicRating> query(String where, String parameter) {
        record Row(PublicRating rating, long producerId) {}
        return jdbc
                .sql("""
                        SELECT id, name, producer_id, ocop_code, star, certificate_number, certificate_issued_on,
                               certificate_expires_on, certificate_level, rating_source, commune_code, province_code
                          FROM product\s""" + where + " ORDER BY name COLLATE vietnamese, id LIMIT " + MAX_MATCHES)
                .param(parameter)
                .query((rs, n) -> {
                    String level = rs.getString("certificate_level");
                    int star = rs.getInt("star");
                    boolean rated = !rs.wasNull();
                    return new Row(
                            new PublicRating(
                                    rs.getLong("id"),
                                    rs.getString("name"),
                                    "",
                                    rs.getString("ocop_code"),
                                    rated ? star : null,
                                    rs.getString("certificate_number"),
                                    rs.getObject("certificate_issued_on", LocalDate.class),
                                    rs.getObject("certificate_expires_on", LocalDate.class),
                                    level == null ? null : CertificationLevel.valueOf(level),
                                    rs.getString("rating_source"),
                                    rs.getString("commune_code"),
                                    rs.getString("province_code")),
                            rs.getLong("producer_id"));
                })
                .list()
                .stream()
                .map(row -> row.rating().withProducerName(producerName(row.producerId())))
                .toList();
    }

    private String producerName(long producerId) {
        return producers.lookup(producerId).map(ProducerView::name).orElse("");
    }
}
