package vn.ocop.catalog;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;

/**
 * Certified products for catalog tests: registered and rated through the product module (a rating recorded from
 * earlier records, as an import does), then waited for in the catalog, whose listener runs after commit.
 */
public record CatalogFixtures(ProducerRegistry producers, ProductRegistry products, Catalog catalog) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CurrentUser ADMIN = TestUsers.admin();

    /** A word no other test uses (letters only, so it is a searchable word of its own). */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    public ProducerView producer(String name, String commune) {
        return producers.register(RegistryFixtures.aCooperative(name, commune), ADMIN);
    }

    public ProducerView producer(ProducerDetails details) {
        return producers.register(details, ADMIN);
    }

    /**
     * A product with a star recorded from earlier records, issued on {@code issuedOn} (36 months of validity), by the
     * authority that records it: the central office for 5★, the product's province otherwise.
     */
    public ProductView rated(long producerId, String name, int criteriaSet, int star, LocalDate issuedOn) {
        ProductView product = products.register(RegistryFixtures.aProduct(producerId, name, criteriaSet), ADMIN);
        CurrentUser authority =
                star == 5 ? TestUsers.centralOffice() : TestUsers.provinceOfficer(product.provinceCode());
        return products.recordRating(
                product.id(),
                new CurrentRating(
                        star, star >= 3 ? "QĐ " + uniqueWord() + "/UBND" : null, issuedOn, null, null, "IMPORTED"),
                authority);
    }

    /** A listed product: certified 4★ today in {@code commune}, waited for until the catalog lists it. */
    public ProductView listed(String name, String commune) {
        ProductView product =
                rated(producer("HTX " + name, commune).id(), name, 9, 4, LocalDate.now(OcopClock.VIETNAM));
        awaitListed(product.id());
        return product;
    }

    public void awaitListed(long productId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> catalog.product(productId).isPresent());
    }

    /** Waits until the catalog has a row for the product (listed or not). */
    public void awaitEntry(long productId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> catalog.entry(productId).isPresent());
    }

    public List<Long> ids(CatalogResults results) {
        return results.page().items().stream().map(CatalogProduct::id).toList();
    }
}
