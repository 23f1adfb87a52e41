-- The next periodic review date of each service, kept on the service so the
-- country-wide list of due reviews is read from an index in due order rather
-- than computed over every launched service on each request. The store
-- writes it with every change to its inputs (launch, accepted periodic
-- review, major change, the category's interval) and fills it for existing
-- services after this migration (see afterMigration in migrate.go).
ALTER TABLE services ADD COLUMN review_due_at TEXT;
CREATE INDEX services_status_review_due ON services(status, review_due_at, id);
CREATE INDEX services_province_status_review_due ON services(province, status, review_due_at, id);
