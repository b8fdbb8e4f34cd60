-- Products and their classification (Phụ lục I of Decision 26/2026/QĐ-TTg: 6 sectors -> 17 groups -> 26 criteria
-- sets), as versioned data. Historic records may also carry the 1048/2019 sector as a legacy class.
CREATE TABLE product_classification (
    version       varchar(20)  NOT NULL,
    set_no        int          NOT NULL CHECK (set_no BETWEEN 1 AND 99),
    path          varchar(20)  NOT NULL,
    sector_code   varchar(10)  NOT NULL,
    sector_name   varchar(200) NOT NULL,
    group_code    varchar(10)  NOT NULL,
    group_name    varchar(200) NOT NULL,
    set_name      varchar(300) NOT NULL,
    lead_ministry varchar(300) NOT NULL,
    PRIMARY KEY (version, set_no)
);

CREATE TABLE legacy_product_class (
    code varchar(10)  PRIMARY KEY,
    name varchar(200) NOT NULL,
    decision varchar(50) NOT NULL
);
INSERT INTO legacy_product_class (code, name, decision) VALUES
    ('TP',   'Thực phẩm', '1048/QĐ-TTg'),
    ('DU',   'Đồ uống', '1048/QĐ-TTg'),
    ('TD',   'Thảo dược', '1048/QĐ-TTg'),
    ('VMM',  'Vải và may mặc', '1048/QĐ-TTg'),
    ('LNT',  'Lưu niệm - nội thất - trang trí', '1048/QĐ-TTg'),
    ('DVDL', 'Dịch vụ du lịch nông thôn và bán hàng', '1048/QĐ-TTg');

