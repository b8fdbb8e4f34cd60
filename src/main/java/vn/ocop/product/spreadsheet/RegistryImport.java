package vn.ocop.product.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.ImportProducer;
import vn.ocop.producer.ImportedProducer;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerBulk;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.Classification;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ImportError;
import vn.ocop.product.ImportProduct;
import vn.ocop.product.ImportedProduct;
import vn.ocop.product.ProductBulk;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductEvents.RegistryImported;
import vn.ocop.product.ProductOwner;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;

/**
 * Spreadsheet import of the producer/product registry in two steps, so an officer sees every problem before anything
 * is written, and any app node can serve either step:
 *
 * <ol>
 *   <li>{@link #stage}: the upload is read streaming, every row checked (rules of {@link RowValidator}, the
 *       officer's jurisdiction, tax codes and OCOP codes already in the registry), and the normalized rows and the
 *       issues are stored as a batch in PostgreSQL. A file that is not a usable spreadsheet at all is refused
 *       ({@code IMP-001}…{@code IMP-005}, {@code IMP-010}) and leaves nothing behind.
 *   <li>{@link #confirm}: only a batch without errors, only by the officer who uploaded it (or an administrator), only
 *       once; all of it in one transaction or nothing.
 * </ol>
 *
 * Re-importing the same file creates and changes nothing the second time: producers match by tax code, products by
 * OCOP code or by producer and name.
 */
@Service
public class RegistryImport {

    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

    /** Largest upload accepted (the servlet's multipart limit is higher, so this check answers first). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Most data rows in one file. */
    public static final int MAX_ROWS = 50_000;
    /** A staged batch not confirmed within this time must be uploaded again. */
    static final Duration STAGED_TTL = Duration.ofDays(7);

    private static final int CHUNK = 1_000;
    private static final int MAX_STORED_ISSUES = 100_000;
    private static final TypeReference<List<StagedRow>> STAGED_ROWS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final AdminUnits units;
    private final Classification classification;
    private final AccessPolicy policy;
    private final ProducerBulk producers;
    private final ProductBulk products;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final vn.ocop.product.CertificateRegister certificates;
    private volatile @Nullable LocationIndex locations;

