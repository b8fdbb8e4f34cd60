package vn.ocop.traceability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.PublicTrace.PublicLot;

/**
 * Resolves GS1 Digital Link URIs the way a GS1-Conformant resolver does (GS1-Conformant Resolver Standard 1.x): each
 * level of the request URI (serial, lot, GTIN) has its links, typed with the GS1 Web Vocabulary; the default link of
 * the most specific level is where a plain request is redirected; {@code linkType=linkset} (or {@code all}, or an
 * {@code Accept: application/linkset+json}) gets every level's links as an RFC 9264 linkset. Links: the scan page or
 * the lot's page as the product information page ({@code gs1:pip}) and default, the certificate's verification page
 * ({@code gs1:certificationInfo}), the lot's EPCIS events ({@code gs1:traceability}) and, for a recalled lot, the
 * recall notice ({@code gs1:recallStatus}). Unknown GTIN, lot or serial: {@code TRC-021} (404).
 */
@Service
public class Gs1Resolver {

    /** The GS1 Web Vocabulary namespace; link types are written as full URIs in linksets. */
    public static final String VOC = "https://ref.gs1.org/voc/";

    public static final String DEFAULT_LINK = VOC + "defaultLink";
    public static final String PIP = VOC + "pip";
    public static final String CERTIFICATION_INFO = VOC + "certificationInfo";
    public static final String TRACEABILITY = VOC + "traceability";
    public static final String RECALL_STATUS = VOC + "recallStatus";

    /** The JSON-LD context that turns a GS1 linkset into linked data (GS1-Conformant Resolver artefacts). */
    public static final String LINKSET_CONTEXT = "https://ref.gs1.org/standards/resolver/linkset-context";

    /**
     * One link. {@code type} and {@code hreflang} are left out of default links, as the standard wants.
     */
    public record Link(
            String href,
            String title,
            @Nullable String type,
            @Nullable List<String> hreflang) {}

    /** The links of one level of the request URI. */
    public record Level(String anchor, String description, Map<String, List<Link>> links) {}

    /** Every level, the most specific first. */
    public record Resolution(List<Level> levels) {

        /** The default link of the most specific level. */
        public Link defaultLink() {
            return levels.get(0).links().get(DEFAULT_LINK).get(0);
        }

        /** The link of a type at the most specific level that has one. */
        public Optional<Link> link(String linkType) {
            for (Level level : levels) {
                List<Link> links = level.links().get(linkType);
                if (links != null && !links.isEmpty()) {
                    return Optional.of(links.get(0));
                }
            }
            return Optional.empty();
        }

        /** The RFC 9264 linkset in JSON, in the shape of the GS1 linkset schema. */
        public Map<String, Object> linkset() {
            List<Map<String, Object>> sets = new ArrayList<>();
            for (Level level : levels) {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("anchor", level.anchor());
                set.put("description", level.description());
                level.links()
                        .forEach((type, links) -> set.put(
                                type,
                                links.stream()
                                        .map(link -> {
                                            Map<String, Object> target = new LinkedHashMap<>();
                                            target.put("href", link.href());
                                            target.put("title", link.title());
                                            if (link.type() != null) {
                                                target.put("type", link.type());
                                            }
                                            if (link.hreflang() != null) {
                                                target.put("hreflang", link.hreflang());
                                            }
                                            return target;
                                        })
                                        .toList()));
                sets.add(set);
            }
            return Map.of("linkset", sets);
        }
    }

    private final PublicTrace trace;
    private final StampLinks links;
    private final MessageSource messages;

    Gs1Resolver(PublicTrace trace, StampLinks links, MessageSource messages) {
        this.trace = trace;
        this.links = links;
        this.messages = messages;
    }

