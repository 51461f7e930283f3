-- Every assignment carries its case's opening time (V13); JPA inserts the row without it.
CREATE FUNCTION case_assignee_opened_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.opened_at IS NULL THEN
        NEW.opened_at := (SELECT c.opened_at FROM fact_case c WHERE c.id = NEW.case_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_assignee_opened_at BEFORE INSERT ON case_assignee
    FOR EACH ROW EXECUTE FUNCTION case_assignee_opened_at();
