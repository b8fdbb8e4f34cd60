package vn.ocop.product;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ocop.RegistryFixtures;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.spreadsheet.RegistryImport;
import vn.ocop.security.Caller;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;

/**
 * Matrix fixtures of the product module: {@code product} (one of each producer; attribute {@code version}), {@code
 * photo} (one on each product) and {@code import-batch} (per caller: the batch the caller staged, for officers; the
 * other is staged by someone else).
 */
class ProductMatrixFixtures implements MatrixFixtures {

    private final ProductRegistry products;
    private final ProductPhotos photos;
    private final RegistryImport imports;

    ProductMatrixFixtures(ProductRegistry products, ProductPhotos photos, RegistryImport imports) {
        this.products = products;
        this.photos = photos;
        this.imports = imports;
    }

    @Override
    public Set<String> provides() {
        return Set.of("product", "photo", "import-batch");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer");
    }

    @Override
    public void create(MatrixWorld world) throws Exception {
        ProductView own = register(world, world.own("producer").id());
        ProductView other = register(world, world.other("producer").id());
        world.put("product", instance(own), instance(other));
        world.put("photo", Instance.of(photo(world, own.id())), Instance.of(photo(world, other.id())));

        Map<Caller, Instance> batches = new EnumMap<>(Caller.class);
        for (Caller caller :
                Set.of(Caller.SYSTEM_ADMIN, Caller.CENTRAL_OFFICE, Caller.PROVINCE_OFFICER, Caller.COMMUNE_OFFICER)) {
            batches.put(caller, Instance.of(stage(world.caller(caller))));
        }
        Instance someoneElses = Instance.of(stage(world.system()));
        world.put("import-batch", caller -> batches.getOrDefault(caller, someoneElses), caller -> someoneElses);
    }

    private ProductView register(MatrixWorld world, long producer) {
        return products.register(
                RegistryFixtures.aProduct(producer, world.name("Nước mắm ma trận"), 9), world.system());
    }

    private Instance instance(ProductView product) {
        return Instance.of(product.id(), product.name())
                .with(
                        "version",
                        () -> products.lookup(product.id()).orElseThrow().version())
                .with("producer", product::producerId)
                .with("name", product::name);
    }

    private long photo(MatrixWorld world, long product) {
        return photos.add(
                        product,
                        "anh.png",
                        new ByteArrayInputStream(vn.ocop.security.Samples.image("png")),
                        world.system())
                .id();
    }

    private UUID stage(CurrentUser actor) {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        imports.writeTemplate(vn.ocop.product.spreadsheet.SpreadsheetFormat.CSV, template);
        String header =
                template.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        // One row in a province that does not exist: the batch is stored with its errors (REJECTED), nothing applied.
        String rows =
                header + "\n0000000000,HTX lỗi ma trận,Hợp tác xã,,,,,Không có tỉnh,,Không có xã,Sản phẩm lỗi,9\n";
        return imports.stage("ma-tran.csv", new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)), actor)
                .id();
    }
}
