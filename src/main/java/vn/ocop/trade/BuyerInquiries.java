package vn.ocop.trade;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogProduct;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.Classification;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.abuse.RateLimits;
import vn.ocop.shared.abuse.RateLimits.Limit;
import vn.ocop.trade.TradeEvents.InquiryAnswered;
import vn.ocop.trade.TradeEvents.InquiryReceived;

/**
 * Buyers' inquiries to producers (supply-demand connection). A buyer asks about a listed product (its producer gets
 * it) or about a category in a province (the producers offering listed products of it there, at most {@value
 * #MAX_RECIPIENTS}, most stars first). Recipients are told in their inbox (and by e-mail where configured), read it
 * and answer on the platform; the buyer gets the answers at the address given, which no public page, API or producer
 * ever sees, and on a private page behind an unguessable link. Officers see only counts (province officers their
 * province's, the central office every province's).
 *
 * <p>Limits, counted in PostgreSQL for every node: {@link #PER_ADDRESS_HOUR} and {@link #PER_ADDRESS_DAY} accepted
 * inquiries per client address, {@link #PER_EMAIL_DAY} per e-mail address; beyond, {@code COMMON-015} (429) says how
 * long to wait.
 */
@Service
@Transactional
public class BuyerInquiries {

    public static final Limit PER_ADDRESS_HOUR = new Limit("inquiry-address-hour", 5, Duration.ofHours(1));
    public static final Limit PER_ADDRESS_DAY = new Limit("inquiry-address-day", 20, Duration.ofDays(1));
    public static final Limit PER_EMAIL_DAY = new Limit("inquiry-email-day", 10, Duration.ofDays(1));
    public static final int MAX_RECIPIENTS = 30;
    public static final int MAX_REPLY = 5000;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Inquiry counts of a year for officers.
     *
     * @param provinceCode the province counted, or null for all
     * @param answered inquiries at least one recipient answered
     * @param byMonth month (1–12) → inquiries
     * @param byKind buyer kind → inquiries
     * @param bySet criteria set → inquiries
     * @param byProvince province code → inquiries (all provinces only)
     */
    public record Figures(
            int year,
            @Nullable String provinceCode,
            long total,
            long answered,
            Map<Integer, Long> byMonth,
            Map<BuyerKind, Long> byKind,
            Map<Integer, Long> bySet,
            Map<String, Long> byProvince) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Classification classification;
    private final ProducerRegistry producers;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final AdminUnits units;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BuyerInquiries(
            JdbcClient jdbc,
            Catalog catalog,
            Classification classification,
            ProducerRegistry producers,
            UserAccounts accounts,
            Notifications notifications,
            AdminUnits units,
            RateLimits limits,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.classification = classification;
        this.producers = producers;
        this.accounts = accounts;
        this.notifications = notifications;
        this.units = units;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores an inquiry and tells its recipients; returns the buyer's private token. {@code TRD-003} for a product not
     * listed, {@code TRD-008} for a category without set or province, {@code TRD-005} when nobody offers it there.
     */
    public String send(InquiryRequest request, String clientAddress) {
        List<Long> recipients;
        String subject;
        int set;
        String province;
        Long productId = request.productId();
        if (productId != null) {
            CatalogProduct product = catalog.product(productId)
                    .orElseThrow(() -> new OcopException(TradeError.PRODUCT_NOT_LISTED, productId));
            recipients = List.of(product.producerId());
            subject = product.name();
            set = product.criteriaSetNo();
            province = product.provinceCode();
        } else {
            Integer chosen = request.criteriaSetNo();
            String provinceCode = request.provinceCode() == null
                    ? null
                    : request.provinceCode().strip();
            AdminUnit unit = provinceCode == null
                    ? null
                    : units.find(AdminEdition.CURRENT, provinceCode)
                            .filter(AdminUnit::isProvince)
                            .orElse(null);
            if (chosen == null
                    || unit == null
                    || classification.criteriaSet(chosen).isEmpty()) {
                throw new OcopException(TradeError.CATEGORY_INCOMPLETE);
            }
            recipients = catalog.producersOffering(chosen, unit.code(), MAX_RECIPIENTS);
            if (recipients.isEmpty()) {
                throw new OcopException(
                        TradeError.NO_PRODUCERS_FOR_CATEGORY,
                        classification.setName(Classification.CURRENT_VERSION, chosen),
                        unit.fullName());
            }
            subject = classification.setName(Classification.CURRENT_VERSION, chosen) + " — " + unit.fullName();
            set = chosen;
            province = unit.code();
        }
        limits.hit(PER_ADDRESS_HOUR, clientAddress);
        limits.hit(PER_ADDRESS_DAY, clientAddress);
        limits.hit(PER_EMAIL_DAY, request.email());
        String token = token();
        long id = jdbc.sql("""
                        INSERT INTO buyer_inquiry (token, product_id, criteria_set_no, province_code, subject, buyer_kind,
                                                   buyer_name, organisation, email, phone, quantity, message, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        token,
                        productId,
                        set,
                        province,
                        subject.length() > 300 ? subject.substring(0, 300) : subject,
                        request.buyerKind().name(),
                        request.buyerName().strip(),
                        blank(request.organisation()),
                        request.email().strip(),
                        blank(request.phone()),
                        request.quantity().strip(),
                        request.message().strip(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO buyer_inquiry_recipient (inquiry_id, producer_id) SELECT ?, unnest(?::bigint[])")
                .params(id, recipients.toArray(Long[]::new))
                .update();
        events.publishEvent(new InquiryReceived(
                id,
                request.buyerKind() + ", " + recipients.size() + " recipients, product=" + productId + ", set=" + set,
                province));
        List<Long> users = recipients.stream()
                .flatMap(p -> accounts.ofProducer(p).stream())
                .map(UserSummary::id)
                .toList();
        String from = request.organisation() == null || request.organisation().isBlank()
                ? request.buyerName().strip()
                : request.organisation().strip();
        notifications.send(
                users,
                new NotificationMessage(
                        "notify.inquiry.received.title",
                        "notify.inquiry.received.body",
                        List.of(from, subject, request.quantity().strip()),
                        "/inquiries/" + id));
        catalog.contentChanged();
        return token;
    }

    /** A producer's inquiries, newest first; 403 for anyone but a producer account. */
    @Transactional(readOnly = true)
    public PageResult<Inquiry> inbox(CurrentUser actor, int page, int size) {
        long producer = producerOf(actor);
        long total = jdbc.sql("SELECT count(*) FROM buyer_inquiry_recipient WHERE producer_id = ?")
                .param(producer)
                .query(Long.class)
                .single();
        List<Inquiry> items = jdbc.sql("""
                        SELECT i.*, r.read_at, r.answered_at FROM buyer_inquiry_recipient r
                          JOIN buyer_inquiry i ON i.id = r.inquiry_id
                         WHERE r.producer_id = ? ORDER BY r.inquiry_id DESC LIMIT ? OFFSET ?""")
                .params(producer, size, (long) page * size)
                .query((rs, n) -> map(rs, List.of()))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** The inquiries a producer has not answered yet, oldest first (its work queue). */
    @Transactional(readOnly = true)
    public List<Inquiry> waitingFor(CurrentUser actor) {
        if (actor.role() != Role.PRODUCER || actor.producerId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT i.*, r.read_at, r.answered_at FROM buyer_inquiry_recipient r
                          JOIN buyer_inquiry i ON i.id = r.inquiry_id
                         WHERE r.producer_id = ? AND r.answered_at IS NULL ORDER BY r.inquiry_id""")
                .param(actor.producerId())
                .query((rs, n) -> map(rs, List.of()))
                .list();
    }

    /** An inquiry for a recipient producer, marked read (once); {@code TRD-004} (404) for anyone else. */
    public Inquiry open(long id, CurrentUser actor) {
        Inquiry inquiry = view(id, actor);
        if (inquiry.readAt() == null) {
            jdbc.sql("UPDATE buyer_inquiry_recipient SET read_at = ?"
                            + " WHERE inquiry_id = ? AND producer_id = ? AND read_at IS NULL")
                    .params(Timestamp.from(Instant.now(clock)), id, producerOf(actor))
                    .update();
            return view(id, actor);
        }
        return inquiry;
    }

    /**
     * An inquiry for a recipient producer as it stands, without marking it read (a page shown again after a refused
     * reply writes nothing); {@code TRD-004} (404) for anyone else.
     */
    @Transactional(readOnly = true)
    public Inquiry view(long id, CurrentUser actor) {
        long producer = producerOf(actor);
        boolean recipient =
                jdbc.sql("SELECT count(*) FROM buyer_inquiry_recipient WHERE inquiry_id = ? AND producer_id = ?")
                                .params(id, producer)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!recipient) {
            throw new OcopException(TradeError.INQUIRY_NOT_FOUND, id);
        }
        return received(id, producer);
    }

