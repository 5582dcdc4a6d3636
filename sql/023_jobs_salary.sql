-- The jobs' salary note in three languages (issue 12, a gap of item 2; HACKING.md "Jobs").
--
-- 018 kept one free text, `salary`, so a Swedish or English page showed the note in
-- the language it happened to be written in, with nothing to say so.  Now it is
-- salary_fi, salary_sv and salary_en, like the title and the description: the form asks
-- for it in each language's block, the pages show the page's language or the best
-- other one (marked as such), the review compares each language, and the feed carries
-- each as a text with xml:lang.  The note as it was is taken to be Finnish (the
-- language every demo and test job wrote it in, and the service's first language).

ALTER TABLE job_versions RENAME COLUMN salary TO salary_fi;
ALTER TABLE job_versions RENAME CONSTRAINT job_versions_salary_text TO job_versions_salary_fi_text;
ALTER TABLE job_versions ADD COLUMN salary_sv text, ADD COLUMN salary_en text;
-- The text rule (sql/014_events_text.sql) on the new columns, as on the old one: one line.
ALTER TABLE job_versions
    ADD CONSTRAINT job_versions_salary_sv_text CHECK (kt_text_ok(salary_sv, false)),
    ADD CONSTRAINT job_versions_salary_en_text CHECK (kt_text_ok(salary_en, false));

-- The view names the columns of v.* as they were when it was made (018): made again.
DROP VIEW public_jobs;
CREATE VIEW public_jobs AS
SELECT j.id, j.organisation_id, j.updated_at, j.published_at, v.*
  FROM jobs j
  JOIN job_versions v ON v.job_id = j.id AND v.version = j.published_version
  JOIN organisations o ON o.id = j.organisation_id AND o.status = 'approved'
 WHERE j.archived_at IS NULL AND v.closes_at > now();
