package vn.ocop.certification.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.certification.Certification;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.web.RenderedPages;

/**
 * The public verification page a buyer reaches from a certificate's QR code ({@code /verify/{number}?s=…}) or by
 * typing a number: a certificate issued here (checked against its signed statements), an OCOP code from a label, or
 * the number of a rating recorded from a province's records, including numbers with {@code /} such as
 * {@code 1234/QĐ-UBND} (as {@code /verify?number=…}, or in the path unencoded; an encoded {@code %2F} is redirected
 * to the query form by {@link EncodedSlashRedirect}). Unknown numbers answer 404 with the form. Sessionless: nothing
 * here reads or writes the HTTP session.
 */
@Controller
class VerificationPages {

    private final Certification certification;
    private final RenderedPages pages;

    VerificationPages(Certification certification, RenderedPages pages) {
        this.certification = certification;
        this.pages = pages;
    }

    @GetMapping("/verify")
    Object form(@RequestParam(required = false) @Nullable String number, Model model, HttpServletResponse response) {
        if (number == null || number.isBlank()) {
            return "certification/verify";
        }
        return result(certification.lookup(number, null), model, response);
    }

    @GetMapping("/verify/{*number}")
    Object verify(
            @PathVariable String number,
            @RequestParam(name = "s", required = false) @Nullable String signature,
            Model model,
            HttpServletResponse response) {
        String query = number.startsWith("/") ? number.substring(1) : number;
        if (query.isBlank()) {
            return "certification/verify";
        }
        return result(certification.lookup(query, signature), model, response);
    }

    /** The public keys and certificates that check the platform's signatures, and how to check them. */
    @GetMapping("/verify/keys")
    String keys(Model model) {
        model.addAttribute("keys", certification.publishedKeys());
        return "certification/keys";
    }

    /** A new statement signing key (system administrators; the service refuses everyone else). */
    @PostMapping("/admin/certificate-keys/rotation")
    String rotate(CurrentUser actor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("rotated", certification.rotateKey(actor));
        return "redirect:/verify/keys";
    }

    /**
     * The page of a verification: looked up live on every request, its HTML rendered once per verification's content
     * (the certificate's facts, status and signature check) and language, then served from memory. Not-found pages
     * (any text typed) are rendered each time.
     */
    private Object result(Certification.Verification verification, Model model, HttpServletResponse response) {
        model.addAttribute("verification", verification);
        if (verification.kind() == Certification.Verification.Kind.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "certification/verify";
        }
        return pages.page("certification/verify", verification);
    }
}
