package vn.ocop.trade.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogQuery;
import vn.ocop.catalog.CatalogSort;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.AreaChoices;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;
import vn.ocop.trade.BuyerInquiries;
import vn.ocop.trade.BuyerKind;
import vn.ocop.trade.Fair;
import vn.ocop.trade.Fairs;
import vn.ocop.trade.PointOfSale;
import vn.ocop.trade.PointsOfSale;

/**
 * Trade promotion for signed-in people: officers keep the points of sale and fairs of their jurisdiction and see the
 * inquiry counts of their province; producers keep their shops, declare where their products are sold, register for
 * fairs, and read and answer buyers' inquiries. Authorization is the services'.
 */
@Controller
class TradePages {

    private final PointsOfSale points;
    private final Fairs fairs;
    private final BuyerInquiries inquiries;
    private final Catalog catalog;
    private final ProducerRegistry producers;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;
    private final Clock clock;

    TradePages(
            PointsOfSale points,
            Fairs fairs,
            BuyerInquiries inquiries,
            Catalog catalog,
            ProducerRegistry producers,
            AdminUnits units,
            Problems problems,
            Validator validator,
            Clock clock) {
        this.points = points;
        this.fairs = fairs;
        this.inquiries = inquiries;
        this.catalog = catalog;
        this.producers = producers;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/trade")
    String hub(CurrentUser actor, Model model) {
        if (actor.role() == Role.COUNCIL_MEMBER) {
            throw OcopException.forbidden();
        }
        model.addAttribute("user", actor);
        model.addAttribute("points", points.managed(actor, 0, 100).items());
        if (actor.role() == Role.PRODUCER && actor.producerId() != null) {
            long producer = actor.producerId();
            model.addAttribute("ownProducts", catalog.productsOf(producer));
            model.addAttribute("myFairs", fairs.upcomingWith(producer));
            model.addAttribute(
                    "stocking",
                    catalog.productsOf(producer).stream()
                            .collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> points.stocking(p.id()))));
        } else {
            model.addAttribute("fairs", fairs.managed(actor, 0, 100).items());
            model.addAttribute(
                    "seesFigures",
                    actor.role() == Role.PROVINCE_OFFICER || actor.role().nationwide());
        }
        return "trade/hub";
    }

    // --- points of sale ----------------------------------------------------------------------------------------

    @GetMapping("/trade/points-of-sale/new")
    String newPoint(CurrentUser actor, Model model) {
        if (actor.role() == Role.COUNCIL_MEMBER) {
            throw OcopException.forbidden();
        }
        return pointForm(new TradeForms.PointForm(), null, actor, model, null);
    }

    @PostMapping("/trade/points-of-sale")
    String createPoint(
            @ModelAttribute("form") TradeForms.PointForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (reload == null && valid(validator.validate(form.details()), binding)) {
            try {
                PointOfSale created = points.create(form.details(), actor);
                redirect.addFlashAttribute("saved", "trade.saved");
                return "redirect:/trade/points-of-sale/" + created.id() + "/edit";
            } catch (OcopException e) {
                forbiddenOrNotFound(e);
                reject(binding, e, model);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return pointForm(form, null, actor, model, null);
    }

    @GetMapping("/trade/points-of-sale/{id}/edit")
    String editPoint(
            @PathVariable long id, @RequestParam(required = false) @Nullable String q, CurrentUser actor, Model model) {
        PointOfSale point = points.get(id, actor);
        return pointForm(TradeForms.PointForm.of(point), point, actor, model, q);
    }

    @PostMapping("/trade/points-of-sale/{id}")
    String updatePoint(
            @PathVariable long id,
            @ModelAttribute("form") TradeForms.PointForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PointOfSale point = points.get(id, actor);
        if (reload == null && valid(validator.validate(form.details()), binding)) {
            try {
                points.update(id, form.details(), form.getVersion() == null ? -1 : form.getVersion(), actor);
                redirect.addFlashAttribute("saved", "trade.saved");
                return "redirect:/trade/points-of-sale/" + id + "/edit";
            } catch (OptimisticLockingFailureException e) {
                model.addAttribute("error", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                PointOfSale now = points.get(id, actor);
                return pointForm(TradeForms.PointForm.of(now), now, actor, model, null);
            } catch (OcopException e) {
                forbiddenOrNotFound(e);
                reject(binding, e, model);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return pointForm(form, point, actor, model, null);
    }

    /** Adds a product to a point: its managers from the edit page, a producer from the point's public page. */
    @PostMapping("/trade/points-of-sale/{id}/products")
    String addProduct(
            @PathVariable long id,
            @RequestParam long productId,
            @RequestParam(defaultValue = "edit") String back,
            CurrentUser actor,
            RedirectAttributes redirect) {
        points.addProduct(id, productId, actor);
        redirect.addFlashAttribute("saved", "trade.stockAdded");
        return "public".equals(back)
                ? "redirect:/points-of-sale/" + id
                : "redirect:/trade/points-of-sale/" + id + "/edit";
    }

    @PostMapping("/trade/points-of-sale/{id}/products/{productId}/delete")
    String removeProduct(
            @PathVariable long id,
            @PathVariable long productId,
            @RequestParam(defaultValue = "edit") String back,
            CurrentUser actor,
            RedirectAttributes redirect) {
        points.removeProduct(id, productId, actor);
        redirect.addFlashAttribute("saved", "trade.stockRemoved");
        return switch (back) {
            case "public" -> "redirect:/points-of-sale/" + id;
            case "hub" -> "redirect:/trade";
            default -> "redirect:/trade/points-of-sale/" + id + "/edit";
        };
    }

    private String pointForm(
            TradeForms.PointForm form,
            @Nullable PointOfSale point,
            CurrentUser actor,
            Model model,
            @Nullable String q) {
        placeChoices(form.getProvince(), form.getCommuneCode(), actor, model);
        model.addAttribute("form", form);
        model.addAttribute("point", point);
        model.addAttribute("q", q);
        model.addAttribute(
                "found",
                point == null || q == null || q.isBlank()
                        ? List.of()
                        : catalog.search(
                                        new CatalogQuery(
                                                q, null, null, null, null, null, null, null, CatalogSort.RELEVANCE),
                                        0,
                                        10)
                                .page()
                                .items());
        return "trade/point-form";
    }

    // --- fairs -------------------------------------------------------------------------------------------------

    @GetMapping("/trade/fairs/new")
    String newFair(CurrentUser actor, Model model) {
        if (actor.role() == Role.COUNCIL_MEMBER || actor.role() == Role.PRODUCER) {
            throw OcopException.forbidden();
        }
        return fairForm(new TradeForms.FairForm(), null, actor, model, null);
    }

    @PostMapping("/trade/fairs")
    String createFair(
            @ModelAttribute("form") TradeForms.FairForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (reload == null && valid(validator.validate(form.details()), binding)) {
            try {
                Fair created = fairs.create(form.details(), actor);
                redirect.addFlashAttribute("saved", "trade.saved");
                return "redirect:/trade/fairs/" + created.id() + "/edit";
            } catch (OcopException e) {
                forbiddenOrNotFound(e);
                reject(binding, e, model);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return fairForm(form, null, actor, model, null);
    }

    @GetMapping("/trade/fairs/{id}/edit")
    String editFair(
            @PathVariable long id, @RequestParam(required = false) @Nullable String q, CurrentUser actor, Model model) {
        Fair fair = managedFair(id, actor);
        return fairForm(TradeForms.FairForm.of(fair), fair, actor, model, q);
    }

    @PostMapping("/trade/fairs/{id}")
    String updateFair(
            @PathVariable long id,
            @ModelAttribute("form") TradeForms.FairForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String reload,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Fair fair = managedFair(id, actor);
        if (reload == null && valid(validator.validate(form.details()), binding)) {
            try {
                fairs.update(id, form.details(), form.getVersion() == null ? -1 : form.getVersion(), actor);
                redirect.addFlashAttribute("saved", "trade.saved");
                return "redirect:/trade/fairs/" + id + "/edit";
            } catch (OptimisticLockingFailureException e) {
                model.addAttribute("error", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                Fair now = fairs.get(id);
                return fairForm(TradeForms.FairForm.of(now), now, actor, model, null);
            } catch (OcopException e) {
                forbiddenOrNotFound(e);
                reject(binding, e, model);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return fairForm(form, fair, actor, model, null);
    }

    /** Adds a producer: the fair's officers from the edit page, a producer for itself from the fair's page. */
    @PostMapping("/trade/fairs/{id}/participants")
    String addParticipant(
            @PathVariable long id,
            @RequestParam long producerId,
            @RequestParam(required = false) @Nullable String booth,
            @RequestParam(defaultValue = "edit") String back,
            CurrentUser actor,
            RedirectAttributes redirect) {
        fairs.addParticipant(id, producerId, booth == null ? null : booth.strip(), actor);
        redirect.addFlashAttribute("saved", "trade.participantAdded");
        return "public".equals(back) ? "redirect:/fairs/" + id : "redirect:/trade/fairs/" + id + "/edit";
    }

    @PostMapping("/trade/fairs/{id}/participants/{producerId}/delete")
    String removeParticipant(
            @PathVariable long id,
            @PathVariable long producerId,
            @RequestParam(defaultValue = "edit") String back,
            CurrentUser actor,
            RedirectAttributes redirect) {
        fairs.removeParticipant(id, producerId, actor);
        redirect.addFlashAttribute("saved", "trade.participantRemoved");
        return "public".equals(back) ? "redirect:/fairs/" + id : "redirect:/trade/fairs/" + id + "/edit";
    }

    private Fair managedFair(long id, CurrentUser actor) {
        Fair fair = fairs.get(id);
        if (!fairs.mayManage(fair, actor)) {
            throw OcopException.forbidden();
        }
        return fair;
    }

    private String fairForm(
            TradeForms.FairForm form, @Nullable Fair fair, CurrentUser actor, Model model, @Nullable String q) {
        placeChoices(form.getProvince(), form.getCommuneCode(), actor, model);
        model.addAttribute("form", form);
        model.addAttribute("fair", fair);
        model.addAttribute("q", q);
        model.addAttribute(
                "found",
                fair == null || q == null || q.isBlank()
                        ? List.of()
                        : producers
                                .search(new ProducerQuery(q.strip(), null, null, null, null), 0, 10, actor)
                                .items());
        return "trade/fair-form";
    }

    // --- inquiries ---------------------------------------------------------------------------------------------

    @GetMapping("/inquiries")
    String inbox(@RequestParam(defaultValue = "0") int page, CurrentUser actor, Model model) {
        model.addAttribute("result", inquiries.inbox(actor, Math.max(0, Math.min(page, 10_000)), 20));
        return "trade/inbox";
    }

    @GetMapping("/inquiries/{id}")
    String inquiry(@PathVariable long id, CurrentUser actor, Model model) {
        model.addAttribute("inquiry", inquiries.open(id, actor));
        return "trade/inquiry";
    }

    @PostMapping("/inquiries/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            inquiries.reply(id, body, actor);
            redirect.addFlashAttribute("saved", "trade.replied");
            return "redirect:/inquiries/" + id;
        } catch (OcopException e) {
            forbiddenOrNotFound(e);
            response.setStatus(Problems.status(e.errorCode().kind()).value());
            model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
            model.addAttribute("body", body);
            model.addAttribute("inquiry", inquiries.view(id, actor));
            return "trade/inquiry";
        }
    }

    @GetMapping("/trade/inquiries")
    String figures(@RequestParam(required = false) @Nullable Integer year, CurrentUser actor, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int chosen = year == null || year < 2018 || year > thisYear ? thisYear : year;
        BuyerInquiries.Figures figures = inquiries.figures(actor, chosen);
        model.addAttribute("figures", figures);
        model.addAttribute(
                "years",
                java.util.stream.IntStream.rangeClosed(2026, Math.max(2026, thisYear))
                        .boxed()
                        .toList());
        model.addAttribute("kinds", BuyerKind.values());
        model.addAttribute("provinceNames", catalog.provinceNames());
        model.addAttribute(
                "province",
                figures.provinceCode() == null
                        ? null
                        : units.getCurrent(figures.provinceCode()).fullName());
        return "trade/figures";
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Provinces and communes a form may choose (officers: their jurisdiction; producers: anywhere). */
    private void placeChoices(@Nullable String province, String commune, CurrentUser actor, Model model) {
        String chosen = province;
        if ((chosen == null || chosen.isBlank()) && !commune.isBlank()) {
            chosen = units.find(AdminEdition.CURRENT, commune.strip())
                    .map(AdminUnit::provinceCode)
                    .orElse(null);
        }
        List<AdminUnit> provinces;
        List<AdminUnit> communes;
        if (actor.role() == Role.PRODUCER) {
            provinces = units.list(AdminEdition.CURRENT, "province");
            communes = chosen == null || chosen.isBlank() ? List.of() : units.children(AdminEdition.CURRENT, chosen);
        } else {
            AreaChoices area = producers.areaChoices(actor, Action.EDIT_RECORDS, chosen);
            provinces = area.provinces();
            communes = area.communes();
            if (area.fixedProvince() != null) {
                chosen = area.fixedProvince().code();
            }
        }
        model.addAttribute("provinces", provinces);
        model.addAttribute("communes", communes);
        model.addAttribute("chosenProvince", chosen);
    }

    private static boolean valid(
            java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations, BindingResult binding) {
        FormErrors.add(binding, violations, path -> path);
        return !binding.hasErrors();
    }

    private void reject(BindingResult binding, OcopException e, Model model) {
        String message = problems.message(e.errorCode().messageKey(), e.arguments());
        String field = FIELDS.get(e.errorCode().code());
        if (field != null) {
            binding.rejectValue(field, e.errorCode().code(), message);
        } else {
            model.addAttribute("error", message);
        }
    }

    /** Refusals and unknown things become the error page; the rest is shown on the form. */
    private static void forbiddenOrNotFound(OcopException e) {
        if (FIELDS.containsKey(e.errorCode().code())) {
            return;
        }
        if (e.errorCode().kind() == vn.ocop.shared.ErrorKind.FORBIDDEN
                || e.errorCode().kind() == vn.ocop.shared.ErrorKind.NOT_FOUND) {
            throw e;
        }
    }

    private static final Map<String, String> FIELDS = Map.of(
            vn.ocop.geography.GeographyError.UNIT_NOT_FOUND.code(), "communeCode",
            vn.ocop.trade.TradeError.FAIR_DATES.code(), "endsOn");
}
