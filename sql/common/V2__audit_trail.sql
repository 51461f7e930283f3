-- The audit trail: one row per change, hash-chained (see org.claimdesk.audit.AuditEvent).
-- seq is assigned under the chain head's row lock, so it has no gaps and defines the order.

CREATE TABLE audit_event (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    actor_roles     VARCHAR(200)  NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    entity_type     VARCHAR(64)   NOT NULL,
    entity_id       VARCHAR(200),
    case_id         BIGINT,
    entity_version  BIGINT,
    changes         TEXT          NOT NULL,
    reason          TEXT,
    request_id      VARCHAR(64),
    client_address  VARCHAR(64),
    prev_hash       VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_event_actor ON audit_event (actor, seq);
CREATE INDEX audit_event_action ON audit_event (action, seq);
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, seq);
CREATE INDEX audit_event_case ON audit_event (case_id, seq);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- The one-row chain head. Appends lock it (SELECT ... FOR UPDATE), which serialises them across
-- threads and application nodes. Its foreign key to the newest event also makes TRUNCATE fail.
CREATE TABLE audit_chain_head (
    id         INTEGER      NOT NULL PRIMARY KEY,
    last_seq   BIGINT       REFERENCES audit_event (seq),
    last_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');
