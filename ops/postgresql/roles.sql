-- ClaimDesk's database with two roles, run once by a PostgreSQL superuser:
--   psql -v owner=claimdesk_owner -v owner_password=... -v app=claimdesk_app -v app_password=... \
--        -v database=claimdesk -f ops/postgresql/roles.sql
-- The owner runs the migrations (CLAIMDESK_DB_MIGRATION_USER); ClaimDesk itself runs as the app
-- role (CLAIMDESK_DB_USER), which may read and write rows and nothing else: it cannot change the
-- schema, and it cannot switch off the audit log's append-only triggers (only an owner can).
\set ON_ERROR_STOP on
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"database" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
\connect :"database"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"app";
-- every table and sequence the owner's migrations create from now on
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";
