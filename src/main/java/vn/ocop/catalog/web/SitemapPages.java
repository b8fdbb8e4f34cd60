package vn.ocop.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.PublicCaching;
import vn.ocop.catalog.PublicContent;

/**
 * {@code /sitemap.xml} (an index), {@code /sitemap-pages.xml} (the portal's pages, producers, points of sale, fairs),
 * {@code /sitemap-products-N.xml} (listed products, {@value #SLICE} per file, under the protocol's 50,000), and
 * {@code /robots.txt} pointing at it. Only public pages are listed.
 */
@Controller
class SitemapPages {

    static final int SLICE = 40_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final List<String> PAGES =
            List.of("/", "/catalog", "/catalog/map", "/open-data", "/verify", "/self-assessment", "/signup");

    private final Catalog catalog;
    private final PublicCaching caching;
    private final List<PublicContent> contents;

    SitemapPages(Catalog catalog, PublicCaching caching, List<PublicContent> contents) {
        this.catalog = catalog;
        this.caching = caching;
        this.contents = contents;
    }

    @GetMapping("/sitemap.xml")
    void index(WebRequest request, HttpServletResponse response) throws IOException {
        if (caching.notModified(request, response, "sitemap")) {
            return;
        }
        String base = base();
        long slices = Math.max(1, (catalog.figures().products() + SLICE - 1) / SLICE);
        PrintWriter out = xml(response);
        out.println("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        out.println("  <sitemap><loc>" + base + "/sitemap-pages.xml</loc></sitemap>");
        for (long i = 0; i < slices; i++) {
            out.println("  <sitemap><loc>" + base + "/sitemap-products-" + i + ".xml</loc></sitemap>");
        }
        out.println("</sitemapindex>");
    }

    @GetMapping("/sitemap-pages.xml")
    void pages(WebRequest request, HttpServletResponse response) throws IOException {
        if (caching.notModified(request, response, "sitemap-pages")) {
            return;
        }
        String base = base();
        List<String> paths = new ArrayList<>(PAGES);
        catalog.forEachProducer(id -> paths.add("/catalog/producers/" + id));
        contents.forEach(content -> content.sitemapPaths(paths::add));
        PrintWriter out = urlset(response);
        paths.forEach(path -> out.println("  <url><loc>" + escape(base + path) + "</loc></url>"));
        out.println("</urlset>");
    }

    @GetMapping("/sitemap-products-{slice}.xml")
    void products(@PathVariable int slice, WebRequest request, HttpServletResponse response) throws IOException {
        if (slice < 0 || slice > 1000) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (caching.notModified(request, response, "sitemap-products")) {
            return;
        }
        String base = base();
        List<Catalog.Listed> listed = catalog.listedSlice(slice, SLICE);
        PrintWriter out = urlset(response);
        listed.forEach(p -> out.println("  <url><loc>" + base + "/catalog/products/" + p.productId() + "</loc><lastmod>"
                + DAY.format(p.updatedAt()) + "</lastmod></url>"));
        out.println("</urlset>");
    }

    @GetMapping("/robots.txt")
    void robots(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=86400");
        String base = base();
        PrintWriter out = response.getWriter();
        out.println("User-agent: *");
        out.println("Allow: /");
        out.println("Allow: /api/v1/public/");
        for (String path : List.of(
                "/api/",
                "/login",
                "/dashboard",
                "/account",
                "/admin/",
                "/producers",
                "/products",
                "/registry/",
                "/evaluation",
                "/certification",
                "/certificates",
                "/notifications",
                "/inquiries",
                "/trade",
                "/buyer-inquiries/",
                "/signup/status/")) {
            out.println("Disallow: " + path);
        }
        out.println("Sitemap: " + base + "/sitemap.xml");
    }

    private static PrintWriter urlset(HttpServletResponse response) throws IOException {
        PrintWriter out = xml(response);
        out.println("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        return out;
    }

    private static PrintWriter xml(HttpServletResponse response) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return out;
    }

    private static String escape(String url) {
        return url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
