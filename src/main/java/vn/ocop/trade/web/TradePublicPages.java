package vn.ocop.trade.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogProduct;
import vn.ocop.catalog.PublicCaching;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.Classification;
import vn.ocop.product.ClassificationTree;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.abuse.FormGuard;
import vn.ocop.shared.abuse.RateLimits;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;
import vn.ocop.trade.BuyerInquiries;
import vn.ocop.trade.BuyerKind;
import vn.ocop.trade.Fair;
import vn.ocop.trade.Fairs;
import vn.ocop.trade.PointOfSale;
import vn.ocop.trade.PointsOfSale;
import vn.ocop.trade.TradeError;

/**
 * The public side of trade promotion: points of sale, the fairs calendar, and the buyer's inquiry form with the
 * buyer's private page. No login, no session; lists and details are cacheable like the catalog's pages.
 */
@Controller
class TradePublicPages {

    static final int PAGE_SIZE = 20;
    static final String PURPOSE = "inquiry";

    /** Attempts (accepted or not) per client address and hour. */
    static final RateLimits.Limit ATTEMPTS = new RateLimits.Limit("inquiry-attempts", 30, Duration.ofHours(1));

    private static final Map<String, String> FIELD_OF = Map.of(
            TradeError.CATEGORY_INCOMPLETE.code(), "criteriaSetNo",
            TradeError.NO_PRODUCERS_FOR_CATEGORY.code(), "criteriaSetNo");

    private final PointsOfSale points;
    private final Fairs fairs;
    private final BuyerInquiries inquiries;
    private final Catalog catalog;
    private final PublicCaching caching;
    private final AdminUnits units;
    private final Classification classification;
    private final FormGuard guard;
    private final RateLimits limits;
    private final Problems problems;
    private final Validator validator;

    TradePublicPages(
            PointsOfSale points,
            Fairs fairs,
            BuyerInquiries inquiries,
            Catalog catalog,
            PublicCaching caching,
            AdminUnits units,
            Classification classification,
            FormGuard guard,
            RateLimits limits,
            Problems problems,
            Validator validator) {
        this.points = points;
        this.fairs = fairs;
        this.inquiries = inquiries;
        this.catalog = catalog;
        this.caching = caching;
        this.units = units;
        this.classification = classification;
        this.guard = guard;
        this.limits = limits;
        this.problems = problems;
        this.validator = validator;
    }

    @GetMapping("/points-of-sale")
    @Nullable
    String points(
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            WebRequest request,
            HttpServletResponse response,
            Model model) {
        if (caching.notModified(request, response, "points")) {
            return null;
        }
        String text = q == null || q.isBlank()
                ? null
                : q.strip().substring(0, Math.min(100, q.strip().length()));
        PageResult<PointOfSale> result = points.search(province, text, Math.max(0, Math.min(page, 1000)), PAGE_SIZE);
        String query = UriComponentsBuilder.newInstance()
                .queryParamIfPresent(
                        "province", Optional.ofNullable(province == null || province.isBlank() ? null : province))
                .queryParamIfPresent("q", Optional.ofNullable(text))
                .encode()
                .build()
                .getQuery();
        model.addAttribute("result", result);
        model.addAttribute("province", province);
        model.addAttribute("q", text);
        model.addAttribute("provinces", units.list(AdminEdition.CURRENT, "province"));
        model.addAttribute("pageUrl", "/points-of-sale" + (query == null ? "" : "?" + query));
        return "trade/points";
    }

    @GetMapping("/points-of-sale/{id}")
    @Nullable
    String point(@PathVariable long id, WebRequest request, HttpServletResponse response, Model model) {
        PointOfSale point = points.publicPoint(id);
        if (caching.notModified(request, response, "point")) {
            return null;
        }
        model.addAttribute("point", point);
        CurrentUser user = CurrentUser.current();
        if (user != null && user.role() == Role.PRODUCER && user.producerId() != null) {
            // A producer declares here which of its listed products are sold at this point.
            model.addAttribute("ownProducts", catalog.productsOf(user.producerId()));
        }
        model.addAttribute("mayManage", user != null && points.mayManage(point, user));
        return "trade/point";
    }

