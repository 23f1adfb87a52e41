-- Accepting an assessment rated critical, or with a non-compliant
-- high-severity item, needs a written reason (issue 9); the latest review's
-- is kept beside its summary, every review's in its submission snapshot.
ALTER TABLE assessments ADD COLUMN accept_reason TEXT NOT NULL DEFAULT '';
