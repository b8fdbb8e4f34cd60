package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.shared.PageResult;

/**
 * Search with very many matches on real PostgreSQL: the capped count, and pages that are exactly the Vietnamese order
 * of all matches whether the page is found in the window of the name index or only by sorting every match.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchIntegrationTests {

    /** Words no other test uses. */
    private static final String EARLY = "sdwearly";

    private static final String LATE = "sdwlate";

    @Autowired
    ProductRegistry products;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();
    private long producerId;

    @BeforeAll
    void manyProducts() {
        producerId = producers
                .register(RegistryFixtures.aCooperative("HTX Tìm kiếm nhiều kết quả", RegistryFixtures.BA_DINH), admin)
                .id();
        // 1,100 products named to sort at the very start, 1,100 at the very end, 3,000 others between: more than
        // the count cap for each word, and the late ones far down the name order.
        insert("Aaa " + EARLY + " %s", EARLY, 1100);
        insert("Ba ba độn %s", "filler", 3000);
        insert("Ỷ lan " + LATE + " %s", LATE, 1100);
    }

    @AfterAll
    void removeThem() {
        jdbc.sql("DELETE FROM product WHERE producer_id = ?").param(producerId).update();
        // Deleting products removes their words from the word index (a trigger, not a foreign key).
        assertThat(jdbc.sql("SELECT count(*) FROM product_search_word WHERE word IN (?, ?)")
                        .params(EARLY, LATE)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFrequentWordCountsUpToTheCapAndItsFirstPageIsTheTrueFirstPage() {
        for (String word : List.of(EARLY, LATE)) { // whole words: read in name order from the word index
            PageResult<ProductSummary> page = products.search(query(word), 0, 20, admin);

            assertThat(page.totalAtLeast()).isTrue();
            assertThat(page.total()).isEqualTo(ProductSearch.COUNT_CAP);
            assertThat(ids(page)).isEqualTo(expected(word, 0, 20));
        }
    }

    @Test
    void eachProductOfAPageComesWithItsProducerPlaceAndCriteriaSetNames() {
        ProductSummary first = products.search(query(LATE), 0, 1, admin).items().get(0);

        var names = jdbc.sql("""
                        SELECT pr.name AS producer, cu.full_name AS commune, pu.full_name AS province, c.set_name
                          FROM product p JOIN producer pr ON pr.id = p.producer_id
                          JOIN admin_unit cu ON cu.edition = '2025' AND cu.code = p.commune_code
                          JOIN admin_unit pu ON pu.edition = '2025' AND pu.code = p.province_code
                          JOIN product_classification c
                            ON c.version = p.classification_version AND c.set_no = p.criteria_set_no
                         WHERE p.id = ?""").param(first.id()).query().singleRow();
        assertThat(first.producerName()).isEqualTo(names.get("producer"));
        assertThat(first.communeName()).isEqualTo(names.get("commune")).isNotBlank();
        assertThat(first.provinceName()).isEqualTo(names.get("province")).isNotBlank();
        assertThat(first.criteriaSetName()).isEqualTo(names.get("set_name")).isNotBlank();
    }

    @Test
    void laterPagesAreInOrderAndPagingPastTheCapCountsExactly() {
        assertThat(ids(products.search(query(LATE), 7, 20, admin))).isEqualTo(expected(LATE, 140, 20));
        assertThat(ids(products.search(query(EARLY), 3, 50, admin))).isEqualTo(expected(EARLY, 150, 50));
        // Several whole words (their ordered lists merged), and one still being typed (checked on each product).
        assertThat(ids(products.search(query("lan " + LATE), 5, 20, admin))).isEqualTo(expected(LATE, 100, 20));
        assertThat(ids(products.search(query(EARLY + " aa"), 2, 20, admin))).isEqualTo(expected(EARLY, 40, 20));

        PageResult<ProductSummary> beyond = products.search(query(LATE), 50, 20, admin);
        assertThat(beyond.totalAtLeast()).isFalse();
        assertThat(beyond.total()).isEqualTo(1100);
        assertThat(ids(beyond)).isEqualTo(expected(LATE, 1000, 20));
        // A last page that is not full gives the total by its length; a page past the end counts.
        PageResult<ProductSummary> last = products.search(query(LATE), 36, 30, admin);
        assertThat(ids(last)).isEqualTo(expected(LATE, 1080, 20));
        assertThat(last.total()).isEqualTo(1100);
        assertThat(last.hasNext()).isFalse();
        PageResult<ProductSummary> past = products.search(query(LATE), 55, 20, admin);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(1100);
    }

    @Test
    void wordsAreWholeWordsExceptALastWordStillBeingTypedAndFiltersStillApply() {
        // "sdwlat" is no product's word: the beginning of one, as typed so far; found by sorting all matches.
        PageResult<ProductSummary> typing = products.search(query("SDWLAT"), 2, 20, admin);
        assertThat(typing.total()).isEqualTo(ProductSearch.COUNT_CAP);
        assertThat(ids(typing)).isEqualTo(expected(LATE, 40, 20));
        // Every word is required; whole words match whole words only ("17" is not "170").
        assertThat(products.search(query("sdwlat ly"), 0, 20, admin).total()).isZero();
        assertThat(products.search(query("ỷ lan sdwlate 17"), 0, 20, admin).items())
                .extracting(ProductSummary::name)
                .containsExactly("Ỷ lan sdwlate 17");
        assertThat(products.search(query("sdwlate 109"), 0, 20, admin).total()).isEqualTo(1);
        // With a filter, the same words and order (the filtered statement is planned for its values).
        PageResult<ProductSummary> inItsProvince =
                products.search(new ProductQuery(LATE, "01", null, null, null, null, null, null, null), 2, 20, admin);
        assertThat(ids(inItsProvince)).isEqualTo(expected(LATE, 40, 20));
        assertThat(inItsProvince.total()).isEqualTo(ProductSearch.COUNT_CAP);
        assertThat(inItsProvince.totalAtLeast()).isTrue();
        PageResult<ProductSummary> otherProvince =
                products.search(new ProductQuery(EARLY, "82", null, null, null, null, null, null, null), 0, 20, admin);
        assertThat(otherProvince.total()).isZero();
        assertThat(otherProvince.totalAtLeast()).isFalse();
    }

    @Test
    void renamingAProductMovesItInTheWordIndex() {
        long id = products.search(query("sdwearly 7"), 0, 20, admin)
                .items()
                .get(0)
                .id();
        jdbc.sql(
                        "UPDATE product SET name = 'Zz đổi tên 7', search_text = ocop_fold('Zz đổi tên 7 sdwearly') WHERE id = ?")
                .param(id)
                .update();

        assertThat(products.search(query("doi ten"), 0, 20, admin).items())
                .extracting(ProductSummary::id)
                .containsExactly(id);
        assertThat(jdbc.sql("SELECT count(*) FROM product_search_word WHERE product_id = ? AND word IN ('aaa', 'doi')")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The word index holds exactly the words, name and id of each product, nothing stale.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (
                            (SELECT w.word, p.name, p.id FROM product p, unnest(tsvector_to_array(p.search_words)) w (word)
                              WHERE p.producer_id = ?
                             EXCEPT ALL SELECT s.word, s.name, s.product_id FROM product_search_word s
                              WHERE s.product_id IN (SELECT id FROM product WHERE producer_id = ?))
                            UNION ALL
                            (SELECT s.word, s.name, s.product_id FROM product_search_word s
                              WHERE s.product_id IN (SELECT id FROM product WHERE producer_id = ?)
                             EXCEPT ALL SELECT w.word, p.name, p.id
                              FROM product p, unnest(tsvector_to_array(p.search_words)) w (word)
                              WHERE p.producer_id = ?)) d""")
                        .params(producerId, producerId, producerId, producerId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void freeTextBecomesFoldedWordsAndATextQueryOfLettersAndDigitsOnly() {
        assertThat(ProductFilter.words("Nước  mắm")).containsExactly("nuoc", "mam");
        assertThat(ProductFilter.words("82-29869-001 ĐẶC_SẢN")).containsExactly("82", "29869", "001", "dac", "san");
        assertThat(ProductFilter.words("a' | !b & c:* a")).containsExactly("a", "b", "c");
        assertThat(ProductFilter.words("-- ''")).isEmpty();
        assertThat(ProductFilter.tsquery(List.of("nuoc", "ma"), false)).isEqualTo("nuoc & ma:*");
        assertThat(ProductFilter.tsquery(List.of("nuoc", "mam"), true)).isEqualTo("nuoc & mam");
        assertThat(ProductFilter.tsquery(List.of(), true)).isNull();
    }

    private void insert(String pattern, String tag, int count) {
        jdbc.sql("""
                        INSERT INTO product (producer_id, name, criteria_set_no, commune_code, province_code, search_text)
                        SELECT ?, format(?, g), 9, '00004', '01', ocop_fold(format(?, g) || ' ' || ?)
                          FROM generate_series(1, ?) AS g""").params(producerId, pattern, pattern, tag, count).update();
        jdbc.sql("ANALYZE product").update();
    }

    private static ProductQuery query(String text) {
        return new ProductQuery(text, null, null, null, null, null, null, null, null);
    }

    private static List<Long> ids(PageResult<ProductSummary> page) {
        return page.items().stream().map(ProductSummary::id).toList();
    }

    /** The page as the plain definition says: all matches in Vietnamese order. */
    private List<Long> expected(String word, int offset, int size) {
        return jdbc.sql("""
                        SELECT id FROM product WHERE search_text LIKE '%' || ? || '%'
                         ORDER BY name COLLATE vietnamese, id LIMIT ? OFFSET ?""").params(word, size, offset).query(Long.class).list();
    }
}
