-- Issue 16: "My cases", newest first, for someone who works 200,000 of a million cases. Each
-- assignment carries its case's opening time (which never changes), so the person's page is a walk
-- of one index from the top: no probe per case of the whole queue, no sort of all their cases.
-- A trigger fills it on every insert (sql/h2, sql/postgresql V13_1): JPA writes the assignments as
-- an element collection and knows nothing of the column.
ALTER TABLE case_assignee ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
UPDATE case_assignee SET opened_at =
    (SELECT c.opened_at FROM fact_case c WHERE c.id = case_assignee.case_id);
CREATE INDEX case_assignee_newest ON case_assignee (username, opened_at DESC, case_id DESC);
