package vn.ocop.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.criteria.CriterionDefinition;
import vn.ocop.evaluation.criteria.OptionDefinition;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductSummary;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;

/**
 * The evaluation cycle of the default run's demo data (never in {@code prod}): an open province round of Đồng Tháp,
 * its council (chair and member) and one dossier at every stage (draft, sent to the commune, forwarded, under scoring
 * with one sheet in, rated; the certification module's DemoCertificates certifies one more rated product), so that
 * each demo account finds work in its queue on the first start.
 *
 * <p>Made only through the published services, acting as the demo accounts themselves (so the audit trail, the
 * notifications and the work queues are those of real work), after the demo accounts and registry exist. Idempotent:
 * the round is found by name, and a product that already has a dossier in it is left as it is. Deterministic for a
 * given day (the round follows the calendar of Art. 5 from today; the certificate is decided today).
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoRound implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRound.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    static final String ROUND_NAME_PREFIX = "Đợt đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp (dữ liệu mẫu) ";
    static final String PROVINCE = "82";
    static final String COOPERATIVE_TAX_CODE = "8299000001";
    static final String COMPANY_TAX_CODE = "8299000002";

    /** How far a demo dossier goes. */
    enum Stage {
        DRAFT,
        SUBMITTED,
        FORWARDED,
        ONE_SHEET_IN,
        RATED,
        /** Rated 4★, for the certification module's demo data to certify. */
        CERTIFIED
    }

    /** The product whose 4★ result the demo data certifies. */
    static final String CERTIFIED_PRODUCT = "Trà tim sen Sen Hồng";

    /** A product of one of the two demo producers and the stage its dossier reaches. */
    record Step(String taxCode, String productName, Stage stage) {}

    static final List<Step> STEPS = List.of(
            new Step(COOPERATIVE_TAX_CODE, "Nem chua Mỹ Trà", Stage.DRAFT),
            new Step(COMPANY_TAX_CODE, "Bánh phồng tôm Sen Hồng", Stage.SUBMITTED),
            new Step(COOPERATIVE_TAX_CODE, "Hạt sen sấy Mỹ Trà", Stage.FORWARDED),
            new Step(COMPANY_TAX_CODE, "Mứt sen Sen Hồng", Stage.ONE_SHEET_IN),
            new Step(COOPERATIVE_TAX_CODE, "Xoài cát Hòa Lộc Mỹ Trà", Stage.RATED),
            new Step(COMPANY_TAX_CODE, CERTIFIED_PRODUCT, Stage.CERTIFIED));

    private final UserAccounts accounts;
    private final ProducerRegistry producers;
    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final EvidenceLocker evidence;
    private final CriteriaSets criteria;
    private final CouncilScoring scoring;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Clock clock;

    DemoRound(
            UserAccounts accounts,
            ProducerRegistry producers,
            EvaluationRounds rounds,
            Dossiers dossiers,
            EvidenceLocker evidence,
            CriteriaSets criteria,
            CouncilScoring scoring,
            PdfDocuments pdf,
            MessageSource messages,
            Clock clock) {
        this.accounts = accounts;
        this.producers = producers;
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.evidence = evidence;
        this.criteria = criteria;
        this.scoring = scoring;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CurrentUser> province = staff("dongthap.tinh", Role.PROVINCE_OFFICER, PROVINCE);
        Optional<CurrentUser> commune = staff("caolanh.xa", Role.COMMUNE_OFFICER, "29869");
        Optional<CurrentUser> chair = staff("hoidong.dongthap", Role.COUNCIL_MEMBER, PROVINCE);
        Optional<CurrentUser> member = staff("hoidong2.dongthap", Role.COUNCIL_MEMBER, PROVINCE);
        if (province.isEmpty() || commune.isEmpty() || chair.isEmpty() || member.isEmpty()) {
            log.warn("Demo data: the demo accounts of Đồng Tháp are missing; no demo evaluation round");
            return;
        }
        Cast cast = new Cast(province.get(), commune.get(), chair.get(), member.get());
        EvaluationRound round = round(cast);
        Set<String> filed = dossiers.inRound(round.id(), cast.province).stream()
                .map(Dossiers.DossierLine::productName)
                .collect(Collectors.toSet());
        int made = 0;
        for (Step step : STEPS) {
            if (filed.contains(step.productName())) {
                continue;
            }
            Optional<CurrentUser> producer = producerAccount(step.taxCode());
            if (producer.isEmpty()) {
                log.warn("Demo data: no producer account for tax code {}", step.taxCode());
                continue;
            }
            try {
                advance(round, step, producer.get(), cast);
                made++;
            } catch (OcopException e) {
                // E.g. a restart after the round stopped taking dossiers: the demo data never stops the application.
                log.warn("Demo data: dossier of '{}' not taken further: {}", step.productName(), e.getMessage());
            }
        }
        if (made > 0) {
            log.info("Demo data: {} dossiers of round '{}' taken through the evaluation cycle", made, round.name());
        }
    }

    private record Cast(CurrentUser province, CurrentUser commune, CurrentUser chair, CurrentUser member) {}

    /**
     * The demo round, opened by the province's officer on the calendar's next slot at the first start (found by its
     * name on later starts), with its council.
     */
    private EvaluationRound round(Cast cast) {
        EvaluationRounds.RoundDefaults slot = rounds.defaults(cast.province);
        String name = ROUND_NAME_PREFIX + slot.year();
        EvaluationRound round = rounds.list(cast.province).stream()
                .filter(r -> r.name().startsWith(ROUND_NAME_PREFIX))
                .min(Comparator.comparing(EvaluationRound::id))
                .orElseGet(() -> rounds.open(
                        new EvaluationRounds.OpenRound(
                                name, "PROVINCE", PROVINCE, slot.year(), slot.submissionDeadline(), slot.endsOn()),
                        cast.province));
        if (!round.open()) {
            return round;
        }
        Set<Long> seated = rounds.members(round.id(), cast.province).stream()
                .map(EvaluationRounds.Member::userId)
                .collect(Collectors.toSet());
        if (!seated.contains(cast.chair.id())) {
            rounds.seat(round.id(), cast.chair.id(), "CHAIR", cast.province);
        }
        if (!seated.contains(cast.member.id())) {
            rounds.seat(round.id(), cast.member.id(), "MEMBER", cast.province);
        }
        return round;
    }

    /** Files the product's dossier as its producer and takes it as far as its stage, each step by its person. */
    private void advance(EvaluationRound round, Step step, CurrentUser producer, Cast cast) {
        ProductSummary product = dossiers.fileable(round.id(), step.productName(), 5, producer).stream()
                .filter(p -> p.name().equals(step.productName()))
                .findFirst()
                .orElse(null);
        if (product == null) {
            log.warn("Demo data: product '{}' cannot be filed in round {}", step.productName(), round.id());
            return;
        }
        DossierView dossier = dossiers.create(round.id(), product.id(), "FIRST", Map.of(), producer);
        // 4★ (certified: 4★, rated: 3★ for variety), from the council's own choices; the producer a little higher.
        int star = step.stage() == Stage.RATED ? 3 : 4;
        Map<String, Integer> council = choicesFor(dossier, star);
        Map<String, Integer> self = choicesFor(dossier, star + 1);
        if (step.stage() == Stage.DRAFT) {
            // A draft half done: the self-assessment in, the forms and the documents still to come.
            dossiers.assess(dossier.id(), self, Map.of(), Map.of(), dossier.version(), producer);
            return;
        }
        complete(dossier, self, step, producer);
        dossiers.submit(dossier.id(), producer);
        if (step.stage() == Stage.SUBMITTED) {
            return;
        }
        dossiers.forward(
                dossier.id(),
                new CommuneReview(
                        true,
                        true,
                        true,
                        true,
                        "Hồ sơ đầy đủ; nguyên liệu, lao động và ý tưởng sản phẩm của địa phương."),
                cast.commune);
        if (step.stage() == Stage.FORWARDED) {
            return;
        }
        dossiers.startEvaluation(dossier.id(), cast.province);
        scoring.save(dossier.id(), council, cast.member);
        scoring.submit(dossier.id(), cast.member);
        if (step.stage() == Stage.ONE_SHEET_IN) {
            return;
        }
        scoring.save(dossier.id(), council, cast.chair);
        scoring.submit(dossier.id(), cast.chair);
        scoring.close(dossier.id(), cast.chair);
    }

    /** The forms, the self-assessment and a stand-in PDF for every required document, as the producer would. */
    private void complete(DossierView dossier, Map<String, Integer> self, Step step, CurrentUser producer) {
        ProducerView owner = producers.lookup(dossier.producerId()).orElseThrow();
        DossierView d = dossiers.assess(dossier.id(), self, Map.of(), Map.of(), dossier.version(), producer);
        dossiers.fillIn(dossier.id(), forms(owner), d.version(), producer);
        for (Dossiers.ChecklistLine line : dossiers.checklist(dossier.id(), producer)) {
            if (line.required() && !line.present() && line.documentKind() != null) {
                String title = messages.getMessage("dossier.requirement." + line.code(), null, line.code(), VI);
                byte[] document = pdf.render(
                        "pdf/demo-evidence",
                        Map.of(
                                "title",
                                title,
                                "product",
                                step.productName(),
                                "producer",
                                owner.name(),
                                "dossier",
                                "Hồ sơ số " + dossier.id()),
                        VI,
                        LocalDate.of(2026, 1, 5));
                LocalDate validUntil = line.documentKind().equals("FOOD_SAFETY_CERTIFICATE")
                        ? LocalDate.now(clock).plusYears(2)
                        : null;
                evidence.uploadToDossier(
                        dossier.id(),
                        line.documentKind(),
                        line.code().toLowerCase(Locale.ROOT) + ".pdf",
                        document,
                        validUntil,
                        producer);
            }
        }
    }

    private static DossierForms forms(ProducerView owner) {
        return new DossierForms(
                owner.name().startsWith("HTX") ? 25 : 40,
                true,
                "FEMALE",
                "Kinh",
                owner.address() == null ? "Phường Cao Lãnh, Tỉnh Đồng Tháp" : owner.address(),
                "Giấy chứng nhận đăng ký số " + owner.taxCode() + ", cấp ngày 15/3/2016",
                "Hộp giấy kraft 500 g; TCCS 01:2025",
                true,
                true,
                true,
                false,
                false,
                null,
                "Thành lập năm 2016 từ các hộ trồng sen và cây ăn trái của phường Cao Lãnh.",
                "Ban giám đốc, tổ sản xuất, tổ kinh doanh.",
                "Doanh thu năm 2025 đạt 3,4 tỷ đồng; tiêu thụ tại Đồng Tháp, TP. Hồ Chí Minh và Cần Thơ.",
                "Mở rộng vùng nguyên liệu và bán qua sàn thương mại điện tử.",
                "Bao bì mới, phiếu kiểm nghiệm định kỳ năm 2026.");
    }

    /**
     * Choices that score the wanted star: the best option of every criterion, then criteria lowered to their weakest
     * option one by one, skipping those that would take the result below the star or cap it under its band (a star
     * minimum), until the set's bands give that star: a plain case, its total inside the star's band.
     */
    private Map<String, Integer> choicesFor(DossierView dossier, int star) {
        List<CriterionDefinition> all = criteria.set(dossier.criteriaVersion(), dossier.setNo())
                .criteria()
                .toList();
        Comparator<OptionDefinition> byPoints = Comparator.comparing(OptionDefinition::points);
        Map<String, Integer> choices = new LinkedHashMap<>();
        all.forEach(c -> choices.put(
                c.code(), c.options().stream().max(byPoints).orElseThrow().index()));
        for (CriterionDefinition c : all) {
            if (starOf(dossier, choices) <= star) {
                break;
            }
            int best = choices.get(c.code());
            choices.put(
                    c.code(), c.options().stream().min(byPoints).orElseThrow().index());
            if (starOf(dossier, choices) < star) {
                choices.put(c.code(), best);
            }
        }
        return choices;
    }

    /** The star of the choices, or 0 when knocked out or capped below its band (a star minimum not met). */
    private int starOf(DossierView dossier, Map<String, Integer> choices) {
        var result = criteria.assess(dossier.criteriaVersion(), dossier.setNo(), choices);
        return result.knockedOut() || result.star() < result.bandStar() ? 0 : result.star();
    }

    private Optional<CurrentUser> staff(String username, Role role, String jurisdiction) {
        return accounts.withRole(role, jurisdiction).stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .map(DemoRound::asUser);
    }

    private Optional<CurrentUser> producerAccount(String taxCode) {
        return producers
                .findByTaxCode(taxCode)
                .flatMap(p -> accounts.ofProducer(p.id()).stream().findFirst())
                .map(DemoRound::asUser);
    }

    private static CurrentUser asUser(UserSummary u) {
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.jurisdictionCode(), u.producerId());
    }
}
