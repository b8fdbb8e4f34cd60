package vn.ocop.trade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.ocop.catalog.PublicContent;

/**
 * What trade promotion adds to the public portal: the next fairs on the home page, where a product is sold (and the
 * fairs its producer attends) on its page, and the points of sale and fairs in the sitemap.
 */
@Component
class TradeContent implements PublicContent {

    private final PointsOfSale points;
    private final Fairs fairs;

    TradeContent(PointsOfSale points, Fairs fairs) {
        this.points = points;
        this.fairs = fairs;
    }

    @Override
    public Optional<Section> homeSection() {
        List<Fair> upcoming = fairs.next(4);
        return Optional.of(new Section(10, "trade/home-section", Map.of("fairs", upcoming)));
    }

    @Override
    public Optional<Section> productSection(long productId, long producerId) {
        List<PointOfSale> stocking = points.stocking(productId);
        List<Fair> upcoming = fairs.upcomingWith(producerId);
        if (stocking.isEmpty() && upcoming.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(10, "trade/product-section", Map.of("points", stocking, "fairs", upcoming)));
    }

    @Override
    public void sitemapPaths(Consumer<String> paths) {
        paths.accept("/points-of-sale");
        paths.accept("/fairs");
        points.openIds().forEach(id -> paths.accept("/points-of-sale/" + id));
        fairs.ids().forEach(id -> paths.accept("/fairs/" + id));
    }
}
