-- A publication is written once: UPDATE and DELETE are refused for every database user.
CREATE TRIGGER publication_append_only BEFORE UPDATE, DELETE ON publication
    FOR EACH ROW CALL 'org.claimdesk.audit.AppendOnlyTrigger';
