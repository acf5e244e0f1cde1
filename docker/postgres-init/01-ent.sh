#!/bin/bash
# First start of the PostgreSQL container: Keycloak's database, an example enrolment database with the pack's schema
# and three students, and the read-only account Keycloak reads it with.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE keycloak LOGIN PASSWORD '${ENT_DB_PASSWORD}';
CREATE DATABASE keycloak OWNER keycloak;
CREATE ROLE keycloak_enrolment_reader LOGIN PASSWORD '${ENT_ENROLMENT_DB_PASSWORD}';
CREATE DATABASE enrolment;
SQL

psql -v ON_ERROR_STOP=1 --username postgres --dbname enrolment -f /ent-sql/ent_enrolment-postgresql.sql
psql -v ON_ERROR_STOP=1 --username postgres --dbname enrolment <<'SQL'
INSERT INTO ent_enrolment (student_number, login, ine, first_name, last_name, birth_date, personal_email,
                           last_academic_year, program_label, fee_paid_at)
VALUES
  ('21000001', 'lmartin', '0A21000001B', 'Léa', 'Martin', DATE '2006-03-14', 'lea.martin@example.org',
   EXTRACT(YEAR FROM now() - INTERVAL '8 months')::int, 'Licence Informatique', now() - INTERVAL '1 day'),
  ('21000002', 'tdurand', NULL, 'Tom', 'Durand', DATE '2005-11-02', 'tom.durand@example.org',
   EXTRACT(YEAR FROM now() - INTERVAL '8 months')::int, 'Licence Biologie', NULL),
  ('21000003', 'snguyen', NULL, 'Sarah', 'Nguyen', DATE '2004-06-30', 'sarah.nguyen@example.org',
   EXTRACT(YEAR FROM now() - INTERVAL '8 months')::int, 'Master Droit', now() - INTERVAL '5 minutes');
GRANT CONNECT ON DATABASE enrolment TO keycloak_enrolment_reader;
GRANT USAGE ON SCHEMA public TO keycloak_enrolment_reader;
GRANT SELECT ON ent_enrolment TO keycloak_enrolment_reader;
SQL
