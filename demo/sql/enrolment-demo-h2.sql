-- Demo enrolment database for ./start.sh (H2). Recreated at every start so that the lifecycle states are relative to
-- the moment the demo starts. Schema: the ent_enrolment relation of DESIGN.md. Every person here is fictitious and
-- every address uses a reserved example domain.

DROP TABLE IF EXISTS ent_enrolment;

CREATE TABLE ent_enrolment (
    student_number     VARCHAR(32)  NOT NULL,
    login              VARCHAR(64)  NOT NULL,
    ine                CHAR(11),
    first_name         VARCHAR(128),
    last_name          VARCHAR(128),
    birth_date         DATE,
    personal_email     VARCHAR(254),
    last_academic_year INT,
    program_label      VARCHAR(255),
    fee_paid_at        TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ent_enrolment_pk PRIMARY KEY (student_number),
    CONSTRAINT ent_enrolment_login_uk UNIQUE (login)
);

-- start year of the current academic year (September to August)
SET @Y = CASE WHEN MONTH(CURRENT_DATE) >= 9 THEN YEAR(CURRENT_DATE) ELSE YEAR(CURRENT_DATE) - 1 END;
-- the academic year that ends in this calendar year: its students have access until the coming 31 December, whatever
-- the month the demo starts in
SET @L = YEAR(CURRENT_DATE) - 1;

INSERT INTO ent_enrolment
    (student_number, login, ine, first_name, last_name, birth_date, personal_email, last_academic_year,
     program_label, fee_paid_at)
