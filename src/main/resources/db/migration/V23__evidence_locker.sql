-- A producer's evidence locker: documents uploaded once (business registration, food-safety certificate, lab
-- tests, product story, labels, photos) and attached to any of its dossiers; a re-evaluation or upgrade dossier
-- starts with the documents of the previous one, so only what changed is uploaded again.
CREATE TABLE evidence_document (
    id           bigserial    PRIMARY KEY,
    producer_id  bigint       NOT NULL REFERENCES producer (id),
    kind         varchar(40)  NOT NULL CHECK (kind IN ('BUSINESS_REGISTRATION', 'FOOD_SAFETY_CERTIFICATE', 'LAB_TEST',
                                                       'PRODUCT_STORY', 'LABEL', 'PHOTO', 'OTHER')),
    file_name    varchar(255) NOT NULL,
    content_type varchar(50)  NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   bigint       NOT NULL CHECK (size_bytes > 0),
    sha256       char(64)     NOT NULL,
    storage_key  varchar(200) NOT NULL,
    valid_until  date,
    uploaded_by  varchar(64)  NOT NULL,
    uploaded_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT evidence_document_unique_content UNIQUE (producer_id, sha256)
);

CREATE TABLE dossier_attachment (
    dossier_id  bigint      NOT NULL REFERENCES dossier (id),
    document_id bigint      NOT NULL REFERENCES evidence_document (id),
    attached_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, document_id)
);
