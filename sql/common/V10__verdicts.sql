-- Issue 6: the verdict workflow. Case states of the review workflow, rating scales, verdicts with
-- their versions, approvals, blind cross-checks, inline review comments and published corrections.

-- States: NEW → IN_RESEARCH → IN_REVIEW → APPROVED → PUBLISHED, IN_CORRECTION, DISMISSED.
-- IN_PROGRESS was issue 5's name for research; CLOSED was never reached by any action.
ALTER TABLE fact_case DROP CONSTRAINT fact_case_status_known;
UPDATE fact_case SET status = 'IN_RESEARCH' WHERE status = 'IN_PROGRESS';
UPDATE fact_case SET status = 'DISMISSED' WHERE status = 'CLOSED';
UPDATE fact_case SET status_rank = CASE status
    WHEN 'NEW' THEN 0 WHEN 'IN_RESEARCH' THEN 1 WHEN 'IN_REVIEW' THEN 2 WHEN 'APPROVED' THEN 3
    WHEN 'PUBLISHED' THEN 4 WHEN 'IN_CORRECTION' THEN 5 ELSE 6 END;
ALTER TABLE fact_case ADD CONSTRAINT fact_case_status_known CHECK (status IN
    ('NEW', 'IN_RESEARCH', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'IN_CORRECTION', 'DISMISSED'));

-- A scale version never changes once written: extending or retiring a scale writes a new version
-- or sets retired_at. Verdicts point at the version they used.
-- starts at 100: EclipseLink hands out the 50 ids below each value, and id 1 is the seeded scale
CREATE SEQUENCE rating_scale_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE rating_scale (
    id          BIGINT       NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    number      INT          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rating_scale_name_number UNIQUE (name, number)
);

-- rating_value: ClaimReview's ratingValue (1 = worst, higher = more true), NULL where the label
-- has no place on the scale (e.g. Unproven).
CREATE TABLE scale_rating (
    scale_id      BIGINT       NOT NULL REFERENCES rating_scale (id),
    code          VARCHAR(40)  NOT NULL,
    position      INT          NOT NULL,
    label_de      VARCHAR(100) NOT NULL,
    label_en      VARCHAR(100) NOT NULL,
    rating_value  INT,
    CONSTRAINT scale_rating_pk PRIMARY KEY (scale_id, code),
    CONSTRAINT scale_rating_value_positive CHECK (rating_value IS NULL OR rating_value >= 1)
);

