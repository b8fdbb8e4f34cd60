package vn.ocop.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.producer.ProducerEvents.ProducerFacts;
import vn.ocop.product.CurrentRating;

/**
 * Writes reporting's read model. Every write is idempotent (the same fact twice changes nothing), because events may
 * be delivered again after a failure and the first fill may overlap with events. A product's certificates are
 * recomputed together whenever one of them changes.
 */
@Component
class ReadModel {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReadModel(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- producers and products -----------------------------------------------------------------------------------

    /**
     * A producer as of a change: {@code overwrite} for an update (newer than what is stored), not for a registration
     * or the first fill (an update may already have been stored).
     */
    void producer(long id, ProducerFacts f, boolean overwrite) {
        jdbc.update(
                """
                INSERT INTO report_producer (id, name, legal_type, commune_code, province_code, sme, craft_village,
                                             craft_village_name, women_led, ethnic_minority_area, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO""" + (overwrite ? """
                                  \sUPDATE SET name = excluded.name, legal_type = excluded.legal_type,
                                         commune_code = excluded.commune_code, province_code = excluded.province_code,
                                         sme = excluded.sme, craft_village = excluded.craft_village,
                                         craft_village_name = excluded.craft_village_name,
                                         women_led = excluded.women_led,
                                         ethnic_minority_area = excluded.ethnic_minority_area,
                                         status = excluded.status""" : " NOTHING"),
                id,
                f.name(),
                f.legalType().name(),
                f.communeCode(),
                f.provinceCode(),
                f.sme(),
                f.craftVillage(),
                f.craftVillageName(),
                f.womenLed(),
                f.ethnicMinorityArea(),
                f.status().name());
        syncCertificates("p.producer_id = ?", id);
    }

    /** A product; {@code overwrite} as for {@link #producer}. Its certificates get its producer and criteria set. */
    void product(long id, long producerId, String name, int criteriaSetNo, boolean overwrite) {
        jdbc.update(
                """
                INSERT INTO report_product (id, producer_id, name, criteria_set_no) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO"""
                        + (overwrite
                                ? " UPDATE SET producer_id = excluded.producer_id, name = excluded.name,"
                                        + " criteria_set_no = excluded.criteria_set_no"
                                : " NOTHING"),
                id,
                producerId,
                name,
                criteriaSetNo);
        syncCertificates("p.id = ?", id);
    }

    /**
     * Copies the product's and its producer's facts onto the product's certificates where they differ: the figures
     * read the certificates alone. {@code scope} selects the products ({@code p}) with one parameter.
     */
    private void syncCertificates(String scope, @Nullable Object parameter) {
        jdbc.update("""
                UPDATE report_certificate c
                   SET producer_id = p.producer_id, criteria_set_no = p.criteria_set_no,
                       commune_code = pr.commune_code, province_code = pr.province_code, legal_type = pr.legal_type,
                       sme = pr.sme, craft_village = pr.craft_village, women_led = pr.women_led,
                       ethnic_minority_area = pr.ethnic_minority_area, village_key = pr.village_key
                  FROM report_product p LEFT JOIN report_producer pr ON pr.id = p.producer_id
                 WHERE c.product_id = p.id AND""" + " " + scope + """

                   AND (c.producer_id, c.criteria_set_no, c.commune_code, c.province_code, c.legal_type, c.sme,
                        c.craft_village, c.women_led, c.ethnic_minority_area, c.village_key)
                       IS DISTINCT FROM
                       (p.producer_id, p.criteria_set_no, pr.commune_code, pr.province_code, pr.legal_type, pr.sme,
                        pr.craft_village, pr.women_led, pr.ethnic_minority_area, pr.village_key)""", parameter);
    }

    /** Copies the facts onto every certificate (after the first fill). */
    void syncAllCertificates() {
        syncCertificates("CAST(? AS text) IS NULL", null);
    }

    // --- certificates ---------------------------------------------------------------------------------------------

    /** A certificate issued on the platform; {@code kind} as certification decided it. */
    void platformCertificate(
            long productId,
            String number,
            int star,
            String level,
            String kind,
            LocalDate issuedOn,
            LocalDate expiresOn,
            @Nullable LocalDate revokedOn) {
        jdbc.update("""
                INSERT INTO report_certificate (product_id, number, source, kind, star, level, issued_on, expires_on,
                                                revoked_on, valid_until)
                VALUES (?, ?, 'PLATFORM', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (product_id, number) DO NOTHING""", productId, number, kind, star, level, issuedOn, expiresOn, revokedOn, expiresOn.plusDays(1));
        syncCertificates("p.id = ?", productId);
        recompute(productId);
    }

    /**
     * A product's current rating recorded by an import (or read from the product when first filling): a certified one
     * is a certificate (its kind from the certificate it follows: none in force, new; more stars, upgrade; else
     * re-evaluation); any rating is an evaluation result; an uncertified one ends the certificate it replaces, and so
     * does a certificate issued before imported ones still in force (the registry keeps one current rating: the last
     * recorded). Recorded again, a certificate is in force again.
     */
    void importedRating(long productId, CurrentRating rating, LocalDate recordedOn) {
        LocalDate ratedOn = rating.issuedOn() == null ? recordedOn : rating.issuedOn();
        jdbc.update("""
                INSERT INTO report_rating (product_id, star, rated_on) VALUES (?, ?, ?)
                ON CONFLICT (product_id, rated_on, star) WHERE dossier_id IS NULL DO NOTHING""", productId, rating.star(), ratedOn);
        if (rating.certified() && rating.certificateNumber() != null && rating.issuedOn() != null) {
            LocalDate expires = rating.expiresOn() == null
                    ? rating.issuedOn().plusMonths(CurrentRating.VALIDITY_MONTHS)
                    : rating.expiresOn();
            List<Integer> before = jdbc.queryForList(
                    """
                    SELECT star FROM report_certificate
                     WHERE product_id = ? AND number <> ? AND issued_on <= ? AND valid_until > ?
                     ORDER BY issued_on DESC, id DESC LIMIT 1""", Integer.class, productId, rating.certificateNumber(), rating.issuedOn(), rating.issuedOn());
            String kind = before.isEmpty() ? "NEW" : rating.star() > before.get(0) ? "UPGRADE" : "REEVALUATION";
            // Recorded again: the row goes last among the product's rows of its issue day, as the registry's current
            // rating is the last recorded (the order of rows breaks ties between certificates of one day).
            jdbc.update(
                    "DELETE FROM report_certificate WHERE product_id = ? AND number = ? AND source = 'IMPORTED'",
                    productId,
                    rating.certificateNumber());
            jdbc.update(
                    """
                    INSERT INTO report_certificate (product_id, number, source, kind, star, level, issued_on,
                                                    expires_on, valid_until)
                    VALUES (?, ?, 'IMPORTED', ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (product_id, number) DO NOTHING""",
                    productId,
                    rating.certificateNumber(),
                    kind,
                    rating.star(),
                    rating.level() == null
                            ? (rating.star() == 5 ? "CENTRAL" : "PROVINCE")
                            : rating.level().name(),
                    rating.issuedOn(),
                    expires,
                    expires.plusDays(1));
            // An older certificate recorded after newer ones (a record corrected): the registry's rating is this one
            // from today, so the newer imported ones still in force end on the day it is recorded.
            jdbc.update("""
                    UPDATE report_certificate SET replaced_on = ?
                     WHERE product_id = ? AND source = 'IMPORTED' AND number <> ? AND issued_on > ?
                       AND replaced_on IS NULL AND valid_until > ?""", recordedOn, productId, rating.certificateNumber(), rating.issuedOn(), recordedOn);
            syncCertificates("p.id = ?", productId);
        } else if (!rating.certified()) {
            jdbc.update("""
                    UPDATE report_certificate SET replaced_on = ?
                     WHERE product_id = ? AND replaced_on IS NULL AND issued_on <= ? AND valid_until > ?""", ratedOn, productId, ratedOn, ratedOn);
        }
        recompute(productId);
    }

    void revoked(long productId, String number, LocalDate revokedOn) {
        jdbc.update(
                "UPDATE report_certificate SET revoked_on = ? WHERE product_id = ? AND number = ?",
                revokedOn,
                productId,
                number);
        recompute(productId);
    }

    void suspended(long productId, String number, LocalDate from) {
        jdbc.update("""
                INSERT INTO report_suspension (certificate_id, from_on)
                SELECT id, ? FROM report_certificate WHERE product_id = ? AND number = ?
                ON CONFLICT DO NOTHING""", from, productId, number);
    }

    void reinstated(long productId, String number, LocalDate on) {
        jdbc.update("""
                UPDATE report_suspension SET until_on = greatest(?, from_on)
                 WHERE until_on IS NULL
                   AND certificate_id = (SELECT id FROM report_certificate WHERE product_id = ? AND number = ?)""", on, productId, number);
    }

    /**
     * Recomputes the first day each of a product's certificates is out of force: the day after expiry, the day it was
     * revoked or replaced by an uncertified rating, or the day the next certificate of the product was issued.
     */
    void recompute(long productId) {
        jdbc.update("""
                UPDATE report_certificate c
                   SET valid_until = n.until
                  FROM (SELECT id, least(expires_on + 1, coalesce(revoked_on, 'infinity'::date),
                                         coalesce(replaced_on, 'infinity'::date),
                                         coalesce(lead(issued_on) OVER (ORDER BY issued_on, id), 'infinity'::date))
                                   AS until
                          FROM report_certificate WHERE product_id = ?) n
                 WHERE c.id = n.id AND c.valid_until <> n.until""", productId);
    }

    /** Recomputes every product's certificates at once (after the first fill). */
    void recomputeAll() {
        jdbc.update("""
                UPDATE report_certificate c
                   SET valid_until = n.until
                  FROM (SELECT id, least(expires_on + 1, coalesce(revoked_on, 'infinity'::date),
                                         coalesce(replaced_on, 'infinity'::date),
                                         coalesce(lead(issued_on) OVER (PARTITION BY product_id
                                                                        ORDER BY issued_on, id),
                                                  'infinity'::date)) AS until
                          FROM report_certificate) n
                 WHERE c.id = n.id AND c.valid_until <> n.until""");
    }

    // --- evaluation -----------------------------------------------------------------------------------------------

    void rated(long dossierId, long productId, String level, int star, boolean fiveStarCandidate, LocalDate on) {
        jdbc.update("""
                INSERT INTO report_rating (product_id, dossier_id, level, star, five_star_candidate, rated_on)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dossier_id) DO NOTHING""", productId, dossierId, level, star, fiveStarCandidate, on);
    }

    void dossierStep(long dossierId, long productId, String kind, String status, Instant at) {
        jdbc.update(
                """
                INSERT INTO report_dossier (id, product_id, kind, created_on) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET created_on = least(report_dossier.created_on, excluded.created_on)
                 WHERE report_dossier.created_on > excluded.created_on""",
                dossierId,
                productId,
                kind,
                at.atZone(vn.ocop.shared.OcopClock.VIETNAM).toLocalDate());
        jdbc.update(
                "INSERT INTO report_dossier_step (dossier_id, at, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                dossierId,
                Timestamp.from(at),
                status);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return Instant.now(clock);
    }

    /**
     * Serializes the writers of the read model (the event listeners and the first fill, on every node) until the
     * transaction ends. A fact is copied onto rows written by other events (a product's producer and criteria set onto
     * its certificates, a certificate's end from the next one): two updates running side by side, each blind to the
     * other's uncommitted rows, would both miss the copy (a certificate issued just after its product was registered
     * kept no producer and was never counted). Taken first, before any read, so that each update sees everything
     * committed before it; the updates are small and asynchronous, and one at a time keeps up with the programme's
     * pace (hundreds a day, an import being one event).
     */
    void lock() {
        jdbc.query("SELECT pg_advisory_xact_lock(14, 0)", rs -> {});
    }
}