    /**
     * A recipient producer answers; the buyer is mailed at its address with a link to its private page. {@code
     * TRD-007} for an empty or too long text.
     */
    public Inquiry reply(long id, String body, CurrentUser actor) {
        long producer = producerOf(actor);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_REPLY) {
            throw new OcopException(TradeError.REPLY_INVALID, MAX_REPLY);
        }
        Instant now = Instant.now(clock);
        int updated = jdbc.sql("UPDATE buyer_inquiry_recipient SET read_at = coalesce(read_at, ?), answered_at = ?"
                        + " WHERE inquiry_id = ? AND producer_id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id, producer)
                .update();
        if (updated == 0) {
            throw new OcopException(TradeError.INQUIRY_NOT_FOUND, id);
        }
        jdbc.sql(
                        "INSERT INTO buyer_inquiry_reply (inquiry_id, producer_id, body, author, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, producer, text, actor.username(), Timestamp.from(now))
                .update();
        String producerName = producers.lookup(producer).map(ProducerView::name).orElse("");
        String[] buyer = jdbc.sql("SELECT email, token, subject, province_code FROM buyer_inquiry WHERE id = ?")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        notifications.mail(
                buyer[0],
                new NotificationMessage(
                        "mail.inquiry.answered.title",
                        "mail.inquiry.answered.body",
                        List.of(producerName, buyer[2], text),
                        "/buyer-inquiries/" + buyer[1]));
        events.publishEvent(new InquiryAnswered(id, "by producer " + producer, buyer[3]));
        return received(id, producer);
    }

    /** The buyer's view of its inquiry, with every producer's answers; {@code TRD-004} for an unknown token. */
    @Transactional(readOnly = true)
    public Inquiry forBuyer(String token) {
        if (!token.matches("[A-Za-z0-9_-]{20,40}")) {
            throw new OcopException(TradeError.INQUIRY_NOT_FOUND, "-");
        }
        Long id = jdbc.sql("SELECT id FROM buyer_inquiry WHERE token = ?")
                .param(token)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new OcopException(TradeError.INQUIRY_NOT_FOUND, "-"));
        List<Inquiry.Reply> replies = replies(id, null);
        return jdbc.sql("""
                        SELECT i.*, NULL::timestamptz AS read_at,
                               (SELECT min(r.answered_at) FROM buyer_inquiry_recipient r WHERE r.inquiry_id = i.id)
                                   AS answered_at
                          FROM buyer_inquiry i WHERE i.id = ?""").param(id).query((rs, n) -> map(rs, replies)).single();
    }