    RegistryImport(
            JdbcClient jdbc,
            JdbcTemplate template,
            PlatformTransactionManager transactions,
            AdminUnits units,
            Classification classification,
            AccessPolicy policy,
            ProducerBulk producers,
            ProductBulk products,
            JsonMapper json,
            MessageSource messages,
            ApplicationEventPublisher events,
            vn.ocop.product.CertificateRegister certificates,
            Clock clock) {
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = new TransactionTemplate(transactions);
        this.units = units;
        this.classification = classification;
        this.policy = policy;
        this.producers = producers;
        this.products = products;
        this.json = json;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reads and checks an upload and stores it as a batch: {@code STAGED} when it has no error, else
     * {@code REJECTED} with its issues. Whole-file problems are exceptions and store nothing: not a spreadsheet
     * ({@code IMP-001}), required columns missing ({@code IMP-002}), over {@link #MAX_BYTES} ({@code IMP-003}), no
     * data ({@code IMP-004}), over {@link #MAX_ROWS} rows ({@code IMP-005}), an abnormal xlsx ({@code IMP-010}).
     * Officers only ({@code COMMON-004} for other roles).
     */
    public ImportBatchView stage(String fileName, InputStream content, CurrentUser actor) {
        if (!policy.allowsAction(actor, Action.EDIT_RECORDS) || actor.role() == Role.PRODUCER) {
            throw OcopException.forbidden();
        }
        Path file = null;
        try {
            file = Files.createTempFile("ocop-import-", ".upload");
            Upload upload = copy(content, file);
            if (upload.size() == 0) {
                throw new OcopException(ImportError.EMPTY_FILE);
            }
            SpreadsheetFormat format = SpreadsheetReader.detect(file);
            Path path = file;
            UUID id = tx.execute(status -> stageInTransaction(fileName, upload, format, path, actor));
            return batch(id, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file the OS cleans up eventually
                }
            }
        }
    }

    private record Upload(long size, String sha256) {}

    private static Upload copy(InputStream content, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream in = new DigestInputStream(content, digest);
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > MAX_BYTES) {
                    throw new OcopException(ImportError.FILE_TOO_LARGE, MAX_BYTES / (1024 * 1024));
                }
                out.write(buffer, 0, read);
            }
        }
        return new Upload(size, HexFormat.of().formatHex(digest.digest()));
    }

    private UUID stageInTransaction(
            String fileName, Upload upload, SpreadsheetFormat format, Path file, CurrentUser actor) {
        expireOldBatches();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO import_batch (id, created_by, created_by_name, jurisdiction, file_name, file_format,
                                                  size_bytes, sha256, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'STAGED', ?)""")
                .params(
                        id,
                        actor.id(),
                        actor.username(),
                        actor.jurisdictionCode(),
                        limit(fileName.isBlank() ? "upload" : fileName, 255),
                        format.name(),
                        upload.size(),
                        upload.sha256(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        long started = System.nanoTime();
        Staging staging = new Staging(id, actor);
        try {
            SpreadsheetReader.read(file, format, staging::accept);
        } catch (IOException e) {
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        }
        staging.finish();
        log.info(
                "Import {} staged: {} rows, {} errors in {} ms (registry checks and storage {} ms)",
                id,
                staging.dataRows,
                staging.errors,
                (System.nanoTime() - started) / 1_000_000,
                staging.databaseNanos / 1_000_000);
        return id;
    }

    /** One upload being checked: the header, the validator, and rows and issues waiting to be written. */
    private final class Staging {
        private final UUID batch;
        private final CurrentUser actor;
        private @Nullable Map<RegistryColumn, Integer> columns;
        private @Nullable RowValidator validator;
        private final List<Map.Entry<Integer, StagedRow>> pending = new ArrayList<>();
        private final List<Issue> issues = new ArrayList<>();
        private int dataRows;
        private int validRows;
        private int errors;
        private int warnings;
        private int legacyMapped;
        private int storedIssues;
        private long databaseNanos;

        Staging(UUID batch, CurrentUser actor) {
            this.batch = batch;
            this.actor = actor;
        }

        void accept(SheetRow row) {
            if (row.blank()) {
                return;
            }
            if (columns == null) {
                header(row);
                return;
            }
            if (++dataRows > MAX_ROWS) {
                throw new OcopException(ImportError.TOO_MANY_ROWS, MAX_ROWS);
            }
            RowValidator.Result result = validator.check(row);
            result.issues().forEach(this::issue);
            if (result.row() != null) {
                pending.add(Map.entry(row.number(), result.row()));
            }
            if (pending.size() >= CHUNK) {
                flushRows();
            }
            if (issues.size() >= CHUNK) {
                flushIssues();
            }
        }

        private void header(SheetRow row) {
            Map<RegistryColumn, Integer> found = new EnumMap<>(RegistryColumn.class);
            for (int i = 0; i < row.cells().size(); i++) {
                SheetRow.Cell cell = row.cells().get(i);
                String text = cell.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                RegistryColumn column = RegistryColumn.byHeader(text).orElse(null);
                if (column == null) {
                    issue(Issue.warning(row.number(), text, "unknownColumn", text));
                } else if (found.putIfAbsent(column, i) != null) {
                    issue(Issue.warning(row.number(), text, "duplicateColumn", text));
                }
            }
            List<String> missing = java.util.Arrays.stream(RegistryColumn.values())
                    .filter(c -> c.required() && !found.containsKey(c))
                    .map(RegistryColumn::templateHeader)
                    .toList();
            if (!missing.isEmpty()) {
                throw new OcopException(ImportError.MISSING_COLUMNS, String.join(", ", missing));
            }
            columns = found;
            validator = new RowValidator(
                    found,
                    locations(),
                    classification.criteriaSets().stream()
                            .collect(Collectors.toMap(
                                    Classification.CriteriaSetInfo::setNo, Classification.CriteriaSetInfo::setName)),
                    classification.legacyClasses().stream()
                            .map(Classification.LegacyClass::code)
                            .collect(Collectors.toSet()),
                    commune -> policy.permits(actor, Action.EDIT_RECORDS, commune),
                    (rating, province, tax, product) -> ratingRefusal(actor, rating, province, tax, product),
                    LocalDate.now(clock));
        }

        private void issue(Issue issue) {
            if (issue.severity() == Issue.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            if (storedIssues < MAX_STORED_ISSUES) {
                issues.add(issue);
                storedIssues++;
            }
        }

        /** Checks the pending rows against the registry, then stores those still valid. */
        private void flushRows() {
            if (pending.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            Map<String, ProducerView> existing = producers.findByTaxCodes(
                    pending.stream().map(e -> e.getValue().taxCode()).collect(Collectors.toSet()));
            Map<String, ProductOwner> owners = products.ownersOf(pending.stream()
                    .map(e -> e.getValue().ocopCode())
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet()));
            List<Integer> numbers = new ArrayList<>();
            List<String> data = new ArrayList<>();
            for (Map.Entry<Integer, StagedRow> entry : pending) {
                int n = entry.getKey();
                StagedRow row = entry.getValue();
                boolean ok = true;
                ProducerView producer = existing.get(row.taxCode());
                if (producer != null
                        && !producer.communeCode().equals(row.communeCode())
                        && !policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())) {
                    issue(Issue.error(
                            n,
                            RegistryColumn.TAX_CODE,
                            "producerOutsideJurisdiction",
                            row.taxCode(),
                            unitName(producer.communeCode())));
                    ok = false;
                }
                ProductOwner owner = row.ocopCode() == null ? null : owners.get(row.ocopCode());
                if (owner != null && !owner.taxCode().equals(row.taxCode())) {
                    issue(Issue.error(
                            n,
                            RegistryColumn.OCOP_CODE,
                            "ocopCodeOtherProducer",
                            row.ocopCode(),
                            owner.productName(),
                            owner.taxCode()));
                    ok = false;
                }
                if (!ok) {
                    continue;
                }
                validRows++;
                if (row.legacyLocation()) {
                    legacyMapped++;
                }
                if (errors == 0) {
                    numbers.add(n);
                    data.add(json.writeValueAsString(row));
                }
            }
            if (!numbers.isEmpty()) {
                // One row per chunk, its rows as one JSON array, which PostgreSQL compresses (V45).
                jdbc.sql("INSERT INTO import_chunk (batch_id, first_row, row_nos, data) VALUES (?, ?, ?, ?::json)")
                        .params(
                                batch,
                                numbers.get(0),
                                numbers.toArray(Integer[]::new),
                                data.stream().collect(Collectors.joining(",", "[", "]")))
                        .update();
            }
            pending.clear();
            databaseNanos += System.nanoTime() - started;
        }

        private void flushIssues() {
            if (issues.isEmpty()) {
                return;
            }
            template.batchUpdate("""
                    INSERT INTO import_issue (batch_id, row_no, column_name, message_key, arguments, severity)
                    VALUES (?, ?, ?, ?, ?, ?)""", issues, 500, (ps, issue) -> {
                ps.setObject(1, batch);
                ps.setObject(2, issue.row());
                ps.setString(3, issue.column() == null ? null : limit(issue.column(), 200));
                ps.setString(4, issue.messageKey());
                ps.setArray(
                        5,
                        ps.getConnection()
                                .createArrayOf(
                                        "text",
                                        issue.arguments().stream()
                                                .map(a -> limit(a, 2000))
                                                .toArray()));
                ps.setString(6, issue.severity().name());
            });
            issues.clear();
        }

        void finish() {
            if (columns == null || dataRows == 0) {
                throw new OcopException(ImportError.EMPTY_FILE);
            }
            flushRows();
            flushIssues();
            if (errors > 0) {
                jdbc.sql("DELETE FROM import_chunk WHERE batch_id = ?")
                        .param(batch)
                        .update();
            }
            jdbc.sql("""
                            UPDATE import_batch SET status = ?, total_rows = ?, valid_rows = ?, error_count = ?,
                                   warning_count = ?, legacy_mapped_rows = ?
                             WHERE id = ?""")
                    .params(
                            errors > 0 ? "REJECTED" : "STAGED",
                            dataRows,
                            validRows,
                            errors,
                            warnings,
                            legacyMapped,
                            batch)
                    .update();
        }
    }

    /**
     * Applies a staged batch to the registry, all rows in one transaction: producers by tax code, then products,
     * audited per record plus one {@code registry.imported} entry. Only the officer who uploaded it or an
     * administrator may ({@code IMP-008} otherwise, as for an unknown id); a batch with errors is {@code IMP-006}, an
     * applied one {@code IMP-007} (so a double click applies it once), an old one {@code IMP-009}.
     */
    public ImportBatchView confirm(UUID id, CurrentUser actor) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> batch =
                    jdbc
                            .sql("SELECT * FROM import_batch WHERE id = ? FOR UPDATE")
                            .param(id)
                            .query()
                            .listOfRows()
                            .stream()
                            .findFirst()
                            .filter(row -> mayRead(row, actor))
                            .orElseThrow(() -> new OcopException(ImportError.BATCH_NOT_FOUND, id));
            switch ((String) batch.get("status")) {
                case "APPLIED" -> throw new OcopException(ImportError.ALREADY_APPLIED, id);
                case "REJECTED" -> throw new OcopException(ImportError.BATCH_HAS_ERRORS, batch.get("error_count"));
                case "EXPIRED" -> throw new OcopException(ImportError.BATCH_EXPIRED, id);
                default -> {}
            }
            Instant created = ((Timestamp) batch.get("created_at")).toInstant();
            if (created.plus(STAGED_TTL).isBefore(Instant.now(clock))) {
                throw new OcopException(ImportError.BATCH_EXPIRED, id);
            }
            apply(id, (String) batch.get("file_name"), actor);
        });
        return batch(id, actor);
    }

    private void apply(UUID id, String fileName, CurrentUser actor) {
        long t0 = System.nanoTime();
        List<Map.Entry<Integer, StagedRow>> rows = new ArrayList<>();
        jdbc.sql("SELECT row_nos, data FROM import_chunk WHERE batch_id = ? ORDER BY first_row")
                .param(id)
                .query(rs -> {
                    Integer[] numbers = (Integer[]) rs.getArray(1).getArray();
                    List<StagedRow> chunk = json.readValue(rs.getString(2), STAGED_ROWS);
                    for (int i = 0; i < numbers.length; i++) {
                        rows.add(Map.entry(numbers[i], chunk.get(i)));
                    }
                });
        Map<String, ImportProducer> producerRows = new LinkedHashMap<>();
        for (Map.Entry<Integer, StagedRow> entry : rows) {
            StagedRow r = entry.getValue();
            producerRows.putIfAbsent(
                    r.taxCode(),
                    new ImportProducer(
                            r.taxCode(),
                            LegalType.valueOf(r.legalType()),
                            r.producerName(),
                            r.representative(),
                            r.phone(),
                            r.email(),
                            r.address(),
                            r.communeCode(),
                            Boolean.TRUE.equals(r.sme()),
                            Boolean.TRUE.equals(r.craftVillage()),
                            r.craftVillageName(),
                            Boolean.TRUE.equals(r.womenLed()),
                            Boolean.TRUE.equals(r.ethnicMinorityArea()),
                            r.members(),
                            r.employees(),
                            r.producerPresent() == null
                                    ? Set.of()
                                    : r.producerPresent().stream()
                                            .map(ImportProducer.Field::valueOf)
                                            .collect(Collectors.toUnmodifiableSet())));
        }
        long t1 = System.nanoTime();
        List<ImportedProducer> producerResults = producers.importAll(List.copyOf(producerRows.values()), actor);
        long t2 = System.nanoTime();
        Map<String, ImportedProducer> byTaxCode = new HashMap<>();
        producerResults.forEach(p -> byTaxCode.put(p.taxCode(), p));

        List<ImportProduct> productRows = new ArrayList<>();
        List<Integer> productRowNumbers = new ArrayList<>();
        for (Map.Entry<Integer, StagedRow> entry : rows) {
            StagedRow r = entry.getValue();
            if (r.productName() == null) {
                continue;
            }
            productRows.add(toProduct(r, byTaxCode.get(r.taxCode()).id()));
            productRowNumbers.add(entry.getKey());
        }
        List<ImportedProduct> productResults = products.importAll(producerResults, productRows, actor);
        long t3 = System.nanoTime();

        Map<Integer, ImportedProduct> productByRow = new HashMap<>();
        for (int i = 0; i < productRowNumbers.size(); i++) {
            productByRow.put(productRowNumbers.get(i), productResults.get(i));
        }
        Integer[] rowNumbers = new Integer[rows.size()];
        Long[] producerIds = new Long[rows.size()];
        Long[] productIds = new Long[rows.size()];
        String[] outcomes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int n = rows.get(i).getKey();
            ImportedProducer producer = byTaxCode.get(rows.get(i).getValue().taxCode());
            ImportedProduct product = productByRow.get(n);
            rowNumbers[i] = n;
            producerIds[i] = producer.id();
            productIds[i] = product == null ? null : product.id();
            outcomes[i] = (product == null ? producer.outcome() : product.outcome()).name();
        }
        jdbc.sql("""
                        INSERT INTO import_row (batch_id, row_no, producer_id, product_id, outcome)
                        SELECT ?, u.* FROM unnest(?::int[], ?::bigint[], ?::bigint[], ?::text[]) AS u""").params(id, rowNumbers, producerIds, productIds, outcomes).update();
        // The staged rows have served their purpose; what each row became is in import_row.
        jdbc.sql("DELETE FROM import_chunk WHERE batch_id = ?").param(id).update();
        Map<ImportedProducer.Outcome, Long> producerCounts = producerResults.stream()
                .collect(Collectors.groupingBy(ImportedProducer::outcome, Collectors.counting()));
        Map<ImportedProducer.Outcome, Long> productCounts =
                productResults.stream().collect(Collectors.groupingBy(ImportedProduct::outcome, Collectors.counting()));
        int[] p = counts(producerCounts);
        int[] q = counts(productCounts);
        jdbc.sql("""
                        UPDATE import_batch SET status = 'APPLIED', applied_at = ?, applied_by = ?,
                               producers_created = ?, producers_updated = ?, producers_unchanged = ?,
                               products_created = ?, products_updated = ?, products_unchanged = ?
                         WHERE id = ?""")
                .params(Timestamp.from(Instant.now(clock)), actor.username(), p[0], p[1], p[2], q[0], q[1], q[2], id)
                .update();
        events.publishEvent(new RegistryImported(
                id.toString(),
                fileName,
                actor.jurisdictionCode() == null ? "" : actor.jurisdictionCode(),
                "rows=%d, producers created=%d updated=%d unchanged=%d, products created=%d updated=%d unchanged=%d"
                        .formatted(rows.size(), p[0], p[1], p[2], q[0], q[1], q[2])));
        log.info(
                "Import {} applied: {} rows in {} ms (load {} ms, producers {} ms, products {} ms, bookkeeping {} ms)",
                id,
                rows.size(),
                (System.nanoTime() - t0) / 1_000_000,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
    }

    private static int[] counts(Map<ImportedProducer.Outcome, Long> counts) {
        return new int[] {
            counts.getOrDefault(ImportedProducer.Outcome.CREATED, 0L).intValue(),
            counts.getOrDefault(ImportedProducer.Outcome.UPDATED, 0L).intValue(),
            counts.getOrDefault(ImportedProducer.Outcome.UNCHANGED, 0L).intValue()
        };
    }

    private static ImportProduct toProduct(StagedRow r, long producerId) {
        CurrentRating rating = r.star() == null
                ? null
                : new CurrentRating(
                        r.star(),
                        r.certificateNumber(),
                        r.issuedOn() == null ? null : LocalDate.parse(r.issuedOn()),
                        r.expiresOn() == null ? null : LocalDate.parse(r.expiresOn()),
                        r.level() == null ? null : CertificationLevel.valueOf(r.level()),
                        "IMPORTED");
        List<ProductDetails.Link> links = r.links().stream()
                .map(url -> new ProductDetails.Link(platform(url), url))
                .toList();
        return new ImportProduct(
                producerId,
                r.productName(),
                r.criteriaSetNo(),
                r.legacyClass(),
                r.description(),
                r.packaging(),
                r.priceMin(),
                r.priceMax(),
                r.ocopCode(),
                rating,
                links,
                r.present().stream().map(ImportProduct.Field::valueOf).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Why the importer may not record a row's rating: who may record what ({@link vn.ocop.product.RatingAuthority}),
     * and a certificate number the platform issued. A rating the product already has (an export imported again) is
     * not a new record and needs no authority. The product is looked up only for ratings that would be refused.
     */
    private java.util.Optional<String> ratingRefusal(
            CurrentUser actor, CurrentRating rating, String province, String taxCode, String productName) {
        java.util.Optional<String> refusal = vn.ocop.product.RatingAuthority.refusal(actor, rating, province)
                .or(() ->
                        rating.certificateNumber() != null && certificates.issuedByPlatform(rating.certificateNumber())
                                ? java.util.Optional.of("certificateNumberTaken")
                                : java.util.Optional.empty());
        if (refusal.isEmpty() || alreadyRated(rating, taxCode, productName)) {
            return java.util.Optional.empty();
        }
        return refusal;
    }

    private boolean alreadyRated(CurrentRating rating, String taxCode, String productName) {
        return jdbc.sql("""
                        SELECT count(*) FROM product p JOIN producer pr ON pr.id = p.producer_id
                         WHERE pr.tax_code = ? AND ocop_fold(p.name) = ocop_fold(?)
                           AND p.star = ? AND p.certificate_number IS NOT DISTINCT FROM CAST(? AS varchar)
                           AND p.certificate_issued_on IS NOT DISTINCT FROM CAST(? AS date)""")
                        .params(taxCode, productName, rating.star(), rating.certificateNumber(), rating.issuedOn())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The platform of an e-commerce link: its host without {@code www.}, e.g. {@code shopee.vn}. */
    static String platform(String url) {
        String host = url.replaceFirst("(?i)^https?://", "").replaceFirst("[/?#:].*$", "");
        host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return limit(host.isEmpty() ? "web" : host, 100);
    }

    /** The batch; {@code IMP-008} when unknown or uploaded by someone else (administrators see every batch). */
    public ImportBatchView batch(UUID id, CurrentUser actor) {
        return jdbc.sql("SELECT * FROM import_batch WHERE id = ?")
                .param(id)
                .query((rs, n) -> Map.entry(view(rs), rs.getLong("created_by")))
                .optional()
                .filter(e -> e.getValue() == actor.id() || actor.role() == Role.SYSTEM_ADMIN)
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new OcopException(ImportError.BATCH_NOT_FOUND, id));
    }

    /** The batch with a page of its issues (errors first) and of its applied rows, texts in {@code locale}. */
    public ImportReport report(UUID id, int page, int size, CurrentUser actor, Locale locale) {
        ImportBatchView batch = batch(id, actor);
        long totalIssues = jdbc.sql("SELECT count(*) FROM import_issue WHERE batch_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        List<ImportReport.IssueView> issues = jdbc.sql("""
                        SELECT * FROM import_issue WHERE batch_id = ?
                         ORDER BY severity, row_no NULLS FIRST, id LIMIT ? OFFSET ?""")
                .params(id, size, (long) page * size)
                .query((rs, n) -> issueView(rs, locale))
                .list();
        long totalRows = batch.applied()
                ? jdbc.sql("SELECT count(*) FROM import_row WHERE batch_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                : 0;
        List<ImportReport.AppliedRow> rows = batch.applied()
                ? jdbc.sql("""
                                SELECT r.row_no, r.product_id, p.name AS product_name, r.producer_id,
                                       pr.name AS producer_name, r.outcome
                                  FROM import_row r
                                  JOIN producer pr ON pr.id = r.producer_id
                                  LEFT JOIN product p ON p.id = r.product_id
                                 WHERE r.batch_id = ? ORDER BY r.row_no LIMIT ? OFFSET ?""")
                        .params(id, size, (long) page * size)
                        .query((rs, n) -> new ImportReport.AppliedRow(
                                rs.getInt("row_no"),
                                rs.getObject("product_id", Long.class),
                                rs.getString("product_name"),
                                rs.getLong("producer_id"),
                                rs.getString("producer_name"),
                                rs.getString("outcome")))
                        .list()
                : List.of();
        return new ImportReport(
                batch,
                new PageResult<>(issues, page, size, totalIssues),
                new PageResult<>(rows, page, size, totalRows));
    }

    /** The actor's latest batches, newest first. */
    public List<ImportBatchView> recent(CurrentUser actor, int limit) {
        return jdbc.sql("SELECT * FROM import_batch WHERE created_by = ? ORDER BY created_at DESC LIMIT ?")
                .params(actor.id(), limit)
                .query((rs, n) -> view(rs))
                .list();
    }

    /** Writes every issue of the batch (errors first) as a spreadsheet, texts in {@code locale}. */
    public void writeIssues(UUID id, SpreadsheetFormat format, OutputStream out, CurrentUser actor, Locale locale) {
        batch(id, actor);
        try (SheetWriter writer = SheetWriter.open(format, out, "Báo cáo")) {
            writer.header(
                    ImportReport.issueHeaders(!"en".equals(locale.getLanguage())), List.of(), List.of(8, 30, 10, 100));
            template.query(
                    connection -> {
                        var statement = connection.prepareStatement(
                                "SELECT * FROM import_issue WHERE batch_id = ? ORDER BY severity, row_no NULLS FIRST, id");
                        statement.setObject(1, id);
                        statement.setFetchSize(1_000);
                        return statement;
                    },
                    rs -> {
                        ImportReport.IssueView issue = issueView(rs, locale);
                        writer.row(java.util.Arrays.asList(
                                issue.row(),
                                issue.column(),
                                messages.getMessage("import.severity." + issue.severity(), null, locale),
                                issue.message()));
                    });
        }
    }

    /** The empty template: headers, and in xlsx the dropdowns and the lists they draw from. */
    public void writeTemplate(SpreadsheetFormat format, OutputStream out) {
        RegistryWorkbook.writeTemplate(format, out, classification.criteriaSets(), classification.legacyClasses());
    }

    private ImportReport.IssueView issueView(ResultSet rs, Locale locale) throws SQLException {
        Array array = rs.getArray("arguments");
        Object[] arguments = array == null ? new Object[0] : (Object[]) array.getArray();
        return new ImportReport.IssueView(
                rs.getObject("row_no", Integer.class),
                rs.getString("column_name"),
                rs.getString("severity"),
                messages.getMessage(rs.getString("message_key"), arguments, rs.getString("message_key"), locale));
    }

    private static final RowMapper<ImportBatchView> VIEW = (rs, n) -> new ImportBatchView(
            rs.getObject("id", UUID.class),
            rs.getString("file_name"),
            SpreadsheetFormat.valueOf(rs.getString("file_format")),
            rs.getLong("size_bytes"),
            rs.getString("sha256"),
            rs.getString("status"),
            rs.getString("created_by_name"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getInt("total_rows"),
            rs.getInt("valid_rows"),
            rs.getInt("error_count"),
            rs.getInt("warning_count"),
            rs.getInt("legacy_mapped_rows"),
            rs.getObject("producers_created", Integer.class),
            rs.getObject("producers_updated", Integer.class),
            rs.getObject("producers_unchanged", Integer.class),
            rs.getObject("products_created", Integer.class),
            rs.getObject("products_updated", Integer.class),
            rs.getObject("products_unchanged", Integer.class),
            rs.getTimestamp("applied_at") == null
                    ? null
                    : rs.getTimestamp("applied_at").toInstant(),
            rs.getString("applied_by"));

    private static ImportBatchView view(ResultSet rs) throws SQLException {
        return VIEW.mapRow(rs, 0);
    }

    private static boolean mayRead(Map<String, Object> batch, CurrentUser actor) {
        return ((Number) batch.get("created_by")).longValue() == actor.id() || actor.role() == Role.SYSTEM_ADMIN;
    }

    /** Staged batches past their time: marked expired and their rows dropped (cheap, done on each upload). */
    private void expireOldBatches() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(STAGED_TTL));
        List<UUID> expired = jdbc.sql(
                        "UPDATE import_batch SET status = 'EXPIRED' WHERE status = 'STAGED' AND created_at < ? RETURNING id")
                .param(before)
                .query(UUID.class)
                .list();
        if (!expired.isEmpty()) {
            jdbc.sql("DELETE FROM import_chunk WHERE batch_id = ANY (?)")
                    .param(expired.toArray(UUID[]::new))
                    .update();
        }
    }

    LocationIndex locations() {
        LocationIndex index = locations;
        if (index == null) {
            index = new LocationIndex(
                    units.all(AdminEdition.CURRENT), units.all(AdminEdition.LEGACY), units.legacySuccessions());
            locations = index;
        }
        return index;
    }

    private String unitName(String code) {
        AdminUnit unit = locations().current(code);
        return unit == null ? code : unit.fullName() + " (" + code + ")";
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
