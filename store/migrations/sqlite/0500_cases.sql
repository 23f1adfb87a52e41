-- Cases shared across departments (案件/线索). A case gathers records of
-- other modules by reference (ref_kind, ref_id) and files of its own; it is
-- referred to partner departments by shares. What a share gives a
-- department is written as share grants, one per record, which the store
-- consults in every query of a shared record kind: a department sees
-- exactly the records granted to it, and a revoked grant ends that at once.
CREATE TABLE share_grants (
	id INTEGER PRIMARY KEY,
	grantee_org_id INTEGER NOT NULL,
	ref_kind TEXT NOT NULL,
	ref_id INTEGER NOT NULL,
	source_kind TEXT NOT NULL,
	source_id INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);
CREATE INDEX share_grants_scope ON share_grants(ref_kind, grantee_org_id, ref_id) WHERE revoked_at IS NULL;
CREATE INDEX share_grants_source ON share_grants(source_kind, source_id);

CREATE TABLE cases (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	category TEXT NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	province TEXT NOT NULL DEFAULT '',
	subject_org_id INTEGER NOT NULL DEFAULT 0,
	subject_org_name TEXT NOT NULL DEFAULT '',
	subject_service_id INTEGER NOT NULL DEFAULT 0,
	subject_service_name TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	from_org_id INTEGER NOT NULL DEFAULT 0,
	from_org_name TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	closed_at TEXT,
	closing_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_province ON cases(province, updated_at);

CREATE TABLE case_items (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases(id),
	ref_kind TEXT NOT NULL,
	ref_id INTEGER NOT NULL,
	label TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	added_by TEXT NOT NULL,
	added_at TEXT NOT NULL,
	UNIQUE (case_id, ref_kind, ref_id)
);

CREATE TABLE case_evidence (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases(id),
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	uploaded_by TEXT NOT NULL,
	uploaded_org_id INTEGER NOT NULL DEFAULT 0,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence(case_id);

CREATE TABLE case_shares (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases(id),
	partner_org_id INTEGER NOT NULL,
	partner_name TEXT NOT NULL,
	fields TEXT NOT NULL DEFAULT '[]',
	message TEXT NOT NULL DEFAULT '',
	due_at TEXT,
	state TEXT NOT NULL,
	accepted INTEGER,
	measures TEXT NOT NULL DEFAULT '',
	result TEXT NOT NULL DEFAULT '',
	answered_at TEXT,
	shared_by TEXT NOT NULL,
	shared_at TEXT NOT NULL,
	revoked_at TEXT,
	revoked_by TEXT NOT NULL DEFAULT '',
	revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_shares_case ON case_shares(case_id);
CREATE INDEX case_shares_partner ON case_shares(partner_org_id);

CREATE TABLE case_events (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases(id),
	share_id INTEGER NOT NULL DEFAULT 0,
	kind TEXT NOT NULL,
	reply TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	actor_org TEXT NOT NULL DEFAULT '',
	message TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, id);