    /**
     * The links of a Digital Link URI. A serial that is no stamp of the lot is logged (a copied label is a counterfeit
     * signal) and answered {@code TRC-021}.
     */
    public Resolution resolve(DigitalLink request, @Nullable String userAgent) {
        String uri = request.uri(links.base());
        if (request.serial() != null) {
            Optional<PublicLot> lot =
                    request.lot() == null ? Optional.empty() : trace.lotOf(request.gtin(), request.lot());
            Optional<StampCode> code = StampCode.parse(request.serial());
            if (lot.isEmpty()
                    || code.isEmpty()
                    || !code.get().text().equals(request.serial())
                    || !trace.stampOfLot(code.get(), lot.get().key())) {
                trace.logUnknownSerial(request.serial(), request.gtin(), request.lot(), userAgent);
                throw unknown(uri);
            }
            PublicLot found = lot.get();
            List<Level> levels = new ArrayList<>();
            levels.add(stampLevel(uri, found, code.get()));
            levels.add(lotLevel(request.parent().uri(links.base()), found));
            levels.add(gtinLevel(new DigitalLink(request.gtin(), null, null).uri(links.base()), found));
            return new Resolution(levels);
        }
        if (request.lot() != null) {
            PublicLot lot = trace.lotOf(request.gtin(), request.lot()).orElseThrow(() -> unknown(uri));
            return new Resolution(List.of(
                    lotLevel(uri, lot), gtinLevel(new DigitalLink(request.gtin(), null, null).uri(links.base()), lot)));
        }
        PublicLot newest = trace.newestLotOf(request.gtin()).orElseThrow(() -> unknown(uri));
        return new Resolution(List.of(gtinLevel(uri, newest)));
    }

    /**
     * The full link type URI of a {@code linkType} parameter: a GS1 CURIE ({@code gs1:pip}), a GS1 Web Vocabulary URI
     * (old {@code https://gs1.org/voc/} or current {@code https://ref.gs1.org/voc/} namespace) or a bare term.
     */
    public static String linkType(String requested) {
        String term = requested.strip();
        for (String prefix :
                new String[] {"gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/", VOC, "https://www.gs1.org/voc/"}) {
            if (term.startsWith(prefix)) {
                return VOC + term.substring(prefix.length());
            }
        }
        return term.contains(":") ? term : VOC + term;
    }

    private Level stampLevel(String anchor, PublicLot lot, StampCode code) {
        Map<String, List<Link>> links = new LinkedHashMap<>();
        String page = this.links.scanPage(code);
        links.put(DEFAULT_LINK, List.of(new Link(page, text("trace.link.scan"), null, null)));
        links.put(PIP, List.of(html(page, "trace.link.scan")));
        common(links, lot, page);
        return new Level(anchor, lot.product().name() + " · " + lot.lotNumber() + " · " + code.grouped(), links);
    }

    private Level lotLevel(String anchor, PublicLot lot) {
        Map<String, List<Link>> links = new LinkedHashMap<>();
        links.put(DEFAULT_LINK, List.of(new Link(lot.pageUrl(), text("trace.link.lot"), null, null)));
        links.put(PIP, List.of(html(lot.pageUrl(), "trace.link.lot")));
        common(links, lot, lot.pageUrl());
        return new Level(anchor, lot.product().name() + " · " + lot.lotNumber(), links);
    }

    /** A GTIN alone: the certificate's page when the platform issued it, else the newest lot's page. */
    private Level gtinLevel(String anchor, PublicLot newest) {
        Map<String, List<Link>> links = new LinkedHashMap<>();
        String verify = newest.certificate().verifyUrl();
        links.put(
                DEFAULT_LINK,
                List.of(
                        verify != null
                                ? new Link(verify, text("trace.link.certificate"), null, null)
                                : new Link(newest.pageUrl(), text("trace.link.lot"), null, null)));
        links.put(PIP, List.of(html(newest.pageUrl(), "trace.link.lot")));
        links.put(
                CERTIFICATION_INFO, List.of(html(certificatePage(newest, newest.pageUrl()), "trace.link.certificate")));
        return new Level(anchor, newest.product().name(), links);
    }

    /**
     * Where the certificate is shown: the certification module's verification page for a certificate issued on the
     * platform; for a paper certificate recorded on the product, the certificate section of the page.
     */
    private static String certificatePage(PublicLot lot, String page) {
        String verify = lot.certificate().verifyUrl();
        return verify != null ? verify : page + "#certificate";
    }

    private void common(Map<String, List<Link>> links, PublicLot lot, String page) {
        links.put(CERTIFICATION_INFO, List.of(html(certificatePage(lot, page), "trace.link.certificate")));
        links.put(
                TRACEABILITY,
                List.of(new Link(lot.eventsUrl(), text("trace.link.events"), EpcisExport.MEDIA_TYPE, null)));
        if (lot.status() == LotStatus.RECALLED) {
            links.put(RECALL_STATUS, List.of(html(page, "trace.link.recall")));
        }
    }

    private Link html(String href, String titleKey) {
        return new Link(href, text(titleKey), "text/html", List.of(language()));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "en" : "vi";
    }

    private static OcopException unknown(String uri) {
        return new OcopException(TraceabilityError.DIGITAL_LINK_UNKNOWN, uri);
    }
}
