-- A publication is written once: UPDATE, DELETE and TRUNCATE are refused for every database user.
CREATE FUNCTION publication_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'publication is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER publication_append_only BEFORE UPDATE OR DELETE ON publication
    FOR EACH ROW EXECUTE FUNCTION publication_refuse_change();
CREATE TRIGGER publication_no_truncate BEFORE TRUNCATE ON publication
    FOR EACH STATEMENT EXECUTE FUNCTION publication_refuse_change();
