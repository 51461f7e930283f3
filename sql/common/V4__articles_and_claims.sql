-- Issue 4: reading-text revisions, richer article metadata, claimants, claims and their
-- appearances (a claim found at an exact span of one revision of an article's reading text).

ALTER TABLE article ADD COLUMN author VARCHAR(200);
ALTER TABLE article ADD COLUMN file_name VARCHAR(300);
ALTER TABLE article ADD COLUMN charset VARCHAR(40);
ALTER TABLE article ADD COLUMN fetched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE article ADD COLUMN fetched_from VARCHAR(2000);
-- SHA-256 of the first reading text: the same article arriving as other bytes is still a duplicate
ALTER TABLE article ADD COLUMN text_sha256 VARCHAR(64);
ALTER TABLE article ADD COLUMN current_revision INTEGER DEFAULT 1 NOT NULL;

-- The reading text is immutable once written; a correction is a new revision, so every
-- appearance keeps pointing at the exact words it quoted.
CREATE TABLE article_revision (
    article_id    BIGINT        NOT NULL REFERENCES article (id),
    number        INTEGER       NOT NULL,
    reading_text  TEXT          NOT NULL,
    -- JSON array of the parts cleaning removed: [{"at":…,"text":…,"reason":…}]
    removed       TEXT          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    note          VARCHAR(500),
    CONSTRAINT article_revision_pk PRIMARY KEY (article_id, number),
    CONSTRAINT article_revision_number CHECK (number >= 1)
);

INSERT INTO article_revision (article_id, number, reading_text, removed, created_at, created_by, note)
    SELECT id, 1, reading_text, '[]', imported_at, imported_by, NULL FROM article;

ALTER TABLE article DROP COLUMN reading_text;
CREATE INDEX article_text_sha256 ON article (text_sha256);

CREATE SEQUENCE claimant_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE claim_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE appearance_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE claimant (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    -- lower-cased, whitespace-collapsed name: one record per person or organisation
    name_key     VARCHAR(200)  NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    description  VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    CONSTRAINT claimant_name_unique UNIQUE (name_key),
    CONSTRAINT claimant_kind_known CHECK (kind IN ('PERSON', 'ORGANISATION', 'UNKNOWN'))
);

CREATE TABLE claim (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    statement    VARCHAR(1000) NOT NULL,
    claimant_id  BIGINT        REFERENCES claimant (id),
    claimed_on   DATE,
    language     VARCHAR(8)    NOT NULL,
    -- kept by the claim, so that linking an appearance changes (and versions) the claim itself
    appearances  INTEGER       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)   NOT NULL
);
CREATE INDEX claim_created_at ON claim (created_at DESC, id DESC);
CREATE INDEX claim_claimant ON claim (claimant_id);

CREATE TABLE appearance (
    id            BIGINT       NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    claim_id      BIGINT       NOT NULL REFERENCES claim (id),
    article_id    BIGINT       NOT NULL,
    revision      INTEGER      NOT NULL,
    start_offset  INTEGER      NOT NULL,
    end_offset    INTEGER      NOT NULL,
    quote         TEXT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT appearance_revision_fk FOREIGN KEY (article_id, revision)
        REFERENCES article_revision (article_id, number),
    CONSTRAINT appearance_span CHECK (start_offset >= 0 AND end_offset > start_offset),
    CONSTRAINT appearance_once UNIQUE (claim_id, article_id, revision, start_offset, end_offset)
);
CREATE INDEX appearance_article ON appearance (article_id, revision);
