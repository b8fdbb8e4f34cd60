package vn.ocop.certification.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.certification.Certification;

/**
 * The public verification page a buyer reaches from a certificate's QR code. An unknown number is a 404 page; a
 * signature that is not the certificate's own (a forged QR or paper) is reported as invalid, never as valid.
 */
@Controller
class VerificationPages {

    private final Certification certification;

    VerificationPages(Certification certification) {
        this.certification = certification;
    }

    @GetMapping("/verify/{number}")
    String verify(
            @PathVariable String number,
            @RequestParam(name = "s", required = false) @Nullable String signature,
            Model model) {
        Certification.PublicCertificate certificate = certification.verify(number);
        boolean signatureOk = certificate.authentic()
                && (signature == null || certification.signatureMatches(certificate.number(), signature));
        model.addAttribute("certificate", certificate);
        model.addAttribute("genuine", signatureOk);
        model.addAttribute("checkedSignature", signature != null);
        return "certification/verify";
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) @Nullable String number) {
        if (number != null && !number.isBlank()) {
            return "redirect:/verify/"
                    + org.springframework.web.util.UriUtils.encodePathSegment(
                            number.strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "certification/verify-form";
    }
}
