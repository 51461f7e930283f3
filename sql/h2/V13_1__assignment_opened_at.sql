-- Every assignment carries its case's opening time (V13); JPA inserts the row without it.
CREATE TRIGGER case_assignee_opened_at BEFORE INSERT ON case_assignee
    FOR EACH ROW CALL 'org.claimdesk.casework.AssignmentOpenedAt';