    /**
     * Counts of a year: a province officer's province, every province for the central office and administrators;
     * 403 for others.
     */
    @Transactional(readOnly = true)
    public Figures figures(CurrentUser actor, int year) {
        String province;
        if (actor.role() == Role.PROVINCE_OFFICER && actor.jurisdictionCode() != null) {
            province = actor.jurisdictionCode();
        } else if (actor.role().nationwide()) {
            province = null;
        } else {
            throw OcopException.forbidden();
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(VIETNAM).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(VIETNAM).toInstant();
        String where = " FROM buyer_inquiry i WHERE i.created_at >= ? AND i.created_at < ?"
                + (province == null ? "" : " AND i.province_code = ?");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (province != null) {
            params.add(province);
        }
        long[] totals = jdbc.sql(
                        "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM buyer_inquiry_recipient r"
                                + " WHERE r.inquiry_id = i.id AND r.answered_at IS NOT NULL))" + where)
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        Map<Integer, Long> byMonth = new TreeMap<>();
        jdbc.sql("SELECT extract(month FROM i.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int, count(*)" + where
                        + " GROUP BY 1")
                .params(params)
                .query((rs, n) -> byMonth.put(rs.getInt(1), rs.getLong(2)))
                .list();
        Map<BuyerKind, Long> byKind = new TreeMap<>();
        jdbc.sql("SELECT i.buyer_kind, count(*)" + where + " GROUP BY 1")
                .params(params)
                .query((rs, n) -> byKind.put(BuyerKind.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        Map<Integer, Long> bySet = new TreeMap<>();
        jdbc.sql("SELECT i.criteria_set_no, count(*)" + where + " GROUP BY 1")
                .params(params)
                .query((rs, n) -> bySet.put(rs.getInt(1), rs.getLong(2)))
                .list();
        Map<String, Long> byProvince = new TreeMap<>();
        if (province == null) {
            jdbc.sql("SELECT i.province_code, count(*)" + where + " GROUP BY 1")
                    .params(params)
                    .query((rs, n) -> byProvince.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return new Figures(year, province, totals[0], totals[1], byMonth, byKind, bySet, byProvince);
    }

    private Inquiry received(long id, long producer) {
        List<Inquiry.Reply> replies = replies(id, producer);
        return jdbc.sql("""
                        SELECT i.*, r.read_at, r.answered_at FROM buyer_inquiry i
                          JOIN buyer_inquiry_recipient r ON r.inquiry_id = i.id AND r.producer_id = ?
                         WHERE i.id = ?""")
                .params(producer, id)
                .query((rs, n) -> map(rs, replies))
                .single();
    }

    private List<Inquiry.Reply> replies(long id, @Nullable Long producer) {
        record Row(long producerId, String body, Instant at) {}
        List<Row> rows = jdbc.sql("SELECT producer_id, body, created_at FROM buyer_inquiry_reply WHERE inquiry_id = ?"
                        + (producer == null ? "" : " AND producer_id = " + producer.longValue())
                        + " ORDER BY created_at, id")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        Map<Long, ProducerView> names = producers.lookupAll(
                rows.stream().map(Row::producerId).distinct().toList());
        return rows.stream()
                .map(r -> new Inquiry.Reply(
                        r.producerId(),
                        names.containsKey(r.producerId())
                                ? names.get(r.producerId()).name()
                                : "",
                        r.body(),
                        r.at()))
                .toList();
    }

    private long producerOf(CurrentUser actor) {
        if (actor.role() != Role.PRODUCER || actor.producerId() == null) {
            throw OcopException.forbidden();
        }
        return actor.producerId();
    }

    private Inquiry map(ResultSet rs, List<Inquiry.Reply> replies) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        Timestamp answered = rs.getTimestamp("answered_at");
        String province = rs.getString("province_code");
        return new Inquiry(
                rs.getLong("id"),
                rs.getObject("product_id", Long.class),
                rs.getString("subject"),
                rs.getInt("criteria_set_no"),
                province,
                units.currentName(province),
                BuyerKind.valueOf(rs.getString("buyer_kind")),
                rs.getString("buyer_name"),
                rs.getString("organisation"),
                rs.getString("quantity"),
                rs.getString("message"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(),
                answered == null ? null : answered.toInstant(),
                replies);
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