    @GetMapping("/fairs")
    @Nullable
    String fairs(
            @RequestParam(defaultValue = "false") boolean past,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(defaultValue = "0") int page,
            WebRequest request,
            HttpServletResponse response,
            Model model) {
        if (caching.notModified(request, response, "fairs")) {
            return null;
        }
        PageResult<Fair> result = fairs.calendar(past, province, Math.max(0, Math.min(page, 1000)), PAGE_SIZE);
        String query = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("past", Optional.ofNullable(past ? "true" : null))
                .queryParamIfPresent(
                        "province", Optional.ofNullable(province == null || province.isBlank() ? null : province))
                .encode()
                .build()
                .getQuery();
        model.addAttribute("result", result);
        model.addAttribute("past", past);
        model.addAttribute("province", province);
        model.addAttribute("provinces", units.list(AdminEdition.CURRENT, "province"));
        model.addAttribute("pageUrl", "/fairs" + (query == null ? "" : "?" + query));
        model.addAttribute("today", catalog.today());
        return "trade/fairs";
    }

    @GetMapping("/fairs/{id}")
    @Nullable
    String fair(@PathVariable long id, WebRequest request, HttpServletResponse response, Model model) {
        Fair fair = fairs.get(id);
        if (caching.notModified(request, response, "fair")) {
            return null;
        }
        CurrentUser user = CurrentUser.current();
        model.addAttribute("fair", fair);
        model.addAttribute("today", catalog.today());
        model.addAttribute("mayManage", user != null && fairs.mayManage(fair, user));
        model.addAttribute("ownProducer", user != null && user.role() == Role.PRODUCER ? user.producerId() : null);
        return "trade/fair";
    }

    @GetMapping("/buyer-inquiries/new")
    String inquiryForm(
            @RequestParam(required = false) @Nullable Long product,
            @RequestParam(required = false) @Nullable Integer criteriaSet,
            @RequestParam(required = false) @Nullable String province,
            HttpServletResponse response,
            Model model) {
        TradeForms.InquiryForm form = new TradeForms.InquiryForm();
        if (product != null) {
            catalog.product(product)
                    .orElseThrow(() -> new OcopException(vn.ocop.catalog.CatalogError.PRODUCT_NOT_FOUND, product));
            form.setProductId(product);
        }
        form.setCriteriaSetNo(criteriaSet);
        form.setProvinceCode(province);
        return inquiryPage(form, guard.issue(PURPOSE), response, model);
    }

    @PostMapping("/buyer-inquiries")
    String sendInquiry(
            @ModelAttribute("form") TradeForms.InquiryForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String formToken,
            @RequestParam(name = FormGuard.HONEYPOT, required = false) @Nullable String honeypot,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FormGuard.Challenge challenge = guard.reissue(PURPOSE, formToken);
        try {
            limits.attempt(ATTEMPTS, request.getRemoteAddr());
            guard.verify(PURPOSE, formToken, honeypot, null, false);
            FormErrors.add(binding, validator.validate(form.request()), path -> path);
            if (!binding.hasErrors()) {
                String token = inquiries.send(form.request(), request.getRemoteAddr());
                return "redirect:/buyer-inquiries/" + token + "?sent";
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (OcopException e) {
            String message = problems.message(e.errorCode().messageKey(), e.arguments());
            String field = FIELD_OF.get(e.errorCode().code());
            if (field != null) {
                binding.rejectValue(field, e.errorCode().code(), message);
            } else {
                model.addAttribute("error", message);
            }
            if (e.errorCode() == CommonError.FORM_EXPIRED) {
                challenge = null;
            }
            if (e.errorCode() == TradeError.PRODUCT_NOT_LISTED) {
                form.setProductId(null);
            }
            response.setStatus(Problems.status(e.errorCode().kind()).value());
        }
        return inquiryPage(form, challenge == null ? guard.issue(PURPOSE) : challenge, response, model);
    }

    @GetMapping("/buyer-inquiries/{token}")
    String buyerPage(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String sent,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        model.addAttribute("inquiry", inquiries.forBuyer(token));
        model.addAttribute("sent", sent != null);
        return "trade/buyer-inquiry";
    }

    private String inquiryPage(
            TradeForms.InquiryForm form, FormGuard.Challenge challenge, HttpServletResponse response, Model model) {
        PublicCaching.noStore(response);
        CatalogProduct product = form.getProductId() == null
                ? null
                : catalog.product(form.getProductId()).orElse(null);
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("kinds", BuyerKind.values());
        model.addAttribute("tree", ClassificationTree.of(classification.criteriaSets()));
        model.addAttribute("provinces", units.list(AdminEdition.CURRENT, "province"));
        model.addAttribute("challenge", challenge);
        model.addAttribute("question", "");
        return "trade/inquiry-form";
    }
}
