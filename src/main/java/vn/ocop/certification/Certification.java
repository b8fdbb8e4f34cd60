package vn.ocop.certification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.certification.CertificationEvents.CertificateExpired;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.certification.CertificationEvents.CertificateRevoked;
import vn.ocop.certification.CertificationEvents.CertificateStatusChanged;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.identity.Role;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.product.RatingRecords;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.db.SqlPage;

/**
 * Decisions and certificates. A province officer decides on 3–4★ candidates of the province, the central office on
 * 5★ (Art. 4.2); one decision may cover a batch. Each certificate is signed; revocation needs a ground, a decision
 * number and date; expiry is marked by a daily job (see {@link CertificateExpiry}), and producers and officers are
 * reminded of it beforehand by another ({@link ExpiryReminders}).
 */
@Service
@Transactional
public class Certification {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a certificate number issued here looks like ({@code 82-26-ABCDE-FGHJK}). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9A-Z-]{5,30}");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Certification.class);

    private final JdbcClient jdbc;
    private final CertificateStore store;
    private final CertificateStatements statements;
    private final CertificateKeys keys;
    private final ProductRegistry products;
    private final RatingRecords ratings;
    private final AccessPolicy policy;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final vn.ocop.product.RatingExtension extensions;

    Certification(
            JdbcClient jdbc,
            CertificateStore store,
            CertificateStatements statements,
            CertificateKeys keys,
            ProductRegistry products,
            RatingRecords ratings,
            AccessPolicy policy,
            AdminUnits units,
            ApplicationEventPublisher events,
            vn.ocop.product.RatingExtension extensions,
            Clock clock) {
        this.extensions = extensions;
        this.jdbc = jdbc;
        this.store = store;
        this.statements = statements;
        this.keys = keys;
        this.products = products;
        this.ratings = ratings;
        this.policy = policy;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** A rated product awaiting (or refused) a decision. */
    public record Candidate(
            long dossierId,
            long productId,
            String productName,
            int star,
            BigDecimal total,
            String level,
            String status,
            long producerId,
            long roundId) {

        Candidate named(String name) {
            return new Candidate(dossierId, productId, name, star, total, level, status, producerId, roundId);
        }
    }

    /** Command: a recognition decision for one or more candidates (by dossier). */
    public record IssueDecision(
            @NotBlank @Size(max = 60) String decisionNumber,
            @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 300) String authority,
            @NotEmpty @Size(max = 500) List<@NotNull Long> dossierIds) {}

    /**
     * What the public verification page shows; no personal data beyond what the certificate itself prints.
     *
     * @param star the certified stars; {@code null} while the certificate is suspended (the product may not show them)
     */
    public record PublicCertificate(
            String number,
            CertificateStatus status,
            boolean authentic,
            String productName,
            String producerName,
            String ocopCode,
            @Nullable Integer star,
            String level,
            String provinceName,
            LocalDate issuedOn,
            LocalDate expiresOn,
            String decisionNumber,
            String authority,
            @Nullable RevocationGround revocationGround,
            @Nullable String revocationDecision,
            @Nullable LocalDate revokedOn,
            @Nullable String signedBy) {}

    /**
     * A rating recorded from a province's records (imported), not issued by the platform and not signed by it; or,
     * found by OCOP code, a product with no rating at all ({@code star} null).
     *
     * @param recordedFromProvinceRecords true for an imported rating
     * @param inForce 3★ or more and not past its last day
     */
    public record RecordedRating(
            String productName,
            String producerName,
            @Nullable String ocopCode,
            @Nullable Integer star,
            @Nullable String certificateNumber,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn,
            @Nullable String level,
            String provinceName,
            boolean recordedFromProvinceRecords,
            boolean inForce) {}

    /**
     * What the public check found.
     *
     * @param signatureMatches whether the signature from a QR code is the certificate's own; null when none was given
     */
    public record Verification(
            String query,
            Kind kind,
            @Nullable PublicCertificate certificate,
            List<RecordedRating> records,
            @Nullable Boolean signatureMatches) {

        public enum Kind {
            /** A certificate issued (and signed) by the platform. */
            CERTIFICATE,
            /** Ratings recorded from a province's records. */
            RECORDED,
            NOT_FOUND
        }

        static Verification recorded(String query, List<RecordedRating> records) {
            return new Verification(query, Kind.RECORDED, null, records, null);
        }

        static Verification notFound(String query) {
            return new Verification(query, Kind.NOT_FOUND, null, List.of(), null);
        }

        /** Genuine: issued here, its data what its statements say, and the QR's signature (if any) its own. */
        public boolean genuine() {
            return certificate != null && certificate.authentic() && !Boolean.FALSE.equals(signatureMatches);
        }
    }

    /** Filters of the candidates list; {@code null} means any. */
    public record CandidateQuery(
            @Nullable CandidateStatus status, @Nullable Long roundId) {}

    /** Where a rated product stands on its way to a certificate. */
    public enum CandidateStatus {
        /** 3★ or more, waiting for the recognition decision. */
        PENDING,
        ISSUED,
        /** Below 3★, or 5★ from a province council (the ministry decides those). */
        NOT_ELIGIBLE
    }

    /**
     * One page of the rated products in the actor's jurisdiction, oldest first (the order they wait in), filtered in
     * the database: jurisdiction, status and council round.
     */
    @Transactional(readOnly = true)
    public PageResult<Candidate> candidates(CandidateQuery query, int page, int size, CurrentUser actor) {
        List<Object> params = new ArrayList<>();
        String where = candidateFilter(query, actor, params);
        if (where == null) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        PageResult<Candidate> rows = SqlPage.of(
                jdbc,
                "c.dossier_id, c.product_id, c.star, c.total, c.level, c.status, c.producer_id, c.round_id",
                "certification_candidate c",
                where,
                params,
                "c.created_at, c.dossier_id",
                page,
                size,
                (rs, n) -> new Candidate(
                        rs.getLong(1),
                        rs.getLong(2),
                        "",
                        rs.getInt(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8)));
        // Product names through the product module's published API, for this page's rows only.
        var byId = products.lookupAll(
                rows.items().stream().map(Candidate::productId).toList());
        return rows.map(c -> c.named(Optional.ofNullable(byId.get(c.productId()))
                .map(ProductView::name)
                .orElse("")));
    }

    /** The council rounds that have candidates in the actor's jurisdiction (for the list's filter), newest first. */
    @Transactional(readOnly = true)
    public List<Long> candidateRounds(@Nullable CandidateStatus status, CurrentUser actor) {
        List<Object> params = new ArrayList<>();
        String where = candidateFilter(new CandidateQuery(status, null), actor, params);
        if (where == null) {
            return List.of();
        }
        return jdbc.sql("SELECT c.round_id FROM certification_candidate c" + where
                        + " GROUP BY c.round_id ORDER BY max(c.created_at) DESC LIMIT 200")
                .params(params)
                .query(Long.class)
                .list();
    }

    /**
     * The WHERE clause of a candidates query (its parameters added to {@code params}): what the actor may see, then
     * the query's filters; {@code null} when the actor may see nothing.
     */
    private @Nullable String candidateFilter(CandidateQuery query, CurrentUser actor, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        switch (scope.kind()) {
            case ALL -> {}
            case PROVINCE -> {
                where.append(" AND c.province_code = ?");
                params.add(scope.unitCode());
            }
            case COMMUNE -> {
                where.append(" AND c.commune_code = ?");
                params.add(scope.unitCode());
            }
            // Producers follow their products through their own pages; the recognition list is the officers'.
            case PRODUCER, NONE -> {
                return null;
            }
        }
        if (query.status() != null) {
            where.append(" AND c.status = ?");
            params.add(query.status().name());
        }
        if (query.roundId() != null) {
            where.append(" AND c.round_id = ?");
            params.add(query.roundId());
        }
        return where.toString();
    }

    /**
     * Issues one decision and a certificate per candidate. All candidates must be PENDING, of one level, and within
     * the actor's authority; a candidate below 3★ is refused ({@code CERT-001}). All or nothing.
     */
    public List<Certificate> issue(IssueDecision command, CurrentUser actor) {
        List<CandidateRow> candidates = new ArrayList<>();
        for (Long dossierId : command.dossierIds()) {
            CandidateRow row = candidate(dossierId);
            if (row.star < 3) {
                throw new OcopException(CertificationError.BELOW_THREE_STARS, row.star);
            }
            if (!"PENDING".equals(row.status)) {
                throw new OcopException(CertificationError.ALREADY_ISSUED, dossierId);
            }
            candidates.add(row);
        }
        String level = candidates.get(0).level;
        if (candidates.stream().anyMatch(c -> !c.level.equals(level))) {
            throw new OcopException(CertificationError.MIXED_LEVELS);
        }
        String province = null;
        if ("CENTRAL".equals(level)) {
            requireAuthority(level, null, actor);
        } else {
            province = candidates.get(0).provinceCode;
            for (CandidateRow c : candidates) {
                if (!c.provinceCode.equals(province)) {
                    throw new OcopException(CertificationError.MIXED_LEVELS);
                }
            }
            requireAuthority(level, province, actor);
        }
        // A decision follows the council's result and is not dated in the future.
        LocalDate today = LocalDate.now(clock);
        for (CandidateRow c : candidates) {
            if (command.decidedOn().isBefore(c.ratedOn) || command.decidedOn().isAfter(today)) {
                throw new OcopException(
                        CertificationError.DECISION_DATE_OUT_OF_RANGE,
                        DAY.format(command.decidedOn()),
                        DAY.format(c.ratedOn),
                        DAY.format(today));
            }
        }
        long decisionId;
        try {
            decisionId = jdbc.sql("""
                            INSERT INTO recognition_decision (number, decided_on, level, authority, province_code, created_by)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            command.decisionNumber().strip(),
                            command.decidedOn(),
                            level,
                            command.authority().strip(),
                            province,
                            actor.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new OcopException(CertificationError.DECISION_NUMBER_TAKEN, command.decisionNumber());
        }
        List<Certificate> issued = new ArrayList<>();
        for (CandidateRow c : candidates) {
            issued.add(issueOne(decisionId, command, c));
        }
        return issued;
    }

    private Certificate issueOne(long decisionId, IssueDecision command, CandidateRow c) {
        LocalDate issuedOn = command.decidedOn();
        LocalDate expiresOn = Certificate.expiryFor(issuedOn);
        Optional<Certificate> previous = store.byProduct(c.productId).stream()
                .filter(p -> p.storedStatus() == CertificateStatus.VALID)
                .findFirst();
        String kind = previous.map(p -> c.star > p.star() ? "UPGRADE" : "REEVALUATION")
                .orElse("NEW");
        String number = newNumber(c.provinceCode, issuedOn);
        ProductView product = products.recordCertification(
                c.productId,
                c.star,
                number,
                issuedOn,
                expiresOn,
                "CENTRAL".equals(c.level) ? CertificationLevel.CENTRAL : CertificationLevel.PROVINCE);
        Certificate unsigned = new Certificate(
                0,
                number,
                command.decisionNumber().strip(),
                issuedOn,
                command.authority().strip(),
                c.productId,
                product.producerId(),
                c.dossierId,
                kind,
                c.star,
                c.level,
                product.name(),
                product.producerName(),
                product.ocopCode() == null ? "" : product.ocopCode(),
                c.communeCode,
                c.provinceCode,
                issuedOn,
                expiresOn,
                CertificateStatus.VALID,
                "",
                null,
                null,
                null);
        CertificateStatement issued = statements.issue(unsigned, null);
        long id = jdbc.sql("""
                        INSERT INTO certificate (number, decision_id, product_id, producer_id, dossier_id, kind, star, level,
                                                 product_name, producer_name, ocop_code, commune_code, province_code,
                                                 issued_on, expires_on, status, signature, previous_certificate_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?) RETURNING id""")
                .params(
                        number,
                        decisionId,
                        c.productId,
                        product.producerId(),
                        c.dossierId,
                        kind,
                        c.star,
                        c.level,
                        unsigned.productName(),
                        unsigned.producerName(),
                        unsigned.ocopCode(),
                        c.communeCode,
                        c.provinceCode,
                        issuedOn,
                        expiresOn,
                        issued.signature(),
                        previous.map(Certificate::id).orElse(null))
                .query(Long.class)
                .single();
        statements.store(id, issued);
        previous.ifPresent(p -> {
            Certificate locked = store.byNumberForUpdate(p.number()).orElseThrow();
            jdbc.sql("UPDATE certificate SET status = 'SUPERSEDED', version = version + 1 WHERE id = ?")
                    .param(locked.id())
                    .update();
            statements.append(
                    locked.id(),
                    locked.number(),
                    CertificateStatement.Type.SUPERSEDED,
                    CertificateStatus.SUPERSEDED,
                    issuedOn,
                    CertificateStatements.details(
                            "supersededBy",
                            number,
                            "decisionNumber",
                            command.decisionNumber().strip()));
            event(locked.id(), "SUPERSEDED", "by " + number);
        });
        jdbc.sql("UPDATE certification_candidate SET status = 'ISSUED' WHERE dossier_id = ?")
                .param(c.dossierId)
                .update();
        event(id, kind.equals("NEW") ? "ISSUED" : kind, command.decisionNumber());
        events.publishEvent(
                new CertificateIssued(number, c.productId, c.star, c.level, issuedOn, expiresOn, c.communeCode, kind));
        return store.byNumber(number).orElseThrow();
    }

    /** Public: what a certificate number stands for; {@code CERT-002} (404) when unknown. */
    @Transactional(readOnly = true)
    public PublicCertificate verify(String number) {
        Certificate c = find(number);
        return publicView(c, check(c));
    }

    /**
     * Public: what a certificate number, an OCOP code (as printed on labels) or the number of a rating recorded from
     * a province's records stands for. A certificate issued here is checked against its signed statements (and, with
     * {@code qrSignature}, against the signature its QR code carries); a recorded rating is reported as such, never as
     * a signed certificate.
     */
    @Transactional(readOnly = true)
    public Verification lookup(String query, @Nullable String qrSignature) {
        String q = query.strip();
        if (q.isEmpty() || q.length() > 100) {
            return Verification.notFound(q.length() > 100 ? q.substring(0, 100) : q);
        }
        Optional<Certificate> issued = issuedCertificate(q);
        if (issued.isPresent()) {
            return certificate(q, issued.get(), qrSignature);
        }
        Optional<RatingRecords.PublicRating> labelled = ratings.byOcopCode(q);
        if (labelled.isPresent()) {
            RatingRecords.PublicRating rating = labelled.get();
            if ("IMPORTED".equals(rating.source())) {
                return Verification.recorded(q, List.of(recorded(rating)));
            }
            Optional<Certificate> current = rating.certificateNumber() == null
                    ? Optional.empty()
                    : issuedCertificate(rating.certificateNumber());
            Optional<Certificate> latest = current.or(
                    () -> store.byProduct(rating.productId()).stream().findFirst());
            if (latest.isPresent()) {
                return certificate(q, latest.get(), null);
            }
            return Verification.recorded(q, List.of(recorded(rating)));
        }
        List<RecordedRating> recorded = ratings.byCertificateNumber(q).stream()
                .filter(r -> "IMPORTED".equals(r.source()))
                .map(this::recorded)
                .toList();
        return recorded.isEmpty() ? Verification.notFound(q) : Verification.recorded(q, recorded);
    }

    /** Public: the signed statements of a certificate issued here, for checking them without the platform. */
    @Transactional(readOnly = true)
    public List<CertificateStatement> statements(String number) {
        return statements.of(find(number).id());
    }

    private Verification certificate(String query, Certificate c, @Nullable String qrSignature) {
        StatementCheck.Verdict verdict = check(c);
        return new Verification(
                query,
                Verification.Kind.CERTIFICATE,
                publicView(c, verdict),
                List.of(),
                qrSignature == null ? null : verdict.signatureIsTheCertificates(qrSignature));
    }

    private StatementCheck.Verdict check(Certificate c) {
        StatementCheck.Verdict verdict =
                StatementCheck.check(c, statements.of(c.id()), keys::verify, LocalDate.now(clock));
        if (!verdict.authentic()) {
            log.warn("Certificate {} is not what its signed statements say: {}", c.number(), verdict.problem());
        }
        return verdict;
    }

    private PublicCertificate publicView(Certificate c, StatementCheck.Verdict verdict) {
        CertificateStatement issued = verdict.issued();
        CertificateStatus status = c.statusOn(LocalDate.now(clock));
        return new PublicCertificate(
                c.number(),
                status,
                verdict.authentic(),
                c.productName(),
                c.producerName(),
                c.ocopCode(),
                // While suspended the product may not show its stars (the public page says so instead).
                status == CertificateStatus.SUSPENDED ? null : c.star(),
                c.level(),
                provinceName(c.provinceCode()),
                c.issuedOn(),
                c.expiresOn(),
                c.decisionNumber(),
                c.authority(),
                c.revocationGround(),
                c.revocationDecision(),
                c.revokedOn(),
                verdict.authentic() && issued != null ? issued.keyId() : null);
    }

    private RecordedRating recorded(RatingRecords.PublicRating r) {
        LocalDate today = LocalDate.now(clock);
        boolean inForce = r.star() != null && r.star() >= 3 && (r.expiresOn() == null || !today.isAfter(r.expiresOn()));
        return new RecordedRating(
                r.productName(),
                r.producerName(),
                r.ocopCode(),
                r.star(),
                r.certificateNumber(),
                r.issuedOn(),
                r.expiresOn(),
                r.level() == null ? null : r.level().name(),
                provinceName(r.provinceCode()),
                "IMPORTED".equals(r.source()),
                inForce);
    }

    private String provinceName(String provinceCode) {
        return units.find(AdminEdition.CURRENT, provinceCode)
                .map(u -> u.fullName())
                .orElse(provinceCode);
    }

    /** A certificate issued here by its number, or empty (no exception: other kinds of number are tried next). */
    private Optional<Certificate> issuedCertificate(String number) {
        String clean = number.strip().toUpperCase(java.util.Locale.ROOT);
        return NUMBER.matcher(clean).matches() ? store.byNumber(clean) : Optional.empty();
    }

    /** Revokes a certificate (Art. 8) by decision; the product loses its star at once. */
    public Certificate revoke(
            String number, RevocationGround ground, String decisionNumber, LocalDate revokedOn, CurrentUser actor) {
        Certificate c = findForUpdate(number);
        checkAuthority(c, actor);
        if (c.storedStatus() == CertificateStatus.REVOKED) {
            throw new OcopException(CertificationError.ALREADY_REVOKED, number);
        }
        jdbc.sql("""
                        UPDATE certificate SET status = 'REVOKED', revocation_ground = ?, revocation_decision = ?,
                               revoked_on = ?, version = version + 1 WHERE id = ?""")
                .params(ground.name(), decisionNumber.strip(), revokedOn, c.id())
                .update();
        statements.append(
                c.id(),
                c.number(),
                CertificateStatement.Type.REVOKED,
                CertificateStatus.REVOKED,
                revokedOn,
                CertificateStatements.details("ground", ground.name(), "decisionNumber", decisionNumber.strip()));
        event(c.id(), "REVOKED", ground + " " + decisionNumber);
        products.clearCertification(c.productId(), c.number(), "certificate " + number + " revoked");
        events.publishEvent(
                new CertificateRevoked(number, c.productId(), ground, decisionNumber, revokedOn, c.communeCode()));
        return find(number);
    }

    /**
     * Suspends a certificate in force by decision of its issuing authority, e.g. while a post-audit (hậu kiểm)
     * finding is examined: the public page says "suspended" and the product shows no star until reinstated.
     */
    public Certificate suspend(
            String number, String reason, String decisionNumber, LocalDate suspendedOn, CurrentUser actor) {
        Certificate c = findForUpdate(number);
        checkAuthority(c, actor);
        if (c.statusOn(LocalDate.now(clock)) != CertificateStatus.VALID) {
            throw new OcopException(CertificationError.NOT_IN_FORCE, number, c.statusOn(LocalDate.now(clock)));
        }
        requireText(reason, decisionNumber);
        jdbc.sql("UPDATE certificate SET status = 'SUSPENDED', version = version + 1 WHERE id = ? AND status = 'VALID'")
                .param(c.id())
                .update();
        String detail = decisionNumber.strip() + " " + suspendedOn + ": " + reason.strip();
        statements.append(
                c.id(),
                c.number(),
                CertificateStatement.Type.SUSPENDED,
                CertificateStatus.SUSPENDED,
                suspendedOn,
                CertificateStatements.details("decisionNumber", decisionNumber.strip(), "reason", reason.strip()));
        event(c.id(), "SUSPENDED", detail);
        products.clearCertification(c.productId(), c.number(), "certificate " + number + " suspended");
        events.publishEvent(
                new CertificateStatusChanged(number, c.productId(), "suspended", detail, c.communeCode(), suspendedOn));
        return find(number);
    }

    /**
     * Lifts a suspension by decision: the certificate is in force again and the product shows its star, unless the
     * certificate expired meanwhile or a newer certificate of the product is in force.
     */
    public Certificate reinstate(String number, String decisionNumber, LocalDate reinstatedOn, CurrentUser actor) {
        Certificate c = findForUpdate(number);
        checkAuthority(c, actor);
        if (c.storedStatus() != CertificateStatus.SUSPENDED) {
            throw new OcopException(CertificationError.NOT_SUSPENDED, number);
        }
        requireText("-", decisionNumber);
        boolean newer = store.byProduct(c.productId()).stream()
                .anyMatch(o -> o.id() != c.id() && o.storedStatus() == CertificateStatus.VALID);
        if (newer || LocalDate.now(clock).isAfter(c.expiresOn())) {
            throw new OcopException(CertificationError.NOT_REINSTATABLE, number);
        }
        jdbc.sql("UPDATE certificate SET status = 'VALID', version = version + 1 WHERE id = ? AND status = 'SUSPENDED'")
                .param(c.id())
                .update();
        String detail = decisionNumber.strip() + " " + reinstatedOn;
        statements.append(
                c.id(),
                c.number(),
                CertificateStatement.Type.REINSTATED,
                CertificateStatus.VALID,
                reinstatedOn,
                CertificateStatements.details("decisionNumber", decisionNumber.strip()));
        event(c.id(), "REINSTATED", detail);
        products.recordCertification(
                c.productId(),
                c.star(),
                c.number(),
                c.issuedOn(),
                c.expiresOn(),
                "CENTRAL".equals(c.level()) ? CertificationLevel.CENTRAL : CertificationLevel.PROVINCE);
        events.publishEvent(new CertificateStatusChanged(
                number, c.productId(), "reinstated", detail, c.communeCode(), reinstatedOn));
        return find(number);
    }

    private static void requireText(String reason, String decisionNumber) {
        if (reason.isBlank()
                || decisionNumber.isBlank()
                || decisionNumber.strip().length() > 60) {
            throw new OcopException(vn.ocop.shared.CommonError.VALIDATION_FAILED);
        }
    }

    /** Marks VALID certificates past their last day as EXPIRED; returns how many. Safe to run twice. */
    public int expireDue(LocalDate today) {
        int count = 0;
        for (Certificate c : store.validExpiringBefore(today)) {
            if (extensions.extendedOn(c.productId(), c.expiresOn(), today)) {
                continue; // in force until its late re-evaluation is decided, at most 180 days (Art. 12.3)
            }
            int updated = jdbc.sql("UPDATE certificate SET status = 'EXPIRED', version = version + 1"
                            + " WHERE id = ? AND status = 'VALID'")
                    .param(c.id())
                    .update();
            if (updated == 1) {
                event(c.id(), "EXPIRED", null);
                products.clearCertification(c.productId(), c.number(), "certificate " + c.number() + " expired");
                events.publishEvent(new CertificateExpired(c.number(), c.productId(), c.expiresOn(), c.communeCode()));
                count++;
            }
        }
        return count;
    }

    /** The certificates of a product, newest first, for officers covering it and its producer. */
    @Transactional(readOnly = true)
    public List<Certificate> history(long productId, CurrentUser actor) {
        ProductView product = products.get(productId, actor); // authorizes
        return store.byProduct(product.id());
    }

    /**
     * The newest certificate the platform issued for a product, whatever its status (suspended, revoked and expired
     * included; {@link Certificate#statusOn} tells the status on a day), for modules that show it live (traceability's
     * scan page); empty when the platform issued none. No authorization: what it returns is public on the
     * verification page.
     */
    @Transactional(readOnly = true)
    public Optional<Certificate> latestOf(long productId) {
        return store.byProduct(productId).stream().findFirst();
    }

    /** A certificate for officers covering it and its producer. */
    @Transactional(readOnly = true)
    public Certificate get(String number, CurrentUser actor) {
        Certificate c = find(number);
        if (!policy.permits(actor, Action.VIEW_RECORDS, c.communeCode())
                && !policy.permitsOwnProducer(actor, c.producerId())) {
            throw OcopException.forbidden();
        }
        return c;
    }

    /** Public: the keys that verify certificate statements and the certificates that sign the PDFs. */
    public PublishedKeys publishedKeys() {
        return keys.published();
    }

    /**
     * A new key signs certificate statements from now on; the previous one stays published for verification. System
     * administrators only; audited.
     */
    public String rotateKey(CurrentUser actor) {
        if (actor.role() != Role.SYSTEM_ADMIN) {
            throw OcopException.forbidden();
        }
        String previous = keys.signingKey().id();
        String rotated = keys.rotate();
        events.publishEvent(new CertificationEvents.SigningKeyRotated(rotated, previous));
        return rotated;
    }

    /** Whether the certificate's data is what its signed statements say (a PDF is signed only then). */
    @Transactional(readOnly = true)
    public boolean authentic(Certificate c) {
        return check(c).authentic();
    }

    /** The certificate's ISSUED statement, when it has one. */
    @Transactional(readOnly = true)
    public Optional<CertificateStatement> issueStatement(Certificate c) {
        return statements.of(c.id()).stream()
                .filter(st -> st.type() == CertificateStatement.Type.ISSUED)
                .findFirst();
    }

    /** Whether the user is the issuing authority of the certificate (may revoke, suspend, reinstate). */
    public boolean mayDecide(Certificate c, CurrentUser actor) {
        try {
            checkAuthority(c, actor);
            return true;
        } catch (OcopException e) {
            return false;
        }
    }

    private void checkAuthority(Certificate c, CurrentUser actor) {
        requireAuthority(c.level(), c.provinceCode(), actor);
    }

    /**
     * The issuing authority of a level (Decision 26/2026/QĐ-TTg Art. 4.1, 8): the central office for the ministry's
     * 5★ certificates, a province's OCOP officers for that province's 3–4★ ones. Nobody else, system administrators
     * included, decides, revokes, suspends or reinstates.
     */
    private static void requireAuthority(String level, @Nullable String provinceCode, CurrentUser actor) {
        boolean authority = "CENTRAL".equals(level)
                ? actor.role() == Role.CENTRAL_OFFICE
                : actor.role() == Role.PROVINCE_OFFICER
                        && provinceCode != null
                        && provinceCode.equals(actor.jurisdictionCode());
        if (!authority) {
            throw OcopException.forbidden();
        }
    }

    Certificate find(String number) {
        return issuedCertificate(number)
                .orElseThrow(() -> new OcopException(
                        CertificationError.CERTIFICATE_NOT_FOUND,
                        number.length() > 30 ? number.substring(0, 30) : number));
    }

    /** The certificate with its row locked until the transaction ends (changes of status are made one at a time). */
    private Certificate findForUpdate(String number) {
        Certificate c = find(number);
        return store.byNumberForUpdate(c.number()).orElseThrow();
    }

    private void event(long certificateId, String type, @Nullable String note) {
        jdbc.sql("INSERT INTO certificate_event (certificate_id, type, note) VALUES (?, ?, ?)")
                .params(certificateId, type, note)
                .update();
    }

    /** Province code, 2-digit year, 10 random Crockford base32 characters: 50 bits, not enumerable. */
    private String newNumber(String provinceCode, LocalDate issuedOn) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            if (i == 4) {
                random.append('-');
            }
        }
        return "%s-%02d-%s".formatted(provinceCode, issuedOn.getYear() % 100, random);
    }

    private record CandidateRow(
            long dossierId,
            long productId,
            String level,
            int star,
            String status,
            String communeCode,
            String provinceCode,
            LocalDate ratedOn) {}

    private CandidateRow candidate(long dossierId) {
        return jdbc.sql("SELECT dossier_id, product_id, level, star, status, commune_code, province_code,"
                        + " (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"
                        + " FROM certification_candidate WHERE dossier_id = ? FOR UPDATE")
                .param(dossierId)
                .query((rs, n) -> new CandidateRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class)))
                .optional()
                .orElseThrow(() -> new OcopException(CertificationError.CANDIDATE_NOT_FOUND, dossierId));
    }
}
