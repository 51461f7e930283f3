-- Issue 11: what the public reads is frozen. A verdict's approval freezes everything its public page
-- and ClaimReview show (texts, rating, claimant, appearances, each cited evidence item as cited, the
-- publisher) into approved_snapshot; publishing writes it as the next publication, which never
-- changes. Public pages, the feed and ClaimReview read publications only.
ALTER TABLE verdict ADD COLUMN approved_snapshot TEXT;

CREATE SEQUENCE publication_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE publication (
    id            BIGINT       NOT NULL PRIMARY KEY,
    verdict_id    BIGINT       NOT NULL REFERENCES verdict (id),
    number        INT          NOT NULL,
    revision      INT          NOT NULL,
    snapshot      TEXT         NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT publication_number UNIQUE (verdict_id, number)
);
-- the current version of each verdict: published_at = verdict.last_published_at
CREATE INDEX publication_published ON publication (verdict_id, published_at);
