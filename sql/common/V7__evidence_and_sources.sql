-- Issue 5: the source registry and the evidence of a case.

CREATE SEQUENCE source_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE source (
    id                BIGINT        NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    -- the name folded for comparison: one record per source, whatever its spelling of case and spaces
    name_key          VARCHAR(300)  NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    url               VARCHAR(2000),
    reliability       VARCHAR(20)   NOT NULL,
    reliability_note  VARCHAR(2000),
    -- a protected source: never in anything published or exported
    confidential      BOOLEAN       NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT source_one_per_name UNIQUE (name_key),
    CONSTRAINT source_kind_known CHECK (kind IN
        ('NEWS_OUTLET', 'AGENCY', 'GOVERNMENT', 'PERSON', 'DATASET', 'ORGANISATION')),
    CONSTRAINT source_reliability_known CHECK (reliability IN
        ('UNRATED', 'RELIABLE', 'MOSTLY_RELIABLE', 'MIXED', 'UNRELIABLE'))
);

CREATE SEQUENCE evidence_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE evidence (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    case_id      BIGINT        NOT NULL REFERENCES fact_case (id),
    -- stable within the case, so a verdict can cite "E3" whatever the order
    number       INT           NOT NULL,
    position     INT           NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    stance       VARCHAR(10)   NOT NULL,
    summary      VARCHAR(2000) NOT NULL,
    quote        VARCHAR(4000),
    source_id    BIGINT        REFERENCES source (id),
    url          VARCHAR(2000),
    accessed_on  DATE,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT evidence_number_in_case UNIQUE (case_id, number),
    CONSTRAINT evidence_kind_known CHECK (kind IN ('DOCUMENT', 'OFFICIAL_STATEMENT', 'DATASET',
        'EXPERT_INTERVIEW', 'IMAGE_VIDEO', 'ARCHIVED_PAGE')),
    CONSTRAINT evidence_stance_known CHECK (stance IN ('SUPPORTS', 'REFUTES', 'CONTEXT'))
);
CREATE INDEX evidence_case ON evidence (case_id, position);
CREATE INDEX evidence_source ON evidence (source_id, case_id);

-- the files of an evidence item: the bytes live once per SHA-256 in the attachment store
CREATE TABLE evidence_file (
    evidence_id   BIGINT        NOT NULL REFERENCES evidence (id),
    sha256        CHAR(64)      NOT NULL REFERENCES attachment_file (sha256),
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    CONSTRAINT evidence_file_pk PRIMARY KEY (evidence_id, sha256)
);
CREATE INDEX evidence_file_sha256 ON evidence_file (sha256);
