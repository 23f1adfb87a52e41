-- Training (issue 14): events organised by the ministry, a bureau or a
-- support institution for an invited audience, the people listed for each
-- with attendance, test score and certificate number, and one row per
-- (event, organisation) with attendees for the count of organisations
-- trained. Attendance rows copy their event's state, kind and date so
-- the statistics triggers read one row; the store keeps the copies in the
-- event's transaction. province is '' for a national event; org_id is the
-- organiser's organisation when the account has one, organiser its name.
CREATE TABLE training_events (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	org_id INTEGER REFERENCES organisations(id),
	organiser TEXT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	audience TEXT NOT NULL DEFAULT '{}',
	starts_at TEXT NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	online INTEGER NOT NULL DEFAULT 0,
	summary TEXT NOT NULL DEFAULT '',
	pass_mark REAL,
	state TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX training_events_province ON training_events(province, starts_at);
CREATE INDEX training_events_state ON training_events(state, starts_at);

CREATE TABLE training_attendees (
	id INTEGER PRIMARY KEY,
	event_id INTEGER NOT NULL REFERENCES training_events(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	name TEXT NOT NULL,
	position TEXT NOT NULL DEFAULT '',
	user_id INTEGER,
	self_registered INTEGER NOT NULL DEFAULT 0,
	attended INTEGER NOT NULL DEFAULT 0,
	score REAL,
	passed INTEGER NOT NULL DEFAULT 0,
	cert_number TEXT NOT NULL DEFAULT '',
	event_state TEXT NOT NULL,
	event_kind TEXT NOT NULL,
	event_at TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX training_attendees_event ON training_attendees(event_id, id);
CREATE INDEX training_attendees_org ON training_attendees(org_id, event_id);
CREATE UNIQUE INDEX training_attendees_user ON training_attendees(event_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE training_orgs (
	event_id INTEGER NOT NULL REFERENCES training_events(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	attendees INTEGER NOT NULL,
	event_state TEXT NOT NULL,
	event_kind TEXT NOT NULL,
	event_at TEXT NOT NULL,
	PRIMARY KEY (event_id, org_id)
);
