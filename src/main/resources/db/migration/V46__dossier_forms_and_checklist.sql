-- The dossier's own forms and its documents checklist (Decision 26/2026/QĐ-TTg Art. 6):
--  * forms: what the producer fills in on the pages for the registration form (Mẫu 01) and the self-assessment report
--    (Mẫu 02), which the platform prints as PDFs, so that only evidence is uploaded;
--  * evidence: the documents (and a note) the producer cites for each criterion of its self-assessment;
--  * dossier_requirement: which forms and documents a dossier needs, as data per criteria version, dossier kind and
--    criteria sets, so that a later decision changes rows, not code;
--  * more kinds of evidence, after the guidance table of Mẫu 02 Part III;
--  * self-assessments a producer saved from the public page, to start a dossier from.
ALTER TABLE dossier ADD COLUMN forms jsonb NOT NULL DEFAULT '{}';
ALTER TABLE dossier ADD COLUMN evidence jsonb NOT NULL DEFAULT '{}';

ALTER TABLE evidence_document DROP CONSTRAINT evidence_document_kind_check;
ALTER TABLE evidence_document ADD CONSTRAINT evidence_document_kind_check CHECK (kind IN (
    'BUSINESS_REGISTRATION', 'FOOD_SAFETY_CERTIFICATE', 'PRODUCTION_CONDITIONS', 'QUALITY_DECLARATION', 'LAB_TEST',
    'RAW_MATERIAL_ORIGIN', 'ENVIRONMENT', 'LOCAL_LABOUR', 'FINANCIAL_REPORT', 'IP_CERTIFICATE', 'MARKET_EVIDENCE',
    'PROMOTION', 'PRODUCT_STORY', 'LABEL', 'BARCODE_TRACEABILITY', 'QUALITY_SYSTEM', 'AWARD', 'CHANGE_EVIDENCE',
    'PHOTO', 'OTHER'));

CREATE TABLE dossier_requirement (
    criteria_version varchar(20) NOT NULL REFERENCES criteria_version (code),
    code             varchar(40) NOT NULL,
    position         int         NOT NULL,
    -- FORM: filled in on the pages and generated; DOCUMENT: a document of document_kind, still valid, attached.
    source           varchar(10) NOT NULL CHECK (source IN ('FORM', 'DOCUMENT')),
    document_kind    varchar(40),
    dossier_kinds    text[]      NOT NULL,
    set_from         int         NOT NULL DEFAULT 1,
    set_to           int         NOT NULL DEFAULT 26,
    required         boolean     NOT NULL,
    legal_basis      text        NOT NULL,
    PRIMARY KEY (criteria_version, code),
    CHECK ((source = 'DOCUMENT') = (document_kind IS NOT NULL)),
    CHECK (set_from <= set_to)
);

INSERT INTO dossier_requirement (criteria_version, code, position, source, document_kind, dossier_kinds, set_from,
                                 set_to, required, legal_basis)
SELECT v.code, r.code, r.position, r.source, r.document_kind, r.dossier_kinds, r.set_from, r.set_to, r.required,
       r.legal_basis
  FROM criteria_version v
 CROSS JOIN (VALUES
    ('FORM_01', 1, 'FORM', NULL, ARRAY['FIRST', 'UPGRADE', 'REEVALUATION'], 1, 26, true,
     'Điều 6.1 Quyết định 26/2026/QĐ-TTg: Phiếu đăng ký theo Mẫu số 01 Phụ lục III'),
    ('FORM_02', 2, 'FORM', NULL, ARRAY['FIRST', 'UPGRADE', 'REEVALUATION'], 1, 26, true,
     'Điều 6.1 Quyết định 26/2026/QĐ-TTg: Báo cáo tự đánh giá theo Mẫu số 02 Phụ lục III'),
    ('BUSINESS_REGISTRATION', 3, 'DOCUMENT', 'BUSINESS_REGISTRATION', ARRAY['FIRST', 'UPGRADE', 'REEVALUATION'], 1, 26,
     true, 'Mẫu số 02, mục 7.a và bảng minh chứng Phần III'),
    ('FOOD_SAFETY_CERTIFICATE', 4, 'DOCUMENT', 'FOOD_SAFETY_CERTIFICATE', ARRAY['FIRST', 'UPGRADE', 'REEVALUATION'], 1,
     18, true, 'Mẫu số 02, mục 7.c; "Hồ sơ bị loại khi" giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm không đầy đủ'),
    ('QUALITY_DECLARATION', 5, 'DOCUMENT', 'QUALITY_DECLARATION', ARRAY['FIRST', 'UPGRADE', 'REEVALUATION'], 1, 22,
     false, 'Mẫu số 02, mục 7.b'),
    ('LAB_TEST', 6, 'DOCUMENT', 'LAB_TEST', ARRAY['FIRST', 'UPGRADE'], 1, 20, false,
     'Mẫu số 02 Phần III: phiếu kết quả kiểm nghiệm'),
    ('LAB_TEST_PERIODIC', 7, 'DOCUMENT', 'LAB_TEST', ARRAY['REEVALUATION'], 1, 20, true,
     'Điều 6.1.c: các phiếu kiểm nghiệm định kỳ'),
    ('CHANGE_EVIDENCE', 8, 'DOCUMENT', 'CHANGE_EVIDENCE', ARRAY['UPGRADE'], 1, 26, true,
     'Điều 6.1.b: minh chứng những thay đổi so với sản phẩm đã được công nhận'))
    AS r(code, position, source, document_kind, dossier_kinds, set_from, set_to, required, legal_basis);

CREATE TABLE saved_self_assessment (
    id               bigserial   PRIMARY KEY,
    producer_id      bigint      NOT NULL REFERENCES producer (id),
    criteria_version varchar(20) NOT NULL,
    set_no           int         NOT NULL,
    choices          jsonb       NOT NULL,
    saved_by         varchar(64) NOT NULL,
    saved_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (criteria_version, set_no) REFERENCES criteria_set (version, set_no)
);
CREATE INDEX saved_self_assessment_producer_ix ON saved_self_assessment (producer_id, criteria_version, set_no, id);

-- Work queues ask for dossiers by status in a commune or a round, on every page (the menu count).
CREATE INDEX dossier_status_commune_ix ON dossier (status, commune_code);
CREATE INDEX dossier_producer_ix ON dossier (producer_id, status);