INSERT INTO rating_scale (id, version, name, number, created_at, created_by)
    VALUES (1, 1, 'ClaimDesk', 1, TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00', 'system');
INSERT INTO scale_rating (scale_id, code, position, label_de, label_en, rating_value) VALUES
    (1, 'TRUE', 1, 'Richtig', 'True', 5),
    (1, 'MOSTLY_TRUE', 2, 'Größtenteils richtig', 'Mostly true', 4),
    (1, 'UNPROVEN', 3, 'Unbelegt', 'Unproven', NULL),
    (1, 'MISSING_CONTEXT', 4, 'Fehlender Kontext', 'Missing context', NULL),
    (1, 'PARTLY_FALSE', 5, 'Teilweise falsch', 'Partly false', 3),
    (1, 'MOSTLY_FALSE', 6, 'Größtenteils falsch', 'Mostly false', 2),
    (1, 'MANIPULATED', 7, 'Manipuliert', 'Manipulated', NULL),
    (1, 'FALSE', 8, 'Falsch', 'False', 1);

-- How the desk reviews: how many supervisors approve, and whether a second fact-checker rates
-- the claim blind first. One row per team; ClaimDesk has one team, 'desk'.
CREATE TABLE review_policy (
    team                VARCHAR(40) NOT NULL PRIMARY KEY,
    version             BIGINT      NOT NULL,
    quorum              INT         NOT NULL,
    blind_cross_check   BOOLEAN     NOT NULL,
    CONSTRAINT review_policy_quorum CHECK (quorum BETWEEN 1 AND 5)
);
INSERT INTO review_policy (team, version, quorum, blind_cross_check) VALUES ('desk', 1, 1, FALSE);

CREATE SEQUENCE verdict_seq START WITH 50 INCREMENT BY 50;
-- The verdict of a case as it stands now; verdict_version keeps every text that was proposed.
CREATE TABLE verdict (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    version             BIGINT        NOT NULL,
    case_id             BIGINT        NOT NULL REFERENCES fact_case (id),
    scale_id            BIGINT        NOT NULL REFERENCES rating_scale (id),
    rating              VARCHAR(40)   NOT NULL,
    claim_reviewed      VARCHAR(200)  NOT NULL,
    conclusion          VARCHAR(400)  NOT NULL,
    explanation         VARCHAR(20000) NOT NULL,
    revision            INT           NOT NULL,
    proposed_by         VARCHAR(64)   NOT NULL,
    review_round        INT           NOT NULL,
    slug                VARCHAR(120),
    published_revision  INT,
    first_published_at  TIMESTAMP WITH TIME ZONE,
    last_published_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT verdict_one_per_case UNIQUE (case_id),
    CONSTRAINT verdict_slug_unique UNIQUE (slug),
    CONSTRAINT verdict_rating_known FOREIGN KEY (scale_id, rating) REFERENCES scale_rating (scale_id, code)
);
CREATE INDEX verdict_published ON verdict (last_published_at, id);
-- the dashboard reads these from the indexes alone, never the long explanations (H2 850 → 300 ms at
-- 15,000 published verdicts, docs/benchmarks.md)
CREATE INDEX verdict_first_published ON verdict (first_published_at, case_id);
CREATE INDEX verdict_public_revision ON verdict (published_revision, id);

-- Everyone who wrote or changed the text or the rating: none of them may approve it.
CREATE TABLE verdict_writer (
    verdict_id  BIGINT      NOT NULL REFERENCES verdict (id),
    username    VARCHAR(64) NOT NULL,
    CONSTRAINT verdict_writer_pk PRIMARY KEY (verdict_id, username)
);

CREATE SEQUENCE verdict_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE verdict_version (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    verdict_id      BIGINT        NOT NULL REFERENCES verdict (id),
    number          INT           NOT NULL,
    scale_id        BIGINT        NOT NULL,
    rating          VARCHAR(40)   NOT NULL,
    claim_reviewed  VARCHAR(200)  NOT NULL,
    conclusion      VARCHAR(400)  NOT NULL,
    explanation     VARCHAR(20000) NOT NULL,
    cited           VARCHAR(1000) NOT NULL,
    written_by      VARCHAR(64)   NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT verdict_version_number UNIQUE (verdict_id, number),
    CONSTRAINT verdict_version_rating FOREIGN KEY (scale_id, rating) REFERENCES scale_rating (scale_id, code)
);
-- the public rating of each published verdict, for the dashboard, from the index alone
CREATE INDEX verdict_version_public_rating ON verdict_version (verdict_id, number, rating);

CREATE SEQUENCE review_entry_seq START WITH 50 INCREMENT BY 50;
-- What happened in review, per round: approvals, blind cross-checks, inline comments on a passage
-- and the reasons a verdict was sent back.
CREATE TABLE review_entry (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    verdict_id  BIGINT        NOT NULL REFERENCES verdict (id),
    kind        VARCHAR(20)   NOT NULL,
    round       INT           NOT NULL,
    revision    INT           NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rating      VARCHAR(40),
    passage     VARCHAR(1000),
    body        VARCHAR(5000),
    CONSTRAINT review_entry_kind CHECK (kind IN ('APPROVAL', 'CROSS_CHECK', 'COMMENT', 'SENT_BACK'))
);
CREATE INDEX review_entry_verdict ON review_entry (verdict_id, round, id);

CREATE SEQUENCE verdict_correction_seq START WITH 50 INCREMENT BY 50;
-- The public correction log: one row per republication after a correction.
CREATE TABLE verdict_correction (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    verdict_id      BIGINT        NOT NULL REFERENCES verdict (id),
    kind            VARCHAR(20)   NOT NULL,
    note            VARCHAR(2000) NOT NULL,
    revision        INT           NOT NULL,
    previous_revision INT         NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT verdict_correction_kind CHECK (kind IN ('CORRECTION', 'UPDATE'))
);
CREATE INDEX verdict_correction_verdict ON verdict_correction (verdict_id, published_at);
