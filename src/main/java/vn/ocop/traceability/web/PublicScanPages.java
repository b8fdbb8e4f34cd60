package vn.ocop.traceability.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;
import vn.ocop.traceability.PublicTrace;
import vn.ocop.traceability.StampCode;
import vn.ocop.traceability.TraceabilityError;

/**
 * The public pages a buyer reaches from a stamp: the scan page {@code /t/{code}} (phone first, no login, no session
 * cookie, never cached: the certificate status is live), a lot's page {@code /t/l/{key}}, and {@code /t} to type a
 * code. An unknown or malformed code is a friendly 404 page that says what to do.
 */
@Controller
class PublicScanPages {

    private final PublicTrace trace;
    private final Problems problems;
    private final Clock clock;

    PublicScanPages(PublicTrace trace, Problems problems, Clock clock) {
        this.trace = trace;
        this.problems = problems;
        this.clock = clock;
    }

    /** The form to type a code; a typed code opens its scan page, anything else the not-found page. */
    @GetMapping("/t")
    String enter(
            @RequestParam(required = false) @Nullable String code,
            @RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent) {
        if (code == null || code.isBlank()) {
            return "traceability/enter-code";
        }
        StampCode typed = StampCode.parse(code).orElse(null);
        if (typed == null) {
            trace.scan(code, PublicTrace.Channel.PAGE, userAgent, null, null); // logs it and answers not found
        }
        return "redirect:/t/" + typed.text();
    }

    @GetMapping("/t/{code}")
    String scan(
            @PathVariable String code,
            @RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent,
            HttpServletResponse response,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        PublicTrace.StampScan scan = trace.scan(code, PublicTrace.Channel.PAGE, userAgent, null, null);
        model.addAttribute("scan", scan);
        model.addAttribute("lot", scan.lot());
        model.addAttribute("today", LocalDate.now(clock));
        return "traceability/scan";
    }

    @GetMapping("/t/l/{key}")
    String lot(@PathVariable String key, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-cache");
        model.addAttribute("lot", trace.lot(key));
        model.addAttribute("today", LocalDate.now(clock));
        return "traceability/scan";
    }

    /** Anything else under /t/ (a code with slashes, a mangled link) is not a code either: logged, then 404. */
    @GetMapping("/t/**")
    String other(
            HttpServletRequest request,
            @RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + "/t/".length());
        trace.scan(rest, PublicTrace.Channel.PAGE, userAgent, null, null);
        throw new OcopException(TraceabilityError.MALFORMED_CODE, rest);
    }

    @ExceptionHandler(OcopException.class)
    ModelAndView notFound(OcopException e) {
        HttpStatus status = Problems.status(e.errorCode().kind());
        ModelAndView page = new ModelAndView("traceability/not-found", status);
        page.addObject("detail", problems.message(e.errorCode().messageKey(), e.arguments()));
        page.addObject("code", e.errorCode().code());
        page.addObject("malformed", e.errorCode() == TraceabilityError.MALFORMED_CODE);
        return page;
    }
}
