-- Capability certification of third-party assessment bodies (issue 14):
-- applications with their answers to the criteria, the certificates the
-- ministry issues, and attached files of this issue's modules (kept by
-- SHA-256 in the evidence store).
CREATE TABLE attachments (
	id INTEGER PRIMARY KEY,
	owner_kind TEXT NOT NULL,
	owner_id INTEGER NOT NULL,
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	uploaded_by TEXT NOT NULL,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);

CREATE TABLE cert_applications (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	level TEXT NOT NULL,
	state TEXT NOT NULL,
	answers TEXT NOT NULL DEFAULT '{}',
	review_comment TEXT NOT NULL DEFAULT '',
	reviewed_by TEXT NOT NULL DEFAULT '',
	submitted_at TEXT,
	reviewed_at TEXT,
	certificate_id INTEGER,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX cert_applications_org ON cert_applications(org_id, id);
CREATE INDEX cert_applications_state ON cert_applications(state, id);

-- province is the body's, copied at issue so the register and the
-- statistics need no join.
CREATE TABLE certificates (
	id INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	level TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	valid_to TEXT NOT NULL,
	state TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	application_id INTEGER NOT NULL REFERENCES cert_applications(id),
	issued_by TEXT NOT NULL,
	issued_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX certificates_org ON certificates(org_id, state, valid_to);
CREATE INDEX certificates_state_to ON certificates(state, valid_to);
