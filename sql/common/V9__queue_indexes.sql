-- Issue 5, queues: sort keys and indexes so that a queue page costs about the same at 100 and at
-- 100,000 cases (docs/benchmarks.md). Every sort ends with the id, so each index ends with it too.

-- Priority and status sort in their own order (LOW < NORMAL < HIGH < URGENT; NEW < … < CLOSED),
-- not alphabetically; Case keeps these ranks beside the names.
ALTER TABLE fact_case ADD COLUMN priority_rank SMALLINT;
ALTER TABLE fact_case ADD COLUMN status_rank SMALLINT;
UPDATE fact_case SET priority_rank = CASE priority
    WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END;
UPDATE fact_case SET status_rank = CASE status
    WHEN 'NEW' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'IN_REVIEW' THEN 2 WHEN 'APPROVED' THEN 3
    WHEN 'PUBLISHED' THEN 4 ELSE 5 END;
ALTER TABLE fact_case ALTER COLUMN priority_rank SET NOT NULL;
ALTER TABLE fact_case ALTER COLUMN status_rank SET NOT NULL;

-- One index per sort, each walked forwards or backwards; a page stops after its rows and filters
-- are checked on the way. H2 sorts by an index only when the sort columns lead it: an index that
-- starts with a filter column, like V5's (status, priority, due_on, id), makes it read and sort
-- every match instead (20,000 rows for status NEW at 100,000 cases), so that one goes.
DROP INDEX fact_case_queue;
CREATE INDEX fact_case_by_due ON fact_case (due_on NULLS LAST, id);
CREATE INDEX fact_case_by_priority ON fact_case (priority_rank, id);
CREATE INDEX fact_case_by_status ON fact_case (status_rank, id);
CREATE INDEX fact_case_by_title ON fact_case (title, id);
-- newest first: fact_case_newest (V5). Cases with a tag:
CREATE INDEX case_tag_by_tag ON case_tag (tag, case_id);
