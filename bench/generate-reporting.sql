-- Reporting's read model at national scale: 25,000 producers in every current commune, 100,000 products and
-- 1,000,000 certificate-history rows (ten certificates per product, one every three years since the 1990s: new,
-- then re-evaluations and upgrades; 1 % of the latest revoked), 300,000 evaluation results. Deterministic, written
-- straight into the report_* tables (what the events would have built), then VACUUM ANALYZEd.
-- Ids start at 10,000,000 so they never meet rows the application made. Certificates carry their product's and
-- producer's facts, as the application copies them.
SELECT setseed(0.14);
CREATE TEMP TABLE communes AS
  SELECT row_number() OVER (ORDER BY code) AS i, code, province_code FROM report_commune;
INSERT INTO report_producer (id, name, legal_type, commune_code, province_code, sme, craft_village, craft_village_name,
                             women_led, ethnic_minority_area, status)
SELECT 10000000 + g,
       (ARRAY['HTX','Tổ hợp tác','Công ty TNHH','Hộ kinh doanh','Hội'])[1 + g % 5] || ' Bench ' || g,
       (ARRAY['COOPERATIVE','COOPERATIVE_GROUP','ENTERPRISE','HOUSEHOLD_BUSINESS','OTHER'])[1 + g % 5],
       c.code, c.province_code, g % 4 = 2, g % 10 = 3,
       CASE WHEN g % 10 = 3 THEN 'Làng nghề ' || (g % 700) END, g % 3 = 0, g % 7 = 0, 'ACTIVE'
  FROM generate_series(1, 25000) AS g
  JOIN communes c ON c.i = 1 + (g * 7919) % (SELECT count(*) FROM communes);
INSERT INTO report_product (id, producer_id, name, criteria_set_no)
SELECT 10000000 + g, 10000000 + 1 + g % 25000, 'Sản phẩm bench ' || g, 1 + g % 26
  FROM generate_series(1, 100000) AS g;
-- Certificate k of product g: issued every three years from a start between mid-1994 and early 1998.
CREATE TEMP TABLE chain AS
SELECT g, k,
       DATE '1994-06-01' + ((g * 37) % 1400) + make_interval(years => 3 * k) + ((g + k) % 60) * INTERVAL '1 day' AS issued,
       CASE WHEN (g * 31 + k * 17) % 100 < 60 THEN 3 WHEN (g * 31 + k * 17) % 100 < 92 THEN 4 ELSE 5 END AS star,
       CASE WHEN k = 0 THEN 0
            WHEN (g * 31 + (k - 1) * 17) % 100 < 60 THEN 3 WHEN (g * 31 + (k - 1) * 17) % 100 < 92 THEN 4 ELSE 5 END
           AS previous
  FROM generate_series(1, 100000) AS g, generate_series(0, 9) AS k;
INSERT INTO report_certificate (product_id, producer_id, criteria_set_no, commune_code, province_code, legal_type, sme,
                                craft_village, women_led, ethnic_minority_area, village_key, number, source, kind, star,
                                level, issued_on, expires_on, revoked_on, valid_until)
SELECT 10000000 + g, pr.id, 1 + g % 26, pr.commune_code, pr.province_code, pr.legal_type, pr.sme, pr.craft_village,
       pr.women_led, pr.ethnic_minority_area, pr.village_key, 'B' || g || '-' || k, CASE WHEN k < 7 THEN 'IMPORTED' ELSE 'PLATFORM' END,
       CASE WHEN k = 0 THEN 'NEW' WHEN star > previous THEN 'UPGRADE' ELSE 'REEVALUATION' END,
       star, CASE WHEN star = 5 THEN 'CENTRAL' ELSE 'PROVINCE' END,
       issued::date, (issued + INTERVAL '36 months')::date,
       CASE WHEN k = 9 AND g % 100 = 0 THEN (issued + INTERVAL '1 year')::date END,
       least((issued + INTERVAL '36 months')::date + 1,
             CASE WHEN k = 9 AND g % 100 = 0 THEN (issued + INTERVAL '1 year')::date END,
             (lead(issued) OVER (PARTITION BY g ORDER BY k))::date)
  FROM chain JOIN report_producer pr ON pr.id = 10000000 + 1 + g % 25000;
INSERT INTO report_rating (product_id, star, rated_on)
SELECT 10000000 + g, star, (issued - INTERVAL '30 days')::date FROM chain WHERE k >= 7;
VACUUM ANALYZE report_producer;
VACUUM ANALYZE report_product;
VACUUM ANALYZE report_certificate;
VACUUM ANALYZE report_rating;
SELECT (SELECT count(*) FROM report_product) AS products, (SELECT count(*) FROM report_certificate) AS certificates;
