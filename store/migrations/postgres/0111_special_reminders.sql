-- Special assessments a regulator orders are reminded of like periodic
-- reviews (issue 9): a reminder of kind special_* names its assessment.
ALTER TABLE reminders ADD COLUMN assessment_id BIGINT REFERENCES assessments(id);
