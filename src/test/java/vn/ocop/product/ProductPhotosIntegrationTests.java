package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.RegistryFixtures.CAO_LANH;
import static vn.ocop.RegistryFixtures.SA_DEC;
import static vn.ocop.RegistryFixtures.aCooperative;
import static vn.ocop.TestUsers.as;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.storage.FileStore;
import vn.ocop.shared.storage.FileStoreException;
import vn.ocop.shared.storage.StorageProperties;

/**
 * Product photos on the real database and disk: what is accepted and refused (by content, never by name), thumbnails,
 * serving with authorization and caching, and that a failure in the middle leaves neither a row nor a file.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("compares every stored file before and after")
class ProductPhotosIntegrationTests {

    private static final AtomicInteger COLOURS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    ProductPhotos photos;

    @Autowired
    StorageProperties storage;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void uploadsAJpegThroughThePageAndServesItAndItsThumbnail() throws Exception {
        ProductView product = aProduct("Nước mắm ảnh JPEG");
        byte[] jpeg = jpeg(1600, 1200);

        mvc.perform(multipart("/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", "C:\\Ảnh\\nước mắm.jpg", "image/jpeg", jpeg))
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/products/" + product.id() + "#photos"))
                .andExpect(flash().attribute("photoSaved", true));

        PhotoView photo = photos.list(product.id(), admin).get(0);
        assertThat(photo.fileName()).isEqualTo("nước mắm.jpg");
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(1600);
        assertThat(photo.height()).isEqualTo(1200);
        assertThat(photo.sizeBytes()).isEqualTo(jpeg.length);
        assertThat(photo.sha256()).hasSize(64);
        // Stored under random names: the user's file name never reaches the disk.
        assertThat(storedFiles()).noneMatch(name -> name.contains("nước") || name.contains("Ảnh"));

        String url = "/products/" + product.id() + "/photos/" + photo.id();
        byte[] original = mvc.perform(get(url).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("Cache-Control", "max-age=604800, private"))
                .andExpect(header().string("ETag", "\"" + photo.sha256() + "\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(original).isEqualTo(jpeg);
        mvc.perform(get(url).header("If-None-Match", "\"" + photo.sha256() + "\"")
                        .with(as(admin)))
                .andExpect(status().isNotModified());

        byte[] thumbnail = mvc.perform(get(url + "/thumbnail").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);

        assertThat(body(mvc.perform(get("/products/" + product.id()).with(as(admin)))))
                .contains(url + "/thumbnail")
                .contains("Ảnh 1 của sản phẩm Nước mắm ảnh JPEG")
                .contains("1600×1200 px");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'product.photo-added' AND object_id = ?")
                        .param(Long.toString(product.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void pngKeepsPngAndTransparencyAndTheApiAnswersJson() throws Exception {
        ProductView product = aProduct("Muối ớt ảnh PNG");
        byte[] png = png(500, 900);

        mvc.perform(multipart("/api/v1/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", "logo.png", "application/octet-stream", png))
                        .with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.width").value(500))
                .andExpect(jsonPath("$.height").value(900));
        PhotoView photo = photos.list(product.id(), admin).get(0);
        byte[] thumbnail = mvc.perform(get("/api/v1/products/" + product.id() + "/photos/" + photo.id() + "/thumbnail")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(small.getHeight()).isEqualTo(320);
        assertThat(small.getWidth()).isEqualTo(178);
        assertThat(small.getColorModel().hasAlpha()).isTrue();
        assertThat(small.getRGB(0, 0) >>> 24).as("transparent corner").isZero();
        mvc.perform(get("/api/v1/products/" + product.id() + "/photos").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fileName").value("logo.png"));
    }

    @Test
    void refusesWhatIsNotARealJpegOrPngWhateverItsName() throws Exception {
        ProductView product = aProduct("Ảnh bị từ chối");
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        byte[] text = "Đây là một tệp văn bản, không phải ảnh.".getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = jpeg(1200, 900);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] corrupt = jpeg.clone();
        Arrays.fill(corrupt, 200, corrupt.length, (byte) 0x5A);

        expectProblem(product, "hoa-don.jpg", "image/jpeg", pdf, 400, "PRO-009");
        expectProblem(product, "ghi-chu.jpg", "image/jpeg", text, 400, "PRO-009");
        expectProblem(product, "rong.png", "image/png", new byte[0], 400, "PRO-009");
        expectProblem(product, "cat-doi.jpg", "image/jpeg", truncated, 400, "PRO-011");
        expectProblem(product, "hong.jpg", "image/jpeg", corrupt, 400, "PRO-011");
        expectProblem(product, "png-cut.png", "image/png", Arrays.copyOf(png(400, 400), 300), 400, "PRO-011");
        // A small file claiming a huge picture is refused from its header (no decompression bomb).
        expectProblem(product, "rat-rong.png", "image/png", png(9000, 8), 400, "PRO-015");
        // Within 8000 px per side but 64 million pixels in a couple of hundred kilobytes: refused before decoding.
        byte[] bomb = blankPng(8000, 8000);
        assertThat(bomb.length).isLessThan(500_000);
        expectProblem(product, "bom-diem-anh.png", "image/png", bomb, 400, "PRO-016");
        byte[] oversized = Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1);
        expectProblem(product, "qua-lon.jpg", "image/jpeg", oversized, 413, "PRO-010");
        assertThat(photos.list(product.id(), admin)).isEmpty();

        // On the page: back to the product with the localized reason.
        mvc.perform(multipart("/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", "hoa-don.jpg", "image/jpeg", pdf))
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute(
                                "photoError",
                                "Tệp \"hoa-don.jpg\" không phải ảnh JPEG hoặc PNG, hoặc là tệp rỗng. Chỉ nhận ảnh JPEG"
                                        + " hoặc PNG."));
        mvc.perform(multipart("/products/" + product.id() + "/photos")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isFound())
                .andExpect(flash().attributeExists("photoError"));
        mvc.perform(multipart("/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", "qua-lon.jpg", "image/jpeg", oversized))
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("photoError", "Ảnh \"qua-lon.jpg\" vượt quá dung lượng cho phép (5 MB)."));
    }

    @Test
    void refusesDuplicatesAndMoreThanTenPhotos() throws Exception {
        ProductView product = aProduct("Mười ảnh");
        byte[] first = jpeg(400, 300);
        upload(product, "1.jpg", first).andExpect(status().isCreated());
        expectProblem(product, "lan-nua.jpg", "image/jpeg", first, 409, "PRO-012");
        for (int i = 2; i <= ProductPhotos.MAX_PHOTOS; i++) {
            upload(product, i + ".jpg", jpeg(400, 300)).andExpect(status().isCreated());
        }
        expectProblem(product, "11.png", "image/png", png(300, 300), 409, "PRO-013");
        assertThat(photos.list(product.id(), admin)).hasSize(ProductPhotos.MAX_PHOTOS);
        assertThat(body(mvc.perform(get("/products/" + product.id()).with(as(admin)))))
                .contains("Sản phẩm đã có đủ 10 ảnh")
                .doesNotContain("enctype=\"multipart/form-data\"");
    }

    @Test
    void photosFollowTheProductsJurisdiction() throws Exception {
        ProductView product = aProduct("Ảnh theo địa bàn");
        upload(product, "a.jpg", jpeg(300, 200)).andExpect(status().isCreated());
        PhotoView photo = photos.list(product.id(), admin).get(0);
        String url = "/products/" + product.id() + "/photos/" + photo.id();

        mvc.perform(get(url).with(as(TestUsers.communeOfficer(SA_DEC)))).andExpect(status().isForbidden());
        mvc.perform(get(url + "/thumbnail").with(as(TestUsers.producerAccount(product.producerId() + 1))))
                .andExpect(status().isForbidden());
        mvc.perform(get(url).with(as(TestUsers.communeOfficer(CAO_LANH)))).andExpect(status().isOk());
        mvc.perform(get(url).with(as(TestUsers.producerAccount(product.producerId()))))
                .andExpect(status().isOk());
        mvc.perform(get(url).with(as(TestUsers.councilMember("82")))).andExpect(status().isOk());
        mvc.perform(get("/products/" + product.id() + "/photos/999999999").with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy ảnh 999999999")));
        mvc.perform(get("/api/v1/products/" + product.id() + "/photos/999999999")
                        .with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRO-014"));
        // Viewing is not changing: a council member may not upload or remove.
        mvc.perform(multipart("/api/v1/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", "b.jpg", "image/jpeg", jpeg(300, 200)))
                        .with(as(TestUsers.councilMember("82"))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/products/" + product.id() + "/photos/" + photo.id())
                        .with(as(TestUsers.communeOfficer(SA_DEC))))
                .andExpect(status().isForbidden());
        assertThat(photos.list(product.id(), admin)).hasSize(1);
    }

    @Test
    void removingAPhotoDeletesItsRowAndFilesAndIsAudited() throws Exception {
        ProductView product = aProduct("Ảnh bị xóa");
        upload(product, "xoa.jpg", jpeg(800, 600)).andExpect(status().isCreated());
        PhotoView photo = photos.list(product.id(), admin).get(0);
        Set<String> keys = keysOf(photo.id());
        assertThat(keys)
                .allSatisfy(key -> assertThat(storage.directory().resolve(key)).exists());

        mvc.perform(post("/products/" + product.id() + "/photos/" + photo.id() + "/delete")
                        .with(csrf())
                        .with(as(TestUsers.communeOfficer(CAO_LANH))))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("photoRemoved", true));
        assertThat(photos.list(product.id(), admin)).isEmpty();
        assertThat(keys)
                .allSatisfy(key -> assertThat(storage.directory().resolve(key)).doesNotExist());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'product.photo-removed' AND object_id = ?")
                        .param(Long.toString(product.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/products/" + product.id() + "/photos/" + photo.id() + "/delete")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDatabaseFailureLeavesNeitherRowNorFiles() throws Exception {
        ProductView product = aProduct("Lỗi cơ sở dữ liệu");
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION test_fail_photo_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF NEW.file_name = 'db-failure.png' THEN RAISE EXCEPTION 'injected failure'; END IF;
                          RETURN NEW;
                        END $$""").update();
        jdbc.sql("CREATE TRIGGER test_fail_photo_insert BEFORE INSERT ON product_photo"
                        + " FOR EACH ROW EXECUTE FUNCTION test_fail_photo_insert()")
                .update();
        Set<String> before = storedFiles();
        try {
            assertThatThrownBy(() ->
                            photos.add(product.id(), "db-failure.png", new ByteArrayInputStream(png(640, 480)), admin))
                    .isNotInstanceOf(OcopException.class);
        } finally {
            jdbc.sql("DROP TRIGGER test_fail_photo_insert ON product_photo").update();
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(photos.list(product.id(), admin)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'product.photo-added' AND object_id = ?")
                        .param(Long.toString(product.id()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFileStoreFailureLeavesNeitherRowNorFiles() throws Exception {
        ProductView product = aProduct("Lỗi ghi tệp");
        Object target = AopTestUtils.getTargetObject(photos);
        FileStore real = (FileStore) ReflectionTestUtils.getField(target, "files");
        // The original is written, then writing the thumbnail fails (disk full, say).
        FileStore failing = new FileStore(storage) {
            private int writes;

            @Override
            public String store(byte[] content, String extension) {
                if (++writes == 2) {
                    throw new FileStoreException("disk full (test)");
                }
                return super.store(content, extension);
            }
        };
        Set<String> before = storedFiles();
        ReflectionTestUtils.setField(target, "files", failing);
        try {
            assertThatThrownBy(() ->
                            photos.add(product.id(), "disk-full.jpg", new ByteArrayInputStream(jpeg(640, 480)), admin))
                    .isInstanceOf(FileStoreException.class);
        } finally {
            ReflectionTestUtils.setField(target, "files", real);
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(photos.list(product.id(), admin)).isEmpty();
    }

    private ProductView aProduct(String name) {
        ProducerView producer = producers.register(aCooperative("HTX " + name, CAO_LANH), admin);
        return products.register(RegistryFixtures.aProduct(producer.id(), name, 9), admin);
    }

    private org.springframework.test.web.servlet.ResultActions upload(ProductView product, String name, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/api/v1/products/" + product.id() + "/photos")
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                .with(as(admin)));
    }

    private void expectProblem(ProductView product, String name, String type, byte[] bytes, int status, String code)
            throws Exception {
        mvc.perform(multipart("/api/v1/products/" + product.id() + "/photos")
                        .file(new MockMultipartFile("file", name, type, bytes))
                        .with(as(admin)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.code").value(code));
    }

    private Set<String> keysOf(long photoId) {
        return jdbc.sql("SELECT storage_key, thumbnail_key FROM product_photo WHERE id = ?")
                .param(photoId)
                .query((rs, n) -> Set.of(rs.getString(1), rs.getString(2)))
                .single();
    }

    /** Every file under the storage directory (temporary files included), relative to it. */
    private Set<String> storedFiles() throws IOException {
        Path root = storage.directory();
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString())
                    .collect(Collectors.toSet());
        }
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /** A JPEG with a gradient in a colour no other test image has (so no two are duplicates). */
    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paint(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A PNG with transparent corners. */
    /** A one-bit blank picture: tiny as PNG, however many pixels it has. */
    static byte[] blankPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        int n = COLOURS.incrementAndGet();
        g.setColor(new Color((n * 53) % 256, (n * 97) % 256, (n * 151) % 256));
        g.fillOval(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void paint(BufferedImage image) {
        int n = COLOURS.incrementAndGet();
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(
                0,
                0,
                new Color((n * 53) % 256, (n * 97) % 256, (n * 151) % 256),
                image.getWidth(),
                image.getHeight(),
                new Color(255 - (n * 31) % 256, 200, (n * 71) % 256)));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
    }
}
