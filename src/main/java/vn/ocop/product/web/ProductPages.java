package vn.ocop.product.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.AreaChoices;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.Classification;
import vn.ocop.product.ClassificationTree;
import vn.ocop.product.PhotoError;
import vn.ocop.product.PhotoFile;
import vn.ocop.product.ProductError;
import vn.ocop.product.ProductPhotos;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.ProductSummary;
import vn.ocop.product.ProductView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.PageResult;
import vn.ocop.shared.web.FormErrors;
import vn.ocop.shared.web.Problems;

/**
 * Product pages: the list (live search and filters), detail with photos, registration and edit forms, photo upload,
 * serving and removal. Authorization is the services' (403/404 become the error page).
 */
@Controller
@RequestMapping("/products")
class ProductPages {

    static final int PAGE_SIZE = 20;
    private static final Pattern PHOTO_UPLOAD = Pattern.compile(".*/products/(\\d+)/photos/?");

    private final ProductRegistry registry;
    private final ProductPhotos photos;
    private final ProducerRegistry producers;
    private final Classification classification;
    private final AdminUnits units;
    private final Problems problems;
    private final Validator validator;
    private final Clock clock;

    ProductPages(
            ProductRegistry registry,
            ProductPhotos photos,
            ProducerRegistry producers,
            Classification classification,
            AdminUnits units,
            Problems problems,
            Validator validator,
            Clock clock) {
        this.registry = registry;
        this.photos = photos;
        this.producers = producers;
        this.classification = classification;
        this.units = units;
        this.problems = problems;
        this.validator = validator;
        this.clock = clock;
    }

