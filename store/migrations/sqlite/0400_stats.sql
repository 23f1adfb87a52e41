-- Statistics (issue 14): grouped counters of every registered metric
-- (pinggu.RegisterMetric), kept by triggers the store writes from the
-- definitions in the change's own transaction, and each definition's digest
-- so a changed definition is rebuilt from its records at start.
CREATE TABLE stat_counts (
	metric TEXT NOT NULL,
	province TEXT NOT NULL,
	d1 TEXT NOT NULL DEFAULT '',
	d2 TEXT NOT NULL DEFAULT '',
	d3 TEXT NOT NULL DEFAULT '',
	n INTEGER NOT NULL DEFAULT 0,
	total REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (metric, province, d1, d2, d3)
);

CREATE TABLE stat_metrics (
	name TEXT PRIMARY KEY,
	tbl TEXT NOT NULL,
	digest TEXT NOT NULL,
	built_at TEXT NOT NULL
);

-- An assessment's score as a number, for the average score of submissions.
ALTER TABLE assessments ADD COLUMN score_value REAL GENERATED ALWAYS AS (CASE WHEN score = '' THEN NULL ELSE json_extract(score, '$.value') END) VIRTUAL;
-- Open assessments by due date: the part-day of "overdue now" is counted
-- from the records.
CREATE INDEX assessments_state_due ON assessments(state, due_at);
CREATE INDEX assessments_province_state_due ON assessments(province, state, due_at);