VALUES
    -- PENDING: the fee is not paid yet
    ('22500001', 'lmartin',   '0123456789A', 'Léa',      'Martin',    DATE '2006-03-14', 'lea.martin@example.org',        @Y, 'Licence Informatique, 1re année',           NULL),
    ('22500002', 'hbernard',  '0123456790B', 'Hugo',     'Bernard',   DATE '2005-11-02', 'hugo.bernard@example.net',      @Y, 'Licence Droit, 1re année',                  NULL),
    -- PENDING: paid 5 minutes ago, activatable 10 minutes after the demo starts
    ('22500003', 'cthomas',   '0123456791C', 'Chloé',    'Thomas',    DATE '2006-07-21', 'chloe.thomas@example.com',      @Y, 'Licence Biologie, 1re année',               DATEADD('MINUTE', -5, CURRENT_TIMESTAMP)),
    ('22500004', 'npetit',    '0123456792D', 'Nathan',   'Petit',     DATE '2006-01-30', 'nathan.petit@example.org',      @Y, 'Licence Mathématiques, 1re année',          DATEADD('MINUTE', -14, CURRENT_TIMESTAMP)),
    -- ACTIVATABLE: paid at least 15 minutes ago, not activated
    ('22500005', 'irobert',   '0123456793E', 'Inès',     'Robert',    DATE '2005-09-09', 'ines.robert@example.net',       @Y, 'Licence Psychologie, 1re année',            DATEADD('MINUTE', -16, CURRENT_TIMESTAMP)),
    ('22500006', 'lrichard',  '0123456794F', 'Louis',    'Richard',   DATE '2006-05-17', 'louis.richard@example.com',     @Y, 'Licence STAPS, 1re année',                  DATEADD('DAY', -1, CURRENT_TIMESTAMP)),
    ('22500007', 'mdurand',   '0123456795G', 'Manon',    'Durand',    DATE '2004-12-25', 'manon.durand@example.org',      @Y, 'Master Chimie, 1re année',                  DATEADD('DAY', -3, CURRENT_TIMESTAMP)),
    ('22500008', 'jdubois',   '0123456796H', 'Jules',    'Dubois',    DATE '2006-02-28', 'jules.dubois@example.net',      @Y, 'Licence Physique, 1re année',               DATEADD('DAY', -20, CURRENT_TIMESTAMP)),
    ('22500009', 'cmoreau',   NULL,          'Camille',  'Moreau',    DATE '2003-04-01', 'camille.moreau@example.com',    @Y, 'Diplôme d''université Français langue étrangère', DATEADD('HOUR', -2, CURRENT_TIMESTAMP)),
    ('22500010', 'glaurent',  '0123456797J', 'Gabriel',  'Laurent',   DATE '2006-08-08', 'gabriel.laurent@example.org',   @Y, 'Licence Économie, 1re année',               DATEADD('DAY', -7, CURRENT_TIMESTAMP)),
    -- enrolled in earlier years and re-enrolled this year (re-enrolment brings an expired account back)
    ('22300011', 'asimon',    '0123456798K', 'Alice',    'Simon',     DATE '2002-10-10', 'alice.simon@example.net',       @Y, 'Master Informatique, 2e année',             DATEADD('DAY', -30, CURRENT_TIMESTAMP)),
    ('22200012', 'amichel',   '0123456799L', 'Adam',     'Michel',    DATE '2001-06-06', 'adam.michel@example.com',       @Y, 'Doctorat Écologie',                         DATEADD('DAY', -45, CURRENT_TIMESTAMP)),
    -- leaving: the last academic year ends this calendar year, access lasts until the coming 31 December
    ('22400013', 'elefebvre', '0123456800M', 'Emma',     'Lefebvre',  DATE '2004-02-14', 'emma.lefebvre@example.org',     @L,     'Licence Histoire, 3e année',            DATEADD('YEAR', -1, CURRENT_TIMESTAMP)),
    ('22400014', 'rleroy',    '0123456801N', 'Raphaël',  'Leroy',     DATE '2003-09-30', 'raphael.leroy@example.net',     @L,     'Master Droit des affaires, 2e année',   DATEADD('YEAR', -1, CURRENT_TIMESTAMP)),
    -- EXPIRED: access ended on the last 31 December (jroux: imported closed, personal data removed); two years before
    -- that (adavid: past the 12-month retention after the end of access, so never imported: the sync's log counts "1
    -- not imported again")
    ('22300015', 'jroux',     '0123456802P', 'Jade',     'Roux',      DATE '2002-01-19', 'jade.roux@example.com',         @L - 1, 'Licence Lettres modernes, 3e année',    DATEADD('YEAR', -2, CURRENT_TIMESTAMP)),
    ('22100016', 'adavid',    '0123456803Q', 'Arthur',   'David',     DATE '2000-03-03', 'arthur.david@example.org',      @L - 3, 'Master Géographie, 2e année',           DATEADD('YEAR', -4, CURRENT_TIMESTAMP)),
    -- names that need care in pages and mails
    ('22500017', 'mbertrand', '0123456804R', 'Marie-Ève','Bertrand',  DATE '2006-04-22', 'marie-eve.bertrand@example.net',@Y, 'Licence Langues étrangères appliquées, 1re année', DATEADD('DAY', -2, CURRENT_TIMESTAMP)),
    ('22500018', 'ydaoud',    '0123456805S', 'Yasmine',  'D''Aoud',   DATE '2005-12-31', 'yasmine.daoud@example.com',     @Y, 'Licence Sociologie, 1re année',             DATEADD('DAY', -1, CURRENT_TIMESTAMP)),
    ('22500019', 'tnguyen',   '0123456806T', 'Thành',    'Nguyễn',    DATE '2006-10-05', 'thanh.nguyen@example.org',      @Y, 'PASS (parcours accès santé), 1re année',    DATEADD('DAY', -4, CURRENT_TIMESTAMP)),
    ('22500020', 'xtest',     '0123456807U', '"><img src=x onerror=alert(1)>', '${7*7}', DATE '2006-06-16', 'x.test@example.net', @Y, 'Compte de recette (échappement)',  DATEADD('DAY', -1, CURRENT_TIMESTAMP));
