-- The dashboards at the large scale (issue 14).
-- A national time range reads the counters of one metric by the day or
-- month in d1 (review due dates, licence ends), across every province:
-- the primary key leads with the province, so without this index every
-- day of every province was read to keep the few that fall in the range.
CREATE INDEX stat_counts_metric_d1 ON stat_counts(metric, d1, province, d2, d3, n, total);
-- An enterprise's figures are counted from its own records: its reviews
-- overdue and due soon by (org_id, status, due date), rather than through
-- every launched service in the country due before today.
CREATE INDEX services_org_status_review_due ON services(org_id, status, review_due_at);
CREATE INDEX assessments_org_state_due ON assessments(org_id, state, due_at);
