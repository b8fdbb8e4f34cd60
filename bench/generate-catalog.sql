-- 100,000 certified products (certificate in force) of 4,000 producers spread over every current commune, with
-- realistic Vietnamese names, for the public catalog's benchmark. Deterministic. Written into the registry's tables
-- (producer, product) as an import would; the catalog fills itself from the product module's API at the next start
-- (catalog_state.filled_at is reset below, and the read model emptied).
SELECT setseed(0.2026);
CREATE TEMP TABLE stems (i int, stem text);
INSERT INTO stems SELECT row_number() OVER (), s FROM unnest(ARRAY[
  'Nước mắm cá cơm','Trà tim sen','Cà phê Robusta','Mật ong hoa nhãn','Gạo thơm ST25','Xoài cát Hòa Lộc',
  'Bánh phồng tôm','Rượu nếp cẩm','Chiếu cói','Khô cá lóc','Mứt sen','Tiêu đen','Lụa tơ tằm','Hoa lan hồ điệp',
  'Nấm linh chi','Bò khô','Nước mắm Phú Quốc','Chè Shan tuyết','Bưởi da xanh','Tinh dầu tràm','Đặc sản Đồng Tháp',
  'Mắm tôm','Bánh tráng','Hủ tiếu','Cá tra fillet','Gốm đỏ','Nón lá','Trà atiso','Muối tôm','Tỏi cô đơn']) AS s;
CREATE TEMP TABLE communes AS
  SELECT row_number() OVER (ORDER BY code) AS i, code, province_code, name FROM admin_unit
   WHERE edition = '2025' AND level = 'commune';
INSERT INTO producer (legal_type, name, tax_code, commune_code, province_code)
SELECT (ARRAY['COOPERATIVE','COOPERATIVE_GROUP','ENTERPRISE','HOUSEHOLD_BUSINESS','OTHER'])[1 + g % 5],
       (ARRAY['HTX','Tổ hợp tác','Công ty TNHH','Hộ kinh doanh','Hội'])[1 + g % 5] || ' ' || c.name || ' ' || g,
       lpad((9100000000 + g)::text, 10, '0'), c.code, c.province_code
  FROM generate_series(1, 4000) AS g
  JOIN communes c ON c.i = 1 + (g * 7919) % (SELECT count(*) FROM communes);
INSERT INTO product (producer_id, name, criteria_set_no, commune_code, province_code, star, certificate_number,
                     certificate_issued_on, certificate_expires_on, certificate_level, rating_source, ocop_code,
                     description, packaging, price_min, price_max, shelf_life, search_text)
SELECT p.id, s.stem || ' ' || p.commune_name || ' loại ' || g, 1 + g % 26, p.commune_code, p.province_code,
       3 + g % 3, 'BENCH-' || g, DATE '2024-01-01' + (g % 1000), DATE '2024-01-01' + (g % 1000) + interval '36 months',
       CASE WHEN g % 3 = 2 THEN 'CENTRAL' ELSE 'PROVINCE' END, 'IMPORTED', p.province_code || '-B' || g || '-2026',
       s.stem || ' của ' || p.name || ', đặc sản của ' || p.commune_name || '.', 'Hộp 500 g',
       50000 + (g % 40) * 5000, 80000 + (g % 40) * 5000, '12 tháng',
       ocop_fold(s.stem || ' ' || p.commune_name || ' loại ' || g || ' ' || p.name || ' ' || p.province_code || '-B' || g || '-2026')
  FROM generate_series(1, 100000) AS g
  JOIN stems s ON s.i = 1 + g % 30
  JOIN (SELECT pr.id, pr.name, pr.commune_code, pr.province_code, u.name AS commune_name,
               row_number() OVER (ORDER BY pr.id) AS i
          FROM producer pr JOIN admin_unit u ON u.edition = '2025' AND u.code = pr.commune_code
         WHERE pr.tax_code LIKE '91%') p ON p.i = 1 + g % 4000;
-- The catalog is filled again from the registry at the next start (as on a first installation).
TRUNCATE catalog_product, catalog_producer, catalog_search_word, catalog_word, catalog_refresh;
UPDATE catalog_state SET filled_at = NULL;
VACUUM ANALYZE producer;
VACUUM ANALYZE product;
SELECT count(*) AS certified_products FROM product WHERE star >= 3;