CREATE TABLE product (
    id                     bigserial    PRIMARY KEY,
    producer_id            bigint       NOT NULL REFERENCES producer (id),
    name                   varchar(300) NOT NULL,
    classification_version varchar(20)  NOT NULL DEFAULT '26-2026',
    criteria_set_no        int          NOT NULL,
    legacy_class           varchar(10)  REFERENCES legacy_product_class (code),
    description            text,
    ingredients            text,
    raw_material_area      text,
    standards              text,
    packaging              text,
    price_min              numeric(14, 0) CHECK (price_min >= 0),
    price_max              numeric(14, 0) CHECK (price_max >= 0),
    shelf_life             varchar(100),
    status                 varchar(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISCONTINUED')),
    ocop_code              varchar(40),
    -- Current rating: filled by certification, or by import for products certified before the platform.
    star                   int          CHECK (star BETWEEN 1 AND 5),
    certificate_number     varchar(60),
    certificate_issued_on  date,
    certificate_expires_on date,
    certificate_level      varchar(20)  CHECK (certificate_level IN ('PROVINCE', 'CENTRAL')),
    rating_source          varchar(20)  CHECK (rating_source IN ('PLATFORM', 'IMPORTED')),
    -- Where the product is made: its producer's commune and province, copied for filtering.
    commune_code           varchar(10)  NOT NULL,
    province_code          varchar(10)  NOT NULL,
    -- Folded product name, producer name and OCOP code, kept by the application for one-index search.
    search_text            text         NOT NULL DEFAULT '',
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    version                bigint       NOT NULL DEFAULT 0,
    CONSTRAINT product_classification_fk FOREIGN KEY (classification_version, criteria_set_no)
        REFERENCES product_classification (version, set_no),
    CONSTRAINT product_price_range CHECK (price_min IS NULL OR price_max IS NULL OR price_max >= price_min),
    CONSTRAINT product_rating_complete CHECK (star IS NULL OR star < 3 OR certificate_number IS NOT NULL),
    CONSTRAINT product_ocop_code_unique UNIQUE (ocop_code)
);
-- One product name per producer (compared accent- and case-insensitively): the import matches on it.
CREATE UNIQUE INDEX product_producer_name_ix ON product (producer_id, ocop_fold(name));
CREATE INDEX product_search_ix ON product USING gin (search_text gin_trgm_ops);
CREATE INDEX product_producer_ix ON product (producer_id);
CREATE INDEX product_province_ix ON product (province_code);
CREATE INDEX product_commune_ix ON product (commune_code);
CREATE INDEX product_set_ix ON product (criteria_set_no);
CREATE INDEX product_star_ix ON product (star) WHERE star IS NOT NULL;
CREATE INDEX product_name_sort_ix ON product (name COLLATE vietnamese, id);

CREATE TABLE product_link (
    id         bigserial    PRIMARY KEY,
    product_id bigint       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    platform   varchar(100) NOT NULL,
    url        varchar(1000) NOT NULL CHECK (url ~* '^https?://')
);
CREATE INDEX product_link_product_ix ON product_link (product_id);

CREATE TABLE product_photo (
    id            bigserial    PRIMARY KEY,
    product_id    bigint       NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    file_name     varchar(255) NOT NULL,
    content_type  varchar(50)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes    bigint       NOT NULL CHECK (size_bytes > 0),
    width         int          NOT NULL,
    height        int          NOT NULL,
    sha256        char(64)     NOT NULL,
    storage_key   varchar(200) NOT NULL,
    thumbnail_key varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (product_id, sha256)
);

-- Running number of OCOP product codes per commune: (T)-(X)-(STT)-year, Decision 26/2026/QĐ-TTg.
CREATE TABLE ocop_code_counter (
    commune_code varchar(10) PRIMARY KEY,
    last_number  int         NOT NULL
);

INSERT INTO product_classification (version, set_no, path, sector_code, sector_name, group_code, group_name, set_name, lead_ministry) VALUES
    ('26-2026', 1, 'I.1.a', 'I', 'Sản phẩm thực phẩm', 'I.1', 'Thực phẩm tươi sống', 'Rau, củ, quả, hạt tươi', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 2, 'I.1.b', 'I', 'Sản phẩm thực phẩm', 'I.1', 'Thực phẩm tươi sống', 'Thịt, thủy sản, trứng, sữa tươi', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 3, 'I.2.a', 'I', 'Sản phẩm thực phẩm', 'I.2', 'Thực phẩm thô, sơ chế', 'Gạo, ngũ cốc, hạt sơ chế khác', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 4, 'I.2.b', 'I', 'Sản phẩm thực phẩm', 'I.2', 'Thực phẩm thô, sơ chế', 'Mật ong, mật khác và nông sản thực phẩm khác', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 5, 'I.3.a', 'I', 'Sản phẩm thực phẩm', 'I.3', 'Thực phẩm chế biến', 'Đồ ăn nhanh', 'Bộ Công Thương'),
    ('26-2026', 6, 'I.3.b', 'I', 'Sản phẩm thực phẩm', 'I.3', 'Thực phẩm chế biến', 'Chế biến từ gạo, ngũ cốc', 'Bộ Nông nghiệp và Môi trường; Bộ Công Thương'),
    ('26-2026', 7, 'I.3.c', 'I', 'Sản phẩm thực phẩm', 'I.3', 'Thực phẩm chế biến', 'Chế biến từ rau, củ, quả, hạt', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 8, 'I.3.d', 'I', 'Sản phẩm thực phẩm', 'I.3', 'Thực phẩm chế biến', 'Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác', 'Bộ Nông nghiệp và Môi trường; Bộ Công Thương'),
    ('26-2026', 9, 'I.4.a', 'I', 'Sản phẩm thực phẩm', 'I.4', 'Gia vị', 'Tương, nước mắm, gia vị dạng lỏng khác', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 10, 'I.4.b', 'I', 'Sản phẩm thực phẩm', 'I.4', 'Gia vị', 'Gia vị khác (muối, hành, tỏi, tiêu)', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 11, 'I.5.a', 'I', 'Sản phẩm thực phẩm', 'I.5', 'Chè', 'Chè tươi, chè chế biến', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 12, 'I.5.b', 'I', 'Sản phẩm thực phẩm', 'I.5', 'Chè', 'Sản phẩm trà từ thực vật khác', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 13, 'I.6', 'I', 'Sản phẩm thực phẩm', 'I.6', 'Cà phê, ca cao', 'Cà phê, cacao', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 14, 'II.1.a', 'II', 'Sản phẩm đồ uống', 'II.1', 'Đồ uống có cồn', 'Rượu trắng', 'Bộ Công Thương'),
    ('26-2026', 15, 'II.1.b', 'II', 'Sản phẩm đồ uống', 'II.1', 'Đồ uống có cồn', 'Đồ uống có cồn khác', 'Bộ Công Thương'),
    ('26-2026', 16, 'II.2.a', 'II', 'Sản phẩm đồ uống', 'II.2', 'Đồ uống không cồn', 'Nước khoáng thiên nhiên, nước uống đóng chai', 'Bộ Y tế'),
    ('26-2026', 17, 'II.2.b', 'II', 'Sản phẩm đồ uống', 'II.2', 'Đồ uống không cồn', 'Đồ uống không cồn khác', 'Bộ Công Thương'),
    ('26-2026', 18, 'III.1', 'III', 'Sản phẩm dược liệu và sản phẩm từ dược liệu', 'III.1', 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền', 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền', 'Bộ Y tế'),
    ('26-2026', 19, 'III.2', 'III', 'Sản phẩm dược liệu và sản phẩm từ dược liệu', 'III.2', 'Mỹ phẩm có thành phần từ dược liệu', 'Mỹ phẩm có thành phần từ dược liệu', 'Bộ Y tế'),
    ('26-2026', 20, 'III.3', 'III', 'Sản phẩm dược liệu và sản phẩm từ dược liệu', 'III.3', 'Tinh dầu và dược liệu khác', 'Tinh dầu và dược liệu khác', 'Bộ Y tế; Bộ Công Thương'),
    ('26-2026', 21, 'IV.1', 'IV', 'Sản phẩm hàng thủ công mỹ nghệ', 'IV.1', 'Thủ công mỹ nghệ gia dụng, trang trí', 'Thủ công mỹ nghệ', 'Bộ Công Thương; Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 22, 'IV.2', 'IV', 'Sản phẩm hàng thủ công mỹ nghệ', 'IV.2', 'Vải, may mặc', 'Vải, may mặc', 'Bộ Công Thương'),
    ('26-2026', 23, 'V.1', 'V', 'Sản phẩm sinh vật cảnh', 'V.1', 'Hoa', 'Hoa', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 24, 'V.2', 'V', 'Sản phẩm sinh vật cảnh', 'V.2', 'Cây cảnh', 'Cây cảnh', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 25, 'V.3', 'V', 'Sản phẩm sinh vật cảnh', 'V.3', 'Động vật cảnh', 'Động vật cảnh', 'Bộ Nông nghiệp và Môi trường'),
    ('26-2026', 26, 'VI.1', 'VI', 'Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', 'VI.1', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', 'Bộ Văn hóa, Thể thao và Du lịch; Bộ Nông nghiệp và Môi trường');