    /** Prices in đồng are whole numbers; "85.000", "85 000 đ" and "85000" all mean 85000. */
    @InitBinder("form")
    void prices(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(@Nullable String text) {
                String digits =
                        text == null ? "" : text.replaceAll("[\\s.,đ₫]", "").replace("VND", "");
                setValue(digits.isEmpty() ? null : new BigDecimal(digits));
            }

            @Override
            public String getAsText() {
                return getValue() instanceof BigDecimal value
                        ? value.stripTrailingZeros().toPlainString()
                        : "";
            }
        });
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable Integer criteriaSet,
            @RequestParam(required = false) @Nullable Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable Long producer,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            CurrentUser actor,
            Model model) {
        String text = q == null
                ? null
                : q.strip().substring(0, Math.min(200, q.strip().length()));
        AreaChoices area = producers.areaChoices(actor, Action.VIEW_RECORDS, province);
        String selectedProvince =
                area.fixedProvince() != null ? area.fixedProvince().code() : blankToNull(province);
        String selectedCommune = area.communes().stream()
                .map(vn.ocop.geography.AdminUnit::code)
                .filter(code -> code.equals(blankToNull(commune)))
                .findFirst()
                .orElse(null);
        String selectedGroup = blankToNull(group);
        Integer set =
                criteriaSet != null && classification.criteriaSet(criteriaSet).isPresent() ? criteriaSet : null;
        Integer star = stars != null && stars >= 0 && stars <= 5 ? stars : null;
        PageResult<ProductSummary> result = registry.search(
                new ProductQuery(
                        text,
                        selectedProvince,
                        selectedCommune,
                        set,
                        selectedGroup,
                        star,
                        producerType,
                        producer,
                        status),
                Math.max(0, Math.min(page, 100_000)),
                PAGE_SIZE,
                actor);
        String filters = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", Optional.ofNullable(blankToNull(text)))
                .queryParamIfPresent("province", Optional.ofNullable(area.provinceFixed() ? null : selectedProvince))
                .queryParamIfPresent("commune", Optional.ofNullable(area.communeFixed() ? null : selectedCommune))
                .queryParamIfPresent("group", Optional.ofNullable(selectedGroup))
                .queryParamIfPresent("criteriaSet", Optional.ofNullable(set))
                .queryParamIfPresent("stars", Optional.ofNullable(star))
                .queryParamIfPresent("producerType", Optional.ofNullable(producerType))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("producer", Optional.ofNullable(producer))
                .encode()
                .build()
                .getQuery();
        String query = filters == null ? "" : filters;
        model.addAttribute("q", text);
        model.addAttribute("area", area);
        model.addAttribute("province", selectedProvince);
        model.addAttribute("commune", selectedCommune);
        model.addAttribute("group", selectedGroup);
        model.addAttribute("criteriaSet", set);
        model.addAttribute("stars", star);
        model.addAttribute("producerType", producerType);
        model.addAttribute("status", status);
        model.addAttribute("producer", producer);
        model.addAttribute("tree", ClassificationTree.of(classification.criteriaSets()));
        model.addAttribute("legalTypes", LegalType.values());
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("result", result);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("pageUrl", "/products" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("exportQuery", query.isEmpty() ? "" : "?" + query);
        model.addAttribute("mayRegister", mayRegister(actor));
        model.addAttribute("mayImport", producers.mayRegister(actor));
        model.addAttribute("mayExport", actor.role() != Role.PRODUCER);
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "products/list :: results" : "products/list";
    }

    /** The products of one producer, for its detail page (loaded by htmx). */
    @GetMapping("/of-producer/{producerId}")
    String ofProducer(@PathVariable long producerId, CurrentUser actor, Model model) {
        ProducerView producer = producers.get(producerId, actor);
        model.addAttribute("producer", producer);
        model.addAttribute(
                "result",
                registry.search(
                        new ProductQuery(null, null, null, null, null, null, null, producerId, null), 0, 50, actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "products/of-producer :: products";
    }

    @GetMapping("/new")
    String newProduct(
            @RequestParam(required = false) @Nullable Long producer,
            @RequestParam(required = false) @Nullable String producerQuery,
            CurrentUser actor,
            Model model) {
        if (!mayRegister(actor)) {
            throw OcopException.forbidden();
        }
        ProductForm form = new ProductForm();
        Long fixed = actor.role() == Role.PRODUCER ? actor.producerId() : producer;
        if (fixed != null) {
            ProducerView chosen = producers.get(fixed, actor);
            if (!producers.mayEdit(chosen, actor)) {
                throw OcopException.forbidden();
            }
            form.setProducerId(chosen.id());
        }
        return form(form, null, fixed != null, producerQuery, actor, model);
    }

    /** Producer choices for the new-product form, matching what was typed (htmx). */
    @GetMapping("/producer-options")
    String producerOptions(@RequestParam(defaultValue = "") String producerQuery, CurrentUser actor, Model model) {
        model.addAttribute("producerChoices", producerChoices(producerQuery, actor));
        model.addAttribute("selectedProducer", null);
        return "products/form :: producerOptions";
    }

    @PostMapping
    String register(
            @ModelAttribute("form") ProductForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!mayRegister(actor)) {
            throw OcopException.forbidden();
        }
        if (actor.role() == Role.PRODUCER) {
            form.setProducerId(actor.producerId());
        }
        if (validate(form, binding)) {
            try {
                ProductView created = registry.register(form.details(), actor);
                redirect.addFlashAttribute("saved", "product.registered");
                return "redirect:/products/" + created.id();
            } catch (OcopException e) {
                reject(binding, e, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, null, false, null, actor, model);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, CurrentUser actor, Model model) {
        ProductView product = registry.get(id, actor);
        model.addAttribute("product", product);
        model.addAttribute("photos", photos.list(id, actor));
        model.addAttribute("mayEdit", registry.mayEdit(product, actor));
        model.addAttribute("maxPhotos", ProductPhotos.MAX_PHOTOS);
        model.addAttribute("maxPhotoMegabytes", photos.maxPhotoMegabytes());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute(
                "commune",
                units.find(AdminEdition.CURRENT, product.communeCode()).orElse(null));
        model.addAttribute(
                "province",
                units.find(AdminEdition.CURRENT, product.provinceCode()).orElse(null));
        return "products/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, CurrentUser actor, Model model) {
        ProductView product = registry.get(id, actor);
        if (!registry.mayEdit(product, actor)) {
            throw OcopException.forbidden();
        }
        return form(ProductForm.of(product), product, true, null, actor, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProductForm form,
            BindingResult binding,
            CurrentUser actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProductView current = registry.get(id, actor);
        // Products do not change hands; the producer is not part of the edit form.
        form.setProducerId(current.producerId());
        if (form.getVersion() == null) {
            binding.reject("invalid", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
        }
        if (validate(form, binding)) {
            try {
                registry.update(id, form.details(), form.getVersion(), actor);
                redirect.addFlashAttribute("saved", "product.updated");
                return "redirect:/products/" + id;
            } catch (OptimisticLockingFailureException e) {
                // Someone saved first: show what is stored now and what this user typed; never overwrite.
                ProductView now = registry.get(id, actor);
                ProductForm stored = ProductForm.of(now);
                model.addAttribute("conflict", problems.message(CommonError.CONCURRENT_MODIFICATION.messageKey()));
                model.addAttribute("attempted", form.differencesFrom(stored));
                model.addAttribute("form", stored);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return form(stored, now, true, null, actor, model);
            } catch (OcopException e) {
                reject(binding, e, model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, current, true, null, actor, model);
    }

    @PostMapping("/{id}/photos")
    String uploadPhoto(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            CurrentUser actor,
            RedirectAttributes redirect)
            throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            photos.add(id, name, content, actor);
            redirect.addFlashAttribute("photoSaved", true);
        } catch (OcopException e) {
            if (!(e.errorCode() instanceof PhotoError)) {
                throw e;
            }
            redirect.addFlashAttribute(
                    "photoError", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/products/" + id + "#photos";
    }

    /**
     * An upload above the multipart limit never reaches {@link #uploadPhoto}: back to the product page with the same
     * friendly message as a photo above the photo limit.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(HttpServletRequest request) {
        Matcher upload = PHOTO_UPLOAD.matcher(request.getRequestURI());
        if (!upload.matches()) {
            throw new OcopException(CommonError.PAYLOAD_TOO_LARGE);
        }
        RequestContextUtils.getOutputFlashMap(request)
                .put("photoError", problems.message(CommonError.PAYLOAD_TOO_LARGE.messageKey()));
        return "redirect:/products/" + upload.group(1) + "#photos";
    }

    @PostMapping("/{id}/photos/{photoId}/delete")
    String deletePhoto(
            @PathVariable long id, @PathVariable long photoId, CurrentUser actor, RedirectAttributes redirect) {
        photos.remove(id, photoId, actor);
        redirect.addFlashAttribute("photoRemoved", true);
        return "redirect:/products/" + id + "#photos";
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(
            @PathVariable long id, @PathVariable long photoId, CurrentUser actor, WebRequest request) {
        return PhotoResponses.of(photos.file(id, photoId, PhotoFile.Variant.ORIGINAL, actor), request);
    }

    @GetMapping("/{id}/photos/{photoId}/thumbnail")
    ResponseEntity<Resource> thumbnail(
            @PathVariable long id, @PathVariable long photoId, CurrentUser actor, WebRequest request) {
        return PhotoResponses.of(photos.file(id, photoId, PhotoFile.Variant.THUMBNAIL, actor), request);
    }

    private String form(
            ProductForm form,
            @Nullable ProductView product,
            boolean producerFixed,
            @Nullable String producerQuery,
            CurrentUser actor,
            Model model) {
        model.addAttribute("form", form.withLinkRows());
        model.addAttribute("product", product);
        Long producerId = form.getProducerId();
        model.addAttribute(
                "selectedProducer",
                producerId == null
                        ? null
                        : producers
                                .lookup(producerId)
                                .filter(p -> producers.mayEdit(p, actor))
                                .orElse(null));
        boolean fixed = producerFixed || actor.role() == Role.PRODUCER;
        model.addAttribute("producerFixed", fixed);
        model.addAttribute("producerQuery", producerQuery);
        model.addAttribute("producerChoices", fixed ? List.of() : producerChoices(producerQuery, actor));
        model.addAttribute("tree", ClassificationTree.of(classification.criteriaSets()));
        model.addAttribute("legacyClasses", classification.legacyClasses());
        model.addAttribute("statuses", ProductStatus.values());
        return "products/form";
    }

    private List<ProducerView> producerChoices(@Nullable String text, CurrentUser actor) {
        String query = text == null
                ? null
                : text.strip().substring(0, Math.min(100, text.strip().length()));
        return producers.search(new ProducerQuery(query, null, null, null, null), 0, 50, actor).items().stream()
                .filter(p -> producers.mayEdit(p, actor))
                .toList();
    }

    private boolean mayRegister(CurrentUser actor) {
        return actor.role() == Role.PRODUCER ? actor.producerId() != null : producers.mayRegister(actor);
    }

    private boolean validate(ProductForm form, BindingResult binding) {
        FormErrors.add(binding, validator.validate(form.details()), form::fieldOf);
        return !binding.hasErrors();
    }

    /** Shows a business error next to the field it is about, or above the form. */
    private void reject(BindingResult binding, OcopException e, Model model) {
        String message = problems.message(e.errorCode().messageKey(), e.arguments());
        String field = FIELD_OF.get(e.errorCode().code());
        if (field != null) {
            binding.rejectValue(field, e.errorCode().code(), message);
        } else {
            model.addAttribute("error", message);
        }
    }

    private static final Map<String, String> FIELD_OF = Map.of(
            ProductError.UNKNOWN_CRITERIA_SET.code(), "criteriaSetNo",
            ProductError.UNKNOWN_LEGACY_CLASS.code(), "legacyClass",
            ProductError.DUPLICATE_NAME.code(), "name",
            ProductError.PRICE_RANGE.code(), "priceMax",
            ProductError.PRODUCER_NOT_FOUND.code(), "producerId");

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
