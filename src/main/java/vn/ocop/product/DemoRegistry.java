package vn.ocop.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;

/**
 * Demo producers and products for the default run (never in {@code prod}): about 300 products of 60 producers of
 * every legal type in six provinces, across the classification, two thirds of them rated (most 3–4★, a few 5★).
 * Deterministic (fixed seed, fixed tax codes) and idempotent: nothing is created when the first demo producer exists.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
    private static final CurrentUser SYSTEM = CurrentUser.SYSTEM;
    static final String FIRST_TAX_CODE = "8200000001";

    /**
     * The two producers of Phường Cao Lãnh (Đồng Tháp) whose dossiers the demo evaluation round carries (see the
     * certification module's DemoCycle); each has its own producer account (identity's DemoUsers).
     */
    static final String CYCLE_COOPERATIVE_TAX_CODE = "8299000001";

    static final String CYCLE_COMPANY_TAX_CODE = "8299000002";

    private static final String CAO_LANH = "29869";

    /** Name and criteria set of the products of the two cycle producers, three each. */
    private static final String[][] COOPERATIVE_PRODUCTS = {
        {"Xoài cát Hòa Lộc Mỹ Trà", "1"}, {"Hạt sen sấy Mỹ Trà", "3"}, {"Nem chua Mỹ Trà", "5"}
    };

    private static final String[][] COMPANY_PRODUCTS = {
        {"Trà tim sen Sen Hồng", "12"}, {"Mứt sen Sen Hồng", "7"}, {"Bánh phồng tôm Sen Hồng", "6"}
    };

    /** Province, and a local speciality word used in names. */
    private record Area(String province, String place) {}

    private static final List<Area> AREAS = List.of(
            new Area("82", "Đồng Tháp"),
            new Area("01", "Hà Nội"),
            new Area("68", "Lâm Đồng"),
            new Area("22", "Quảng Ninh"),
            new Area("40", "Nghệ An"),
            new Area("91", "An Giang"));

    /** Product name stems per criteria set. */
    private static final String[][] STEMS = {
        {"1", "Xoài cát Hòa Lộc", "Bưởi da xanh", "Cam sành", "Nhãn xuồng", "Mít Thái"},
        {"2", "Cá tra fillet", "Tôm càng xanh", "Trứng vịt muối", "Sữa bò tươi"},
        {"3", "Gạo thơm ST25", "Gạo lứt đỏ", "Nếp cái hoa vàng", "Hạt sen sấy"},
        {"4", "Mật ong hoa nhãn", "Mật ong rừng U Minh", "Nấm linh chi", "Mật hoa dừa"},
        {"5", "Bánh tét lá cẩm", "Chả cá thác lác", "Nem chua"},
        {"6", "Bánh phồng tôm", "Hủ tiếu Sa Đéc", "Bún khô", "Bánh tráng"},
        {"7", "Mứt sen", "Khoai lang sấy", "Chuối sấy dẻo", "Tương ớt"},
        {"8", "Khô cá lóc", "Lạp xưởng", "Ruốc tôm", "Sữa chua"},
        {"9", "Nước mắm cá cơm", "Nước mắm truyền thống", "Tương bần", "Nước tương"},
        {"10", "Muối tôm", "Tiêu đen", "Tỏi cô đơn", "Hành tím"},
        {"11", "Chè Shan tuyết", "Trà Thái Nguyên", "Chè búp khô"},
        {"12", "Trà tim sen", "Trà atiso", "Trà mãng cầu", "Trà gừng"},
        {"13", "Cà phê Robusta rang xay", "Cà phê Arabica", "Ca cao bột"},
        {"14", "Rượu đế", "Rượu nếp cẩm", "Rượu sim"},
        {"15", "Rượu vang dâu tằm", "Rượu mơ"},
        {"16", "Nước khoáng thiên nhiên"},
        {"17", "Nước ép chanh dây", "Siro dâu", "Nước cốt dừa"},
        {"18", "Cao dược liệu", "Viên nghệ mật ong"},
        {"19", "Tinh dầu sả chanh xà phòng", "Dầu gội bồ kết"},
        {"20", "Tinh dầu tràm", "Tinh dầu quế"},
        {"21", "Chiếu cói", "Gốm đỏ", "Nón lá", "Giỏ lục bình", "Tranh thêu"},
        {"22", "Lụa tơ tằm", "Thổ cẩm", "Khăn rằn"},
        {"23", "Hoa kiểng Sa Đéc", "Hoa lan hồ điệp"},
        {"24", "Bonsai mai vàng", "Cây cảnh nghệ thuật"},
        {"25", "Cá cảnh"},
        {"26", "Du lịch cộng đồng làng nghề", "Điểm du lịch sinh thái vườn"}
    };

    private static final String[] PRODUCER_PREFIX = {"HTX", "Tổ hợp tác", "Công ty TNHH", "Hộ kinh doanh", "Hội"};
    private static final LegalType[] TYPES = {
        LegalType.COOPERATIVE,
        LegalType.COOPERATIVE_GROUP,
        LegalType.ENTERPRISE,
        LegalType.HOUSEHOLD_BUSINESS,
        LegalType.OTHER
    };
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"};
    private static final String[] GIVEN = {"Văn An", "Thị Bích", "Minh Châu", "Quốc Dũng", "Thị Hạnh", "Hữu Lộc"};

    private final ProducerRegistry producers;
    private final ProductRegistry products;
    private final AdminUnits units;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    DemoRegistry(
            ProducerRegistry producers,
            ProductRegistry products,
            AdminUnits units,
            org.springframework.transaction.PlatformTransactionManager transactions,
            java.time.Clock clock) {
        this.producers = producers;
        this.products = products;
        this.units = units;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            cycleProducer(
                    CYCLE_COOPERATIVE_TAX_CODE,
                    LegalType.COOPERATIVE,
                    "HTX Nông nghiệp Mỹ Trà",
                    "Lê Văn Mười",
                    "Chủ nhiệm",
                    COOPERATIVE_PRODUCTS);
            cycleProducer(
                    CYCLE_COMPANY_TAX_CODE,
                    LegalType.ENTERPRISE,
                    "Công ty TNHH Thực phẩm Sen Hồng",
                    "Trần Thị Ngọc Hân",
                    "Giám đốc",
                    COMPANY_PRODUCTS);
        });
        if (producers.findByTaxCode(FIRST_TAX_CODE).isPresent()) {
            return;
        }
        int[] count = new int[2];
        transaction.executeWithoutResult(status -> count[1] = create(count));
        log.info("Demo data: {} producers and {} products created", count[0], count[1]);
    }

    private int create(int[] count) {
        Random random = new Random(2026);
        int productCount = 0;
        long taxCode = Long.parseLong(FIRST_TAX_CODE);
        int certificate = 1;
        for (Area area : AREAS) {
            List<AdminUnit> communes = units.children(AdminEdition.CURRENT, area.province());
            for (int p = 0; p < 10; p++) {
                AdminUnit commune = communes.get((p * 7 + 3) % communes.size());
                int type = p % TYPES.length;
                String[] stems = STEMS[(p * 5 + AREAS.indexOf(area) * 3) % STEMS.length];
                String producerName = PRODUCER_PREFIX[type] + " " + stems[1] + " " + commune.name();
                ProducerView producer = producers.register(
                        new ProducerDetails(
                                TYPES[type],
                                producerName,
                                Long.toString(taxCode++),
                                FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)],
                                type == 2 ? "Giám đốc" : "Chủ nhiệm",
                                "0" + (200 + random.nextInt(700)) + " " + (1000000 + random.nextInt(8999999)),
                                null,
                                null,
                                "Ấp " + (1 + random.nextInt(9)),
                                commune.code(),
                                type == 2,
                                random.nextInt(4) == 0,
                                random.nextBoolean(),
                                random.nextInt(6) == 0,
                                2005 + random.nextInt(19),
                                type <= 1 ? 7 + random.nextInt(60) : null,
                                5 + random.nextInt(80),
                                null),
                        SYSTEM);
                count[0]++;
                List<String[]> sets = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    sets.add(STEMS[(p * 5 + AREAS.indexOf(area) * 3 + k * 4) % STEMS.length]);
                }
                int perProducer = 4 + random.nextInt(3);
                for (int i = 0; i < perProducer; i++) {
                    String[] set = sets.get(i % sets.size());
                    String stem = set[1 + random.nextInt(set.length - 1)];
                    String name =
                            stem + " " + (i % 2 == 0 ? area.place() : commune.name()) + (i >= 3 ? " loại " + i : "");
                    long price = (20 + random.nextInt(400)) * 1000L;
                    ProductView product = products.register(
                            new ProductDetails(
                                    producer.id(),
                                    name,
                                    Integer.parseInt(set[0]),
                                    null,
                                    stem + " của " + producerName + ", sản phẩm đặc trưng của " + area.place() + ".",
                                    null,
                                    commune.fullName(),
                                    "TCCS " + (1 + random.nextInt(20)) + ":" + (2019 + random.nextInt(6)),
                                    "Hộp/chai/túi theo quy cách",
                                    BigDecimal.valueOf(price),
                                    BigDecimal.valueOf(price + 10000L * random.nextInt(10)),
                                    (6 + random.nextInt(19)) + " tháng",
                                    null,
                                    random.nextInt(3) == 0
                                            ? List.of(new ProductDetails.Link(
                                                    "Sàn TMĐT OCOP", "https://ocop.example.vn/sp/" + taxCode + i))
                                            : List.of()),
                            SYSTEM);
                    productCount++;
                    int roll = random.nextInt(100);
                    if (roll < 66) {
                        int star = roll < 4 ? 5 : roll < 26 ? 4 : 3;
                        // Issued one to 35 months before the demo is made: in force that day, the oldest expiring
                        // (and reminded of) within a month or two, as in a province's real registry.
                        LocalDate issued = LocalDate.now(clock).minusDays(30 + random.nextInt(34 * 30));
                        products.recordRating(
                                product.id(),
                                new CurrentRating(
                                        star,
                                        (star == 5
                                                ? "QĐ " + certificate + "/QĐ-BNNMT"
                                                : "QĐ " + certificate + "/QĐ-UBND"),
                                        issued,
                                        null,
                                        null,
                                        "IMPORTED"),
                                recorder(star, product));
                        certificate++;
                    } else if (roll < 72) {
                        products.recordRating(
                                product.id(),
                                new CurrentRating(2, null, null, null, null, "IMPORTED"),
                                recorder(2, product));
                    }
                }
            }
        }
        return productCount;
    }

    /** One producer of Phường Cao Lãnh with its unrated products, unless it exists. */
    private void cycleProducer(
            String taxCode, LegalType type, String name, String representative, String title, String[][] items) {
        if (producers.findByTaxCode(taxCode).isPresent()) {
            return;
        }
        ProducerView producer = producers.register(
                new ProducerDetails(
                        type,
                        name,
                        taxCode,
                        representative,
                        title,
                        "0277 3851 " + taxCode.substring(7),
                        null,
                        null,
                        "Số " + taxCode.substring(8) + " đường Nguyễn Huệ",
                        CAO_LANH,
                        type == LegalType.ENTERPRISE,
                        true,
                        true,
                        false,
                        2016,
                        type == LegalType.COOPERATIVE ? 25 : null,
                        40,
                        null),
                SYSTEM);
        for (String[] item : items) {
            products.register(
                    new ProductDetails(
                            producer.id(),
                            item[0],
                            Integer.parseInt(item[1]),
                            null,
                            item[0] + " của " + name + ", Phường Cao Lãnh, Đồng Tháp.",
                            "Nguyên liệu trồng tại vùng sen và vườn cây ăn trái Cao Lãnh",
                            "Phường Cao Lãnh, Tỉnh Đồng Tháp",
                            "TCCS 01:2025",
                            "Hộp 500 g",
                            BigDecimal.valueOf(85000),
                            BigDecimal.valueOf(120000),
                            "12 tháng",
                            null,
                            List.of()),
                    SYSTEM);
        }
        log.info("Demo data: producer {} and its {} products created", name, items.length);
    }

    /**
     * Who records a demo rating: the authority of its level (RatingAuthority), the central office for 5★, the
     * province's officers otherwise, as "demo-data" in the audit trail.
     */
    private static CurrentUser recorder(int star, ProductView product) {
        return star == 5
                ? new CurrentUser(0, "demo-data", "Dữ liệu mẫu", Role.CENTRAL_OFFICE, null, null)
                : new CurrentUser(0, "demo-data", "Dữ liệu mẫu", Role.PROVINCE_OFFICER, product.provinceCode(), null);
    }
}
