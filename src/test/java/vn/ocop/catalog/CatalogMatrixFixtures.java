package vn.ocop.catalog;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductPhotos;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.security.Samples;
import vn.ocop.shared.OcopClock;

/**
 * Matrix fixtures of the public catalog: {@code catalog-product} (a product of the home, or the other, producer,
 * rated 4★ today by its province's officer from earlier records, with a photo: listed in the catalog), {@code
 * catalog-photo} (that photo) and {@code catalog-producer} (its producer, who has a public page because of it). The
 * instances are waited for in the catalog, whose listeners run after commit.
 */
class CatalogMatrixFixtures implements MatrixFixtures {

    private final ProductRegistry products;
    private final ProductPhotos photos;
    private final Catalog catalog;

    CatalogMatrixFixtures(ProductRegistry products, ProductPhotos photos, Catalog catalog) {
        this.products = products;
        this.photos = photos;
        this.catalog = catalog;
    }

    @Override
    public Set<String> provides() {
        return Set.of("catalog-product", "catalog-photo", "catalog-producer");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer");
    }

    @Override
    public void create(MatrixWorld world) {
        Listed own = listed(world, world.own("producer").id(), MatrixWorld.HOME_PROVINCE);
        Listed other = listed(world, world.other("producer").id(), MatrixWorld.OTHER_PROVINCE);
        world.put(
                "catalog-product",
                Instance.of(own.product().id(), own.product().name()),
                Instance.of(other.product().id(), other.product().name()));
        world.put("catalog-photo", Instance.of(own.photo()), Instance.of(other.photo()));
        world.put(
                "catalog-producer",
                Instance.of(own.product().producerId()),
                Instance.of(other.product().producerId()));
    }

    private record Listed(ProductView product, long photo) {}

    private Listed listed(MatrixWorld world, long producer, String province) {
        ProductView product = products.register(
                RegistryFixtures.aProduct(producer, world.name("Mật ong danh mục"), 9), world.system());
        long photo = photos.add(product.id(), "anh.png", new ByteArrayInputStream(Samples.image("png")), world.system())
                .id();
        // A 4★ rating is the province's to record (Art. 4.1.a): recorded from its earlier records, as an import does.
        products.recordRating(
                product.id(),
                new CurrentRating(
                        4, world.name("QĐ danh mục"), LocalDate.now(OcopClock.VIETNAM), null, null, "IMPORTED"),
                TestUsers.provinceOfficer(province));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.entry(product.id())
                                .filter(e -> e.photoIds().contains(photo))
                                .isPresent()
                        && catalog.product(product.id()).isPresent());
        return new Listed(product, photo);
    }
}
