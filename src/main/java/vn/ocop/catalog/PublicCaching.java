package vn.ocop.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopClock;

/**
 * Validators and cache headers for public pages and the public API, so that a reverse proxy or CDN can keep them and
 * still never show a withdrawn certificate (docs/decisions/0021): {@code Cache-Control: public, no-cache} (store, but
 * ask the application before every use) with an ETag made of the catalog's version, the day (a certificate ends at
 * midnight), the language and the view, and a {@code Last-Modified}. Revalidating costs one indexed read and answers
 * 304 without rendering anything; a revocation, suspension or expiry changes the version in its own transaction, so
 * the next revalidation after it gets the new page. Signed-in users see their own menu: {@code private}.
 */
@Component
public class PublicCaching {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Catalog catalog;

    PublicCaching(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Sets the validators and cache headers of a public GET for the current catalog version; true when the client's
     * copy is current, in which case the response is already a 304 and nothing is to be rendered.
     *
     * @param view what distinguishes this response among those of the same URL (e.g. {@code "html"}, {@code "htmx"},
     *     {@code "json"}), part of the ETag
     */
    public boolean notModified(WebRequest request, HttpServletResponse response, String view) {
        Catalog.Version version = catalog.version();
        LocalDate today = catalog.today();
        CurrentUser user = CurrentUser.current();
        String etag = "W/\"c" + version.number() + "-" + today.format(DAY) + "-"
                + LocaleContextHolder.getLocale().getLanguage() + "-" + view
                + (user == null ? "" : "-u" + user.id()) + "\"";
        long dayStarted = today.atStartOfDay(OcopClock.VIETNAM).toInstant().toEpochMilli();
        long lastModified = Math.max(version.changedAt().toEpochMilli(), dayStarted) / 1000 * 1000;
        CacheControl cache = user == null
                ? CacheControl.noCache().cachePublic()
                : CacheControl.noCache().cachePrivate();
        response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
        response.addHeader(HttpHeaders.VARY, "Cookie");
        response.addHeader(HttpHeaders.VARY, "Accept-Language");
        return request.checkNotModified(etag, lastModified);
    }

    /** For public pages that hold a form with a per-visitor token: never stored by shared caches. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
