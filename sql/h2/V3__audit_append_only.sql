-- audit_event is append-only: UPDATE and DELETE are refused for every database user.
-- (H2 runs Java triggers; the class ships with ClaimDesk. TRUNCATE is blocked by the foreign key
-- from audit_chain_head.)
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'org.claimdesk.audit.AppendOnlyTrigger';
