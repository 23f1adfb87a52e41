-- Enterprise reporting of assessment practice (issue 14): one report per
-- enterprise and quarter. province is the enterprise's, copied when the
-- report is opened, so a bureau's lists need no join; the figures drawn
-- from the record are kept as they stood at submission.
CREATE TABLE practice_reports (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	period TEXT NOT NULL,
	state TEXT NOT NULL,
	figures TEXT NOT NULL DEFAULT '{}',
	content TEXT NOT NULL DEFAULT '{}',
	created_by TEXT NOT NULL,
	submitted_by TEXT NOT NULL DEFAULT '',
	submitted_at TEXT,
	reviewed_by TEXT NOT NULL DEFAULT '',
	reviewed_at TEXT,
	review_note TEXT NOT NULL DEFAULT '',
	resubmissions INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (org_id, period)
);
CREATE INDEX practice_reports_province ON practice_reports(province, period, state, id);
CREATE INDEX practice_reports_period ON practice_reports(period, state, id);
