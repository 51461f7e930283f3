-- A verdict sent back reaches its writers' inboxes with the reviewer's reason, so that the inbox
-- and "My cases" say why without opening the case. Entries written before keep none.
ALTER TABLE inbox_entry ADD COLUMN reason VARCHAR(5000);
