-- Criteria sets as versioned data (Decision 26/2026/QĐ-TTg Phụ lục II; 148/2023 for history). A version holds
-- its sets (the JSON definition as published by the project's criteria data) and its star bands. Evaluations
-- record the version and set they used, so a new version never re-scores old evaluations.
CREATE TABLE criteria_version (
    code           varchar(20)  PRIMARY KEY,
    decision       text         NOT NULL,
    effective_from date,
    effective_to   date,
    status         varchar(20)  NOT NULL CHECK (status IN ('CURRENT', 'HISTORIC', 'DRAFT')),
    note           text,
    imported_at    timestamptz  NOT NULL DEFAULT now(),
    imported_by    varchar(64)  NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX criteria_version_one_current ON criteria_version (status) WHERE status = 'CURRENT';

CREATE TABLE criteria_set (
    version    varchar(20)  NOT NULL REFERENCES criteria_version (code),
    set_no     int          NOT NULL CHECK (set_no BETWEEN 1 AND 99),
    name       varchar(300) NOT NULL,
    knockout   text,
    max_points numeric(6, 2) NOT NULL,
    definition jsonb        NOT NULL,
    PRIMARY KEY (version, set_no)
);

CREATE TABLE star_band (
    version       varchar(20)   NOT NULL REFERENCES criteria_version (code),
    star          int           NOT NULL CHECK (star BETWEEN 1 AND 5),
    min_inclusive numeric(6, 3) NOT NULL,
    max_exclusive numeric(6, 3) NOT NULL,
    PRIMARY KEY (version, star),
    CHECK (max_exclusive > min_inclusive)
);

INSERT INTO criteria_version (code, decision, effective_from, effective_to, status, note) VALUES
    ('26-2026', 'Quyết định 26/2026/QĐ-TTg ngày 22/5/2026 (Phụ lục II)', DATE '2026-05-22', NULL, 'CURRENT', NULL),
    ('148-2023', 'Quyết định 148/QĐ-TTg ngày 24/02/2023 (Phụ lục III)', DATE '2023-02-24', DATE '2026-07-21', 'HISTORIC',
     'Chỉ có bộ tiêu chí số 1 (Rau, củ, quả, hạt tươi) được số hóa; dùng cho hồ sơ lịch sử.');

INSERT INTO star_band (version, star, min_inclusive, max_exclusive)
SELECT v.code, b.star, b.lo, b.hi
  FROM criteria_version v
 CROSS JOIN (VALUES (1, 0, 30), (2, 30, 50), (3, 50, 70), (4, 70, 90), (5, 90, 100.001)) AS b (star, lo, hi);
