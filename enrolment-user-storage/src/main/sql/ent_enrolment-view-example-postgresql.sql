-- Example: the ent_enrolment relation as a VIEW over a student records export (PostgreSQL).
--
-- Most universities do not create the ent_enrolment table: the student records system (Apogée, Pégase, ...) is
-- exported every night or every few minutes into a few tables, and a view gives the provider the shape it reads, one
-- row per student, for the LATEST academic year of enrolment. Adapt the first part to your export; keep the view's
-- column names (or map yours in the provider's settings).
--
-- Run as the owner of the export schema. Everything lives in schema scolarite_export; the provider's "Enrolment table
-- or view" setting is then scolarite_export.ent_enrolment.

CREATE SCHEMA IF NOT EXISTS scolarite_export;

-- ---------------------------------------------------------------------------------------------------------------
-- Part 1. The export (an example shape: replace with your own tables).
-- ---------------------------------------------------------------------------------------------------------------

-- One row per person known to the student records system.
CREATE TABLE IF NOT EXISTS scolarite_export.etudiant (
    cod_etu         VARCHAR(32)  PRIMARY KEY,        -- student number
    cod_nne         CHAR(11),                        -- INE (national student identifier)
    prenom          VARCHAR(128),
    nom_usage       VARCHAR(128),
    date_naissance  DATE,
    mail_perso      VARCHAR(254),
    date_modif      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per student and academic year of administrative enrolment (cod_anu 2025 = 2025-2026).
CREATE TABLE IF NOT EXISTS scolarite_export.inscription (
    cod_etu         VARCHAR(32)  NOT NULL REFERENCES scolarite_export.etudiant (cod_etu),
    cod_anu         INTEGER      NOT NULL,
    lib_etape       VARCHAR(255),                    -- programme
    date_paiement   TIMESTAMPTZ,                     -- enrolment fee paid (NULL: not yet)
    etat            CHAR(1)      NOT NULL DEFAULT 'E', -- E = enrolled, A = cancelled
    date_modif      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (cod_etu, cod_anu)
);

-- The ENT login given to each student (often computed by the identity team, stored once).
CREATE TABLE IF NOT EXISTS scolarite_export.compte_ent (
    cod_etu         VARCHAR(32)  PRIMARY KEY REFERENCES scolarite_export.etudiant (cod_etu),
    login           VARCHAR(64)  NOT NULL UNIQUE,
    date_modif      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS inscription_modif_idx ON scolarite_export.inscription (date_modif);

-- ---------------------------------------------------------------------------------------------------------------
-- Part 2. The view the provider reads.
-- ---------------------------------------------------------------------------------------------------------------

-- The latest non-cancelled enrolment of each student who has an ENT login. updated_at is the latest change of any
-- of the three rows, so that "Sync changed users" sees a new payment, a new address or a new login.
CREATE OR REPLACE VIEW scolarite_export.ent_enrolment AS
SELECT e.cod_etu                               AS student_number,
       c.login                                 AS login,
       e.cod_nne                               AS ine,
       e.prenom                                AS first_name,
       e.nom_usage                             AS last_name,
       e.date_naissance                        AS birth_date,
       e.mail_perso                            AS personal_email,
       i.cod_anu                               AS last_academic_year,
       i.lib_etape                             AS program_label,
       i.date_paiement                         AS fee_paid_at,
       GREATEST(e.date_modif, i.date_modif, c.date_modif) AS updated_at
FROM scolarite_export.etudiant e
JOIN scolarite_export.compte_ent c ON c.cod_etu = e.cod_etu
JOIN LATERAL (
    SELECT ins.cod_anu, ins.lib_etape, ins.date_paiement, ins.date_modif
    FROM scolarite_export.inscription ins
    WHERE ins.cod_etu = e.cod_etu AND ins.etat <> 'A'
    ORDER BY ins.cod_anu DESC
    LIMIT 1
) i ON TRUE;

-- ---------------------------------------------------------------------------------------------------------------
-- Part 3. A read-only account for Keycloak (set its password outside this script, e.g. with \password).
-- ---------------------------------------------------------------------------------------------------------------

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keycloak_enrolment_reader') THEN
        CREATE ROLE keycloak_enrolment_reader LOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA scolarite_export TO keycloak_enrolment_reader;
GRANT SELECT ON scolarite_export.ent_enrolment TO keycloak_enrolment_reader;
