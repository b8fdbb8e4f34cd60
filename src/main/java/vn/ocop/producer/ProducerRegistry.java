package vn.ocop.producer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.producer.ProducerEvents.ProducerRegistered;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.SearchText;
import vn.ocop.shared.db.DatabaseErrors;

/**
 * Registering, changing, finding and listing producers, each step authorized by role and jurisdiction: an officer acts
 * on producers located in their unit, a producer account on its own producer only. Unknown ids are {@code PRD-001}
 * (404); another jurisdiction's producer is 403.
 */
@Service
@Transactional
public class ProducerRegistry {

    private final ProducerRepository producers;
    private final AdminUnits units;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProducerRegistry(
            ProducerRepository producers,
            AdminUnits units,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.producers = producers;
        this.units = units;
        this.policy = policy;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a producer located in a commune the actor may edit. */
    public ProducerView register(ProducerDetails details, CurrentUser actor) {
        AdminUnit commune = commune(details.communeCode());
        policy.check(actor, Action.EDIT_RECORDS, commune.code());
        String taxCode = taxCode(details.taxCode());
        if (producers.findByTaxCode(taxCode).isPresent()) {
            throw new OcopException(ProducerError.TAX_CODE_TAKEN, taxCode);
        }
        Producer producer = save(new Producer(details, taxCode, commune.provinceCode(), Instant.now(clock)), taxCode);
        ProducerView view = producer.view();
        events.publishEvent(new ProducerRegistered(
                producer.id(),
                taxCode,
                commune.code(),
                "name=" + details.name().strip() + ", commune=" + commune.code(),
                view.facts()));
        return view;
    }

    /**
     * Changes a producer. {@code expectedVersion} is the version the caller read: a stale one is 409
     * ({@code COMMON-006}), so two officers never silently overwrite each other. Moving a producer needs edit rights
     * on both communes.
     */
    public ProducerView update(long id, ProducerDetails details, long expectedVersion, CurrentUser actor) {
        Producer producer = editable(id, actor);
        if (producer.version() != expectedVersion) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Producer.class, id);
        }
        AdminUnit commune = commune(details.communeCode());
        if (!commune.code().equals(producer.communeCode())) {
            policy.check(actor, Action.EDIT_RECORDS, commune.code());
        }
        String taxCode = taxCode(details.taxCode());
        if (actor.role() == vn.ocop.identity.Role.PRODUCER) {
            // The producer keeps its descriptive data current; its identity and standing are the officers'.
            if (!taxCode.equals(producer.view().taxCode())) {
                throw new OcopException(ProducerError.FIELD_NOT_EDITABLE_BY_PRODUCER, "taxCode");
            }
            if (details.status() != null && details.status() != producer.view().status()) {
                throw new OcopException(ProducerError.FIELD_NOT_EDITABLE_BY_PRODUCER, "status");
            }
        }
        producers.findByTaxCode(taxCode).filter(other -> other.id() != id).ifPresent(other -> {
            throw new OcopException(ProducerError.TAX_CODE_TAKEN, taxCode);
        });
        String changes = producer.apply(details, taxCode, commune.provinceCode(), Instant.now(clock));
        if (!changes.isEmpty()) {
            save(producer, taxCode);
            events.publishEvent(new ProducerUpdated(
                    id, commune.code(), changes, producer.view().facts()));
        }
        return producer.view();
    }

    /**
     * Records whether the producer shows its phone and e-mail on the public portal (its own choice: whoever may change
     * the producer records it, the producer's account or an officer on the producer's word). Audited as a change.
     */
    public ProducerView publishContacts(long id, boolean phone, boolean email, CurrentUser actor) {
        Producer producer = editable(id, actor);
        String changes = producer.publish(phone, email, Instant.now(clock));
        if (!changes.isEmpty()) {
            producers.saveAndFlush(producer);
            events.publishEvent(new ProducerUpdated(
                    id, producer.communeCode(), changes, producer.view().facts()));
        }
        return producer.view();
    }

    /** Producers by id for other modules' read models (unknown ids are left out). No authorization. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, ProducerView> lookupAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, ProducerView> found = new java.util.HashMap<>();
        producers.findAllById(ids).forEach(p -> found.put(p.id(), p.view()));
        return found;
    }

    /** A producer the actor may see; 404 when unknown, 403 when outside the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public ProducerView get(long id, CurrentUser actor) {
        Producer producer = find(id);
        if (!policy.permits(actor, Action.VIEW_RECORDS, producer.communeCode())
                && !policy.permitsOwnProducer(actor, id)) {
            throw OcopException.forbidden();
        }
        return producer.view();
    }

    /** A producer by id for other modules (e.g. to locate a product); empty when unknown. No authorization. */
    @Transactional(readOnly = true)
    public Optional<ProducerView> lookup(long id) {
        return producers.findById(id).map(Producer::view);
    }

    /** Ids of the producers located in the unit (a commune) or inside it (a province). No authorization. */
    @Transactional(readOnly = true)
    public java.util.List<Long> idsWithin(String unitCode) {
        return jdbc.sql("SELECT id FROM producer WHERE commune_code = ? OR province_code = ? ORDER BY id")
                .params(unitCode, unitCode)
                .query(Long.class)
                .list();
    }

    /** The producer with this tax code (normalized first), for imports; no authorization. */
    @Transactional(readOnly = true)
    public Optional<ProducerView> findByTaxCode(String taxCode) {
        return TaxCode.normalize(taxCode).flatMap(producers::findByTaxCode).map(Producer::view);
    }

    /** Producers matching the query within what the actor may see, in Vietnamese alphabetical order. */
    @Transactional(readOnly = true)
    public PageResult<ProducerView> search(ProducerQuery query, int page, int size, CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        filter(where, params, "province_code = ?", scope.provinceCode());
        filter(where, params, "commune_code = ?", scope.communeCode());
        filter(where, params, "id = ?", scope.producerIdOrNull());
        filter(where, params, "province_code = ?", blankToNull(query.provinceCode()));
        filter(where, params, "commune_code = ?", blankToNull(query.communeCode()));
        filter(
                where,
                params,
                "legal_type = ?",
                query.legalType() == null ? null : query.legalType().name());
        filter(
                where,
                params,
                "status = ?",
                query.status() == null ? null : query.status().name());
        for (String word : SearchText.words(query.text())) {
            where.append(" AND (ocop_fold(name) LIKE '%' || ocop_fold(?) || '%' OR tax_code LIKE ? || '%')");
            params.add(word);
            params.add(word);
        }
        long total = jdbc.sql("SELECT count(*) FROM producer" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT id FROM producer" + where + " ORDER BY name COLLATE vietnamese, id LIMIT "
                        + size + " OFFSET " + ((long) page * size))
                .params(params)
                .query(Long.class)
                .list();
        List<ProducerView> items = producers.findAllById(ids).stream()
                .map(Producer::view)
                .sorted(java.util.Comparator.comparingInt(v -> ids.indexOf(v.id())))
                .toList();
        return new PageResult<>(items, page, size, total);
    }

    /** Whether the actor may change this producer. */
    public boolean mayEdit(ProducerView producer, CurrentUser actor) {
        return policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())
                || policy.permitsOwnProducer(actor, producer.id());
    }

    /** Whether the actor may register producers somewhere (officers with edit rights). */
    public boolean mayRegister(CurrentUser actor) {
        return actor.role() != vn.ocop.identity.Role.PRODUCER && policy.allowsAction(actor, Action.EDIT_RECORDS);
    }

    /**
     * The provinces and communes the actor may pick for an action ({@code VIEW_RECORDS} for list filters,
     * {@code EDIT_RECORDS} for forms); {@code selectedProvince} (may be blank) decides which communes are listed when
     * the actor may choose among provinces. An unknown or out-of-scope province lists no communes.
     */
    @Transactional(readOnly = true)
    public AreaChoices areaChoices(CurrentUser actor, Action action, @Nullable String selectedProvince) {
        DataScope scope = policy.scopeFor(actor, action);
        switch (scope.kind()) {
            case ALL -> {
                String province = blankToNull(selectedProvince);
                List<AdminUnit> communes = province == null
                                || units.find(AdminEdition.CURRENT, province)
                                        .filter(AdminUnit::isProvince)
                                        .isEmpty()
                        ? List.of()
                        : units.children(AdminEdition.CURRENT, province);
                return new AreaChoices(units.list(AdminEdition.CURRENT, "province"), communes, false, false);
            }
            case PROVINCE -> {
                AdminUnit province = units.getCurrent(java.util.Objects.requireNonNull(scope.provinceCode()));
                return new AreaChoices(
                        List.of(province), units.children(AdminEdition.CURRENT, province.code()), true, false);
            }
            case COMMUNE -> {
                AdminUnit commune = units.getCurrent(java.util.Objects.requireNonNull(scope.communeCode()));
                AdminUnit province = units.getCurrent(commune.provinceCode());
                return new AreaChoices(List.of(province), List.of(commune), true, true);
            }
            default -> {
                return new AreaChoices(List.of(), List.of(), true, true);
            }
        }
    }

    private Producer editable(long id, CurrentUser actor) {
        Producer producer = find(id);
        if (!policy.permits(actor, Action.EDIT_RECORDS, producer.communeCode())
                && !policy.permitsOwnProducer(actor, id)) {
            throw OcopException.forbidden();
        }
        return producer;
    }

    private Producer find(long id) {
        return producers.findById(id).orElseThrow(() -> new OcopException(ProducerError.PRODUCER_NOT_FOUND, id));
    }

    private Producer save(Producer producer, String taxCode) {
        try {
            return producers.saveAndFlush(producer);
        } catch (DataIntegrityViolationException e) {
            // Two registrations of the same tax code racing: the unique constraint decides. Any other refusal is
            // not about the tax code and is answered for what it is.
            if (DatabaseErrors.isUniqueViolation(e, "producer_tax_code_unique")) {
                throw new OcopException(ProducerError.TAX_CODE_TAKEN, taxCode);
            }
            throw e;
        }
    }

    private AdminUnit commune(String code) {
        AdminUnit unit = units.find(AdminEdition.CURRENT, code.strip())
                .orElseThrow(() -> new OcopException(GeographyError.UNIT_NOT_FOUND, code, AdminEdition.CURRENT));
        if (unit.isProvince()) {
            throw new OcopException(ProducerError.COMMUNE_REQUIRED, code);
        }
        return unit;
    }

    private static String taxCode(String input) {
        return TaxCode.normalize(input).orElseThrow(() -> new OcopException(ProducerError.INVALID_TAX_CODE, input));
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
