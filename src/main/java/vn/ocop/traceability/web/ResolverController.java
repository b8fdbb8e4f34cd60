package vn.ocop.traceability.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;
import vn.ocop.traceability.DigitalLink;
import vn.ocop.traceability.Gs1Resolver;
import vn.ocop.traceability.StampLinks;
import vn.ocop.traceability.TraceabilityError;

/**
 * The GS1-conformant resolver for the platform's Digital Link URIs ({@code /01/{gtin}[/10/{lot}][/21/{serial}]}):
 * a plain request is redirected (307) to the default link, {@code ?linkType=X} to the link of that type, and
 * {@code ?linkType=linkset} (or {@code all}, or {@code Accept: application/linkset+json}) answers the RFC 9264 linkset.
 * Redirects carry the linkset's address in a {@code Link} header and pass the request's other query parameters on.
 * Syntax errors are 400, unknown items and link types 404: problem JSON, or a page for browsers. GET, HEAD and OPTIONS,
 * CORS open to every origin, and the resolver description at {@code /.well-known/gs1resolver}.
 */
@Controller
@CrossOrigin(
        origins = "*",
        methods = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS},
        exposedHeaders = {HttpHeaders.LINK, HttpHeaders.LOCATION})
class ResolverController {

    static final MediaType LINKSET = MediaType.parseMediaType("application/linkset+json");

    private final Gs1Resolver resolver;
    private final StampLinks links;
    private final Problems problems;

    ResolverController(Gs1Resolver resolver, StampLinks links, Problems problems) {
        this.resolver = resolver;
        this.links = links;
        this.problems = problems;
    }

    @RequestMapping(
            value = {"/01/**"},
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> resolve(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String linkType,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DigitalLink link = DigitalLink.parsePath(path);
        Gs1Resolver.Resolution resolution = resolver.resolve(link, userAgent);
        String uri = link.uri(links.base());
        boolean linkset = "linkset".equals(linkType)
                || "all".equals(linkType)
                || (linkType == null && accept != null && accept.contains("application/linkset+json"));
        if (linkset) {
            return ResponseEntity.ok()
                    .contentType(LINKSET)
                    .header(
                            HttpHeaders.LINK,
                            "<" + Gs1Resolver.LINKSET_CONTEXT
                                    + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"")
                    .cacheControl(CacheControl.noCache())
                    .body(resolution.linkset());
        }
        Gs1Resolver.Link target = linkType == null || linkType.isBlank()
                ? resolution.defaultLink()
                : resolution
                        .link(Gs1Resolver.linkType(linkType))
                        .orElseThrow(() -> new OcopException(TraceabilityError.LINK_TYPE_UNAVAILABLE, linkType));
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(target.href());
        request.getParameterMap().forEach((name, values) -> {
            if (!"linkType".equals(name)) {
                location.queryParam(name, (Object[]) values);
            }
        });
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                .location(URI.create(location.encode().build().toUriString()))
                .header(
                        HttpHeaders.LINK,
                        "<" + uri + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"")
                .cacheControl(CacheControl.noCache())
                .build();
    }

    /** The resolver description file of the GS1-Conformant Resolver standard. */
    @GetMapping(value = "/.well-known/gs1resolver", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", "Nền tảng OCOP · OCOP Platform");
        description.put("resolverRoot", links.base());
        description.put("supportedPrimaryKeys", List.of("01"));
        description.put("supportedLinkType", List.of(Map.of("namespace", Gs1Resolver.VOC, "prefix", "gs1:")));
        description.put("linkTypeDefaultCanBeLinkset", false);
        description.put("supportedContextValuesEnumerated", List.of());
        return description;
    }

    /** Errors: problem JSON for programs, the not-found page for browsers. */
    @ExceptionHandler(OcopException.class)
    Object failed(OcopException e, HttpServletRequest request) {
        HttpStatus status = Problems.status(e.errorCode().kind());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            ModelAndView page = new ModelAndView("traceability/not-found", status);
            page.addObject("detail", problems.message(e.errorCode().messageKey(), e.arguments()));
            page.addObject("code", e.errorCode().code());
            return page;
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(e.errorCode(), e.arguments()));
    }
}
