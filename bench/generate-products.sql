-- 100,000 products of 4,000 producers spread over every current commune, with realistic Vietnamese names.
-- Deterministic (setseed); search_text as the application fills it (folded name, producer name, OCOP code).
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
       lpad((9000000000 + g)::text, 10, '0'), c.code, c.province_code
  FROM generate_series(1, 4000) AS g
  JOIN communes c ON c.i = 1 + (g * 7919) % (SELECT count(*) FROM communes);
INSERT INTO product (producer_id, name, criteria_set_no, commune_code, province_code, star, certificate_number,
                     certificate_issued_on, certificate_expires_on, certificate_level, rating_source, search_text)
SELECT p.id, s.stem || ' ' || p.name || ' loại ' || g, 1 + g % 26, p.commune_code, p.province_code,
       CASE WHEN g % 3 = 0 THEN 3 + g % 2 END, CASE WHEN g % 3 = 0 THEN 'BENCH-' || g END,
       CASE WHEN g % 3 = 0 THEN DATE '2025-01-01' END, CASE WHEN g % 3 = 0 THEN DATE '2028-01-01' END,
       CASE WHEN g % 3 = 0 THEN 'PROVINCE' END, CASE WHEN g % 3 = 0 THEN 'IMPORTED' END,
       ocop_fold(s.stem || ' ' || p.name || ' loại ' || g || ' ' || p.name)
  FROM generate_series(1, 100000) AS g
  JOIN stems s ON s.i = 1 + g % 30
  JOIN (SELECT id, name, commune_code, province_code, row_number() OVER (ORDER BY id) AS i FROM producer
         WHERE tax_code LIKE '9%') p ON p.i = 1 + g % 4000;
-- What autovacuum does after a bulk load (statistics for the planner, visibility map for index-only scans), done
-- now so that the measurement does not depend on when it wakes up.
VACUUM ANALYZE producer;
VACUUM ANALYZE product;
VACUUM ANALYZE product_search_word;
SELECT count(*) AS products FROM product;
