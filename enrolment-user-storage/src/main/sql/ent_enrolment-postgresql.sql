-- The enrolment relation read by the ent-enrolment user storage provider (PostgreSQL).
-- In production this is usually a view over the student records system (see docs); this table has the same shape.
-- Column names are the provider's defaults; a university can map its own names in the provider's settings.

CREATE TABLE IF NOT EXISTS ent_enrolment (
    student_number     VARCHAR(32)  NOT NULL,
    login              VARCHAR(64)  NOT NULL,
    ine                CHAR(11),
    first_name         VARCHAR(128),
    last_name          VARCHAR(128),
    birth_date         DATE,
    personal_email     VARCHAR(254),
    last_academic_year INTEGER,
    program_label      VARCHAR(255),
    fee_paid_at        TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT ent_enrolment_pk PRIMARY KEY (student_number),
    CONSTRAINT ent_enrolment_login_uk UNIQUE (login)
);

-- "Sync changed users" reads the rows changed since the last sync.
CREATE INDEX IF NOT EXISTS ent_enrolment_updated_at_idx ON ent_enrolment (updated_at);
