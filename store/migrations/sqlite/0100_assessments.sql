-- Assessments (issue 4): imported standard versions, assessments with their
-- answers, evidence, submitted versions and findings. Standards shipped in
-- the binary are not stored; only imported versions are.
CREATE TABLE standards (
	id TEXT NOT NULL,
	version TEXT NOT NULL,
	yaml TEXT NOT NULL,
	digest TEXT NOT NULL,
	imported_at TEXT NOT NULL,
	imported_by TEXT NOT NULL,
	PRIMARY KEY (id, version)
);

-- org_id and province are the service owner's, copied so that scoping an
-- assessment needs no join.
CREATE TABLE assessments (
	id INTEGER PRIMARY KEY,
	service_id INTEGER NOT NULL REFERENCES services(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	kind TEXT NOT NULL,
	state TEXT NOT NULL,
	title TEXT NOT NULL,
	standards TEXT NOT NULL DEFAULT '[]',
	standards_reason TEXT NOT NULL DEFAULT '',
	assessor_org_id INTEGER REFERENCES organisations(id),
	ordered_by_org_id INTEGER REFERENCES organisations(id),
	due_at TEXT,
	version INTEGER NOT NULL DEFAULT 0,
	score TEXT NOT NULL DEFAULT '',
	review_summary TEXT NOT NULL DEFAULT '',
	submitted_at TEXT,
	reviewed_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX assessments_org ON assessments(org_id, updated_at, id);
CREATE INDEX assessments_province_state ON assessments(province, state, updated_at, id);
CREATE INDEX assessments_state ON assessments(state, updated_at, id);
CREATE INDEX assessments_service ON assessments(service_id, kind, state);
CREATE INDEX assessments_assessor ON assessments(assessor_org_id);

CREATE TABLE assessment_items (
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
	key TEXT NOT NULL,
	answer TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	reviewer_comment TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (assessment_id, key)
);

CREATE TABLE evidence (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
	key TEXT NOT NULL,
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	uploaded_by TEXT NOT NULL,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_assessment ON evidence(assessment_id, key);
CREATE INDEX evidence_sha256 ON evidence(sha256);

-- Each submitted version whole (a JSON pinggu.Submission), for comparison.
CREATE TABLE submissions (
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
	version INTEGER NOT NULL,
	snapshot TEXT NOT NULL,
	PRIMARY KEY (assessment_id, version)
);

-- Non-compliant items of a submission, for the rectification work.
CREATE TABLE findings (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
	version INTEGER NOT NULL,
	key TEXT NOT NULL,
	severity TEXT NOT NULL,
	requirement TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'open',
	created_at TEXT NOT NULL
);
CREATE INDEX findings_assessment ON findings(assessment_id, version);

-- Periodic review interval per service category; absent means 12 months.
CREATE TABLE review_intervals (
	category TEXT PRIMARY KEY,
	months INTEGER NOT NULL
);
