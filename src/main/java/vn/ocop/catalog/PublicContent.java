package vn.ocop.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What another module adds to the public portal (trade promotion: points of sale, fairs): a section of the home page,
 * a section of product pages (where to buy), and pages for the sitemap. Implementations are Spring beans of the owning
 * module; a section is a Thymeleaf fragment {@code section(model)} of that module's templates. Whenever what they show
 * changes, they call {@link Catalog#contentChanged()} so that cached pages are revalidated.
 */
public interface PublicContent {

    /** A section of the home page, or empty. */
    default Optional<Section> homeSection() {
        return Optional.empty();
    }

    /** A section of a listed product's page (e.g. where it is sold), or empty. */
    default Optional<Section> productSection(long productId, long producerId) {
        return Optional.empty();
    }

    /** The module's public pages for the sitemap, as paths ({@code /points-of-sale/12}). */
    default void sitemapPaths(Consumer<String> paths) {}

    /**
     * @param order position on the page (lower first)
     * @param template the template holding the {@code section(model)} fragment
     * @param model what the fragment shows
     */
    record Section(int order, String template, Map<String, Object> model) {}
}
