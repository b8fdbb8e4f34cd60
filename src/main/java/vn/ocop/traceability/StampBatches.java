package vn.ocop.traceability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;
import vn.ocop.shared.pdf.PdfImages;
import vn.ocop.traceability.LotCommands.ChangeStatus;
import vn.ocop.traceability.LotCommands.GenerateBatch;
import vn.ocop.traceability.TraceabilityEvents.StampBatchGenerated;
import vn.ocop.traceability.TraceabilityEvents.StampBatchStatusChanged;
import vn.ocop.traceability.TraceabilityEvents.StampsExported;
import vn.ocop.traceability.TracedProducts.TracedProduct;

/**
 * Batches of stamps for a lot: generated with fresh random codes, downloaded for printing (CSV for label printers,
 * PDF sheets of QR labels), then activated when the labels are on packs; suspended, reinstated or recalled. Only who
 * may change the lot may generate or download codes (they are as good as the packs they go on), and every download is
 * audited.
 */
@Service
@Transactional
public class StampBatches {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Lots lots;
    private final TracedProducts traced;
    private final StampStore store;
    private final StampLinks links;
    private final PdfDocuments pdf;
    private final TraceabilityProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StampBatches(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            Lots lots,
            TracedProducts traced,
            StampStore store,
            StampLinks links,
            PdfDocuments pdf,
            TraceabilityProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.lots = lots;
        this.traced = traced;
        this.store = store;
        this.links = links;
        this.pdf = pdf;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Generates a batch of {@code quantity} stamps (1 to {@code ocop.traceability.max-batch-size}, {@code TRC-010})
     * for a lot that is not recalled ({@code TRC-008}) of a product whose certificate is in force ({@code TRC-002}).
     * The batch starts {@link BatchStatus#CREATED}: scans warn until it is activated.
     */
    public LotView.Batch generate(long lotId, GenerateBatch command, CurrentUser actor) {
        LotView lot = lots.editable(lotId, actor);
        int quantity = command.quantity();
        if (quantity < 1 || quantity > properties.maxBatchSize()) {
            throw new OcopException(TraceabilityError.BATCH_SIZE, properties.maxBatchSize());
        }
        jdbc.sql("SELECT id FROM lot WHERE id = ? FOR UPDATE")
                .param(lotId)
                .query(Long.class)
                .single();
        lot = lots.find(lotId);
        if (lot.status() == LotStatus.RECALLED) {
            throw new OcopException(TraceabilityError.LOT_RECALLED, lot.lotNumber());
        }
        requireCertified(lot);
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM stamp_batch WHERE lot_id = ?")
                .param(lotId)
                .query(Integer.class)
                .single();
        int batchId = jdbc.sql("""
                        INSERT INTO stamp_batch (lot_id, number, quantity, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(lotId, number, quantity, actor.username(), Timestamp.from(Instant.now(clock)))
                .query(Integer.class)
                .single();
        store.insert(batchId, quantity);
        events.publishEvent(new StampBatchGenerated(
                batchId,
                lotId,
                quantity,
                lot.communeCode(),
                "lot " + lot.lotNumber() + ", batch " + number + ": " + quantity + " stamps"));
        return find(batchId);
    }

    /** The lot's batches, first first. */
    @Transactional(readOnly = true)
    public List<LotView.Batch> ofLot(long lotId, CurrentUser actor) {
        lots.get(lotId, actor);
        return jdbc.sql("SELECT * FROM stamp_batch WHERE lot_id = ? ORDER BY number")
                .param(lotId)
                .query(LotRows::batch)
                .list();
    }

    /** A batch whose lot the actor may see. */
    @Transactional(readOnly = true)
    public LotView.Batch get(long batchId, CurrentUser actor) {
        LotView.Batch batch = find(batchId);
        lots.get(batch.lotId(), actor);
        return batch;
    }

    /**
     * Activates, suspends, reinstates or recalls a batch (see {@link BatchStatus#after}); suspending and recalling
     * need a message for the public. A suspension decided by an officer is lifted by an officer.
     */
    public LotView.Batch changeStatus(long batchId, ChangeStatus command, CurrentUser actor) {
        LotView.Batch batch = find(batchId);
        LotView lot = lots.editable(batch.lotId(), actor);
        BatchStatus next = batch.status().after(command.change());
        String message = Lots.message(command);
        boolean officer = actor.role() != Role.PRODUCER;
        if (command.change() == StatusChange.REINSTATE && batch.statusByOfficer() && !officer) {
            throw new OcopException(TraceabilityError.SUSPENDED_BY_OFFICER);
        }
        if (command.change() == StatusChange.ACTIVATE) {
            if (lot.status() == LotStatus.RECALLED) {
                throw new OcopException(TraceabilityError.LOT_RECALLED, lot.lotNumber());
            }
            requireCertified(lot);
        }
        int updated = jdbc.sql("""
                        UPDATE stamp_batch SET status = ?, status_message = ?, status_changed_at = ?,
                               status_by_officer = ?, version = version + 1
                         WHERE id = ? AND status = ?""")
                .params(
                        next.name(),
                        message,
                        Timestamp.from(Instant.now(clock)),
                        officer && (next == BatchStatus.SUSPENDED || next == BatchStatus.RECALLED),
                        batchId,
                        batch.status().name())
                .update();
        if (updated != 1) {
            throw new OcopException(CommonError.CONCURRENT_MODIFICATION);
        }
        events.publishEvent(new StampBatchStatusChanged(
                batchId,
                command.change(),
                lot.communeCode(),
                "lot " + lot.lotNumber() + ", batch " + batch.number() + ": " + batch.status() + " → " + next
                        + (message == null ? "" : ": " + message)));
        lots.tell(lot, command.change(), officer, message);
        return find(batchId);
    }

    /** A download that is authorized and ready to be written (and audited when it is). */
    public interface Download {

        String fileName();

        /** Writes the content, in a transaction of its own; the download is audited with it. */
        void writeTo(OutputStream target);
    }

    /**
     * The batch's stamps as CSV for label printers (UTF-8 with BOM, RFC 4180): position, code, code as printed, the
     * URL the QR code carries, lot, GTIN, product, batch. Authorized now; written from the database as it streams, so a
     * million rows take no memory.
     */
    public Download csv(long batchId, CurrentUser actor) {
        Printable p = printable(batchId, actor, false);
        String name = "tem-" + p.lot().lotNumber() + "-dot-" + p.batch().number() + ".csv";
        return new Download() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public void writeTo(OutputStream target) {
                transactions.executeWithoutResult(tx -> writeCsv(p, target));
            }
        };
    }

    private void writeCsv(Printable p, OutputStream target) {
        events.publishEvent(new StampsExported(
                p.batch().id(), "csv", p.lot().communeCode(), "all " + p.batch().quantity() + " stamps as CSV"));
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
            csv.printRecord("seq", "code", "code_printed", "url", "lot", "gtin", "product", "batch");
            String gtin = p.lot().gtin() == null ? "" : new Gtin(p.lot().gtin()).display();
            jdbcTemplate.query(
                    con -> {
                        var statement =
                                con.prepareStatement("SELECT seq, code FROM stamp WHERE batch_id = ? ORDER BY seq");
                        statement.setInt(1, (int) p.batch().id());
                        statement.setFetchSize(10_000);
                        return statement;
                    },
                    rs -> {
                        StampCode code = StampCode.of(rs.getBytes(2));
                        try {
                            csv.printRecord(
                                    rs.getInt(1),
                                    code.text(),
                                    code.grouped(),
                                    links.stampUrl(p.lot().gtin(), p.lot().lotNumber(), code),
                                    p.lot().lotNumber(),
                                    gtin,
                                    p.lot().productName(),
                                    p.batch().number());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Print-ready A4 sheets of QR labels (product, star, code, lot) for labels {@code from} … {@code from + count - 1}
     * of the batch, at most {@code ocop.traceability.max-labels-per-pdf} at a time ({@code TRC-019}). Refused for a
     * recalled batch or lot and when the certificate is not in force: a label printed then would show a star the
     * product does not have.
     */
    public byte[] labels(long batchId, int from, int count, CurrentUser actor) {
        Printable p = printable(batchId, actor, true);
        if (from < 1
                || count < 1
                || count > properties.maxLabelsPerPdf()
                || from > p.batch().quantity()) {
            throw new OcopException(TraceabilityError.LABEL_RANGE, p.batch().quantity(), properties.maxLabelsPerPdf());
        }
        int to = Math.min(p.batch().quantity(), from + count - 1);
        List<Map<String, Object>> labels = new ArrayList<>();
        jdbc.sql("SELECT seq, code FROM stamp WHERE batch_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")
                .params((int) batchId, from, to)
                .query(rs -> {
                    StampCode code = StampCode.of(rs.getBytes(2));
                    String url = links.stampUrl(p.lot().gtin(), p.lot().lotNumber(), code);
                    labels.add(Map.of(
                            "seq", rs.getInt(1),
                            "code", code.grouped(),
                            "qr", PdfImages.dataUri(PdfImages.qr(url, 300, 2))));
                });
        events.publishEvent(new StampsExported(
                batchId, "pdf", p.lot().communeCode(), "labels " + from + "–" + to + " as PDF sheets"));
        Map<String, Object> model = new HashMap<>();
        model.put("lot", p.lot());
        model.put("batch", p.batch());
        model.put("labels", labels);
        model.put("from", from);
        model.put("to", to);
        model.put("gtin", p.lot().gtin() == null ? null : new Gtin(p.lot().gtin()).display());
        Integer star = p.product().certificate().visibleStar(LocalDate.now(clock));
        model.put("starsImage", star == null ? null : PdfImages.dataUri(PdfImages.stars(star)));
        model.put("star", star);
        return pdf.render(
                "pdf/stamp-labels",
                model,
                Locale.forLanguageTag("vi"),
                p.batch().createdAt().atZone(clock.getZone()).toLocalDate());
    }

    /** The batch, its lot and product, for someone who may print its codes. */
    private Printable printable(long batchId, CurrentUser actor, boolean forLabels) {
        LotView.Batch batch = find(batchId);
        LotView lot = lots.editable(batch.lotId(), actor);
        TracedProduct product = traced.find(lot.productId()).orElseThrow();
        if (forLabels) {
            if (batch.status() == BatchStatus.RECALLED || lot.status() == LotStatus.RECALLED) {
                throw new OcopException(TraceabilityError.LOT_RECALLED, lot.lotNumber());
            }
            if (!product.certificate().inForceOn(LocalDate.now(clock))) {
                throw new OcopException(TraceabilityError.PRODUCT_NOT_CERTIFIED, lot.productName());
            }
        }
        return new Printable(batch, lot, product);
    }

    private record Printable(LotView.Batch batch, LotView lot, TracedProduct product) {}

    private void requireCertified(LotView lot) {
        TracedProduct product = traced.find(lot.productId()).orElseThrow();
        if (!product.certificate().inForceOn(LocalDate.now(clock))) {
            throw new OcopException(TraceabilityError.PRODUCT_NOT_CERTIFIED, lot.productName());
        }
    }

    LotView.Batch find(long batchId) {
        if (batchId < 1 || batchId > Integer.MAX_VALUE) {
            throw new OcopException(TraceabilityError.BATCH_NOT_FOUND, batchId);
        }
        return jdbc.sql("SELECT * FROM stamp_batch WHERE id = ?")
                .param((int) batchId)
                .query(LotRows::batch)
                .optional()
                .orElseThrow(() -> new OcopException(TraceabilityError.BATCH_NOT_FOUND, batchId));
    }
}
