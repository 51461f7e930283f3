-- Issue 5: a case per claim. "case" is an SQL keyword, hence fact_case.

CREATE SEQUENCE fact_case_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE fact_case (
    id                BIGINT        NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL,
    claim_id          BIGINT        NOT NULL REFERENCES claim (id),
    -- the claim while the case is open, NULL once closed: one open case per claim, kept by the database
    open_claim_id     BIGINT,
    title             VARCHAR(300)  NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    priority          VARCHAR(10)   NOT NULL,
    due_on            DATE,
    selection_reason  VARCHAR(2000) NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by         VARCHAR(64)   NOT NULL,
    CONSTRAINT fact_case_one_open UNIQUE (open_claim_id),
    CONSTRAINT fact_case_status_known
        CHECK (status IN ('NEW', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'CLOSED')),
    CONSTRAINT fact_case_priority_known CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);
CREATE INDEX fact_case_queue ON fact_case (status, priority, due_on, id);
CREATE INDEX fact_case_newest ON fact_case (opened_at DESC, id DESC);
CREATE INDEX fact_case_claim ON fact_case (claim_id);

CREATE TABLE case_tag (
    case_id  BIGINT      NOT NULL REFERENCES fact_case (id),
    tag      VARCHAR(50) NOT NULL,
    CONSTRAINT case_tag_pk PRIMARY KEY (case_id, tag)
);

CREATE TABLE case_assignee (
    case_id   BIGINT      NOT NULL REFERENCES fact_case (id),
    username  VARCHAR(64) NOT NULL,
    CONSTRAINT case_assignee_pk PRIMARY KEY (case_id, username)
);
CREATE INDEX case_assignee_user ON case_assignee (username, case_id);
