package vn.ocop.evaluation;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.EvaluationEvents.DossierTransitioned;
import vn.ocop.evaluation.EvaluationEvents.ProductRated;
import vn.ocop.evaluation.EvaluationEvents.ScoresheetSubmitted;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.product.ProductRegistry;

/**
 * Tells the people concerned at every step of the cycle, in the transaction of the step (so a step that rolls back
 * tells nobody): the producer's accounts of every move of its dossier; the commune's officers of a dossier to check;
 * the province's officers of a dossier to put to a council and of a result to certify; the council's members of a
 * sheet to score, and the chair of an evaluation ready to close; the central office of 5★ proposals and results; a
 * member of their seat. Each notification links to the thing.
 */
@Component
class EvaluationNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final UserAccounts users;
    private final DossierStore store;
    private final EvaluationRounds rounds;
    private final CouncilSheets sheets;
    private final ProductRegistry products;

    EvaluationNotices(
            Notifications notifications,
            UserAccounts users,
            DossierStore store,
            EvaluationRounds rounds,
            CouncilSheets sheets,
            ProductRegistry products) {
        this.notifications = notifications;
        this.users = users;
        this.store = store;
        this.rounds = rounds;
        this.sheets = sheets;
        this.products = products;
    }

    @EventListener
    void on(DossierTransitioned step) {
        Dossier d = store.find(step.dossierId()).orElseThrow();
        EvaluationRound round = rounds.get(d.roundId);
        String product = productName(d);
        String link = "/evaluation/dossiers/" + d.id;
        switch (step.to()) {
            case DRAFT -> {
                if (!"PROPOSAL".equals(d.kind)) {
                    tell(producer(d), "dossier.created", link, product, round.name());
                }
            }
            case SUBMITTED -> {
                String deadline = d.communeDeadline == null ? "" : DATE.format(d.communeDeadline);
                tell(producer(d), "dossier.submitted", link, product, round.name(), deadline);
                tell(officers(Role.COMMUNE_OFFICER, d.communeCode), "dossier.toCheck", link, product, deadline);
            }
            case RETURNED -> tell(producer(d), "dossier.returned", link, product, d.returnReason);
            case FORWARDED -> {
                if ("PROPOSAL".equals(d.kind)) {
                    tell(producer(d), "dossier.proposed", link, product, round.name());
                    tell(officers(Role.CENTRAL_OFFICE, null), "dossier.proposalReceived", link, product, round.name());
                } else {
                    tell(producer(d), "dossier.forwarded", link, product, round.name());
                    tell(
                            officers(Role.PROVINCE_OFFICER, d.provinceCode),
                            "dossier.toCouncil",
                            link,
                            product,
                            round.name());
                }
            }
            case UNDER_EVALUATION -> {
                tell(producer(d), "dossier.underEvaluation", link, product, round.name());
                tell(
                        members(d.roundId),
                        "dossier.sheetDue",
                        link + "/scoresheet",
                        product,
                        round.name(),
                        DATE.format(round.endsOn()));
            }
            case KNOCKED_OUT -> {
                Set<Long> told = new LinkedHashSet<>(producer(d));
                told.addAll(officers(Role.COMMUNE_OFFICER, d.communeCode));
                tell(told, "dossier.knockedOut", link, product, d.knockoutReason);
            }
            case WITHDRAWN -> {
                if (step.from() == DossierStatus.SUBMITTED) {
                    tell(officers(Role.COMMUNE_OFFICER, d.communeCode), "dossier.withdrawn", link, product);
                }
            }
            case RATED -> {} // told with the result, see ProductRated
        }
    }

    @EventListener
    void on(ScoresheetSubmitted submitted) {
        Dossier d = store.find(submitted.dossierId()).orElseThrow();
        if (sheets.allSubmitted(d)) {
            rounds.chair(d.roundId)
                    .ifPresent(chair -> tell(
                            List.of(chair.userId()),
                            "dossier.readyToClose",
                            "/evaluation/dossiers/" + d.id,
                            productName(d)));
        }
    }

    @EventListener
    void on(ProductRated rated) {
        Dossier d = store.find(rated.dossierId()).orElseThrow();
        String link = "/evaluation/dossiers/" + d.id;
        String product = productName(d);
        String total = rated.total().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        String star = Integer.toString(rated.star());
        Set<Long> told = new LinkedHashSet<>(producer(d));
        told.addAll(officers(Role.COMMUNE_OFFICER, d.communeCode));
        tell(told, "dossier.rated", link, product, total, star);
        if ("CENTRAL".equals(rated.level())) {
            tell(officers(Role.CENTRAL_OFFICE, null), "dossier.ratedToCertify", link, product, total, star);
        } else if (rated.fiveStarCandidate()) {
            tell(officers(Role.PROVINCE_OFFICER, d.provinceCode), "dossier.toPropose", link, product, total);
        } else if (rated.star() >= 3) {
            tell(officers(Role.PROVINCE_OFFICER, d.provinceCode), "dossier.ratedToCertify", link, product, total, star);
        }
    }

    @EventListener
    void on(EvaluationRounds.MemberSeated seated) {
        EvaluationRound round = rounds.get(seated.roundId());
        tell(
                List.of(seated.userId()),
                "CHAIR".equals(seated.role()) ? "round.seatedChair" : "round.seated",
                "/evaluation/rounds/" + round.id(),
                round.name());
    }

    @EventListener
    void on(EvaluationRounds.RoundOpened opened) {
        if (opened.provinceCode() != null) {
            EvaluationRound round = rounds.get(opened.roundId());
            tell(
                    users.withRoleWithin(Role.COMMUNE_OFFICER, opened.provinceCode()).stream()
                            .map(UserSummary::id)
                            .toList(),
                    "round.opened",
                    "/evaluation/rounds/" + round.id(),
                    round.name(),
                    DATE.format(round.submissionDeadline()));
        }
    }

    private void tell(Collection<Long> userIds, String what, String link, Object... arguments) {
        if (userIds.isEmpty()) {
            return;
        }
        notifications.send(
                userIds,
                new NotificationMessage(
                        "notify." + what + ".title",
                        "notify." + what + ".body",
                        java.util.Arrays.stream(arguments)
                                .map(a -> a == null ? "" : a.toString())
                                .toList(),
                        link));
    }

    private List<Long> producer(Dossier d) {
        return users.ofProducer(d.producerId).stream().map(UserSummary::id).toList();
    }

    private List<Long> officers(Role role, @org.jspecify.annotations.Nullable String unit) {
        return users.withRole(role, unit).stream().map(UserSummary::id).toList();
    }

    private List<Long> members(long roundId) {
        return rounds.members(roundId).stream()
                .map(EvaluationRounds.Member::userId)
                .toList();
    }

    private String productName(Dossier d) {
        return products.lookup(d.productId).map(p -> p.name()).orElse("#" + d.productId);
    }
}
