-- Emergency response (应急处置): incidents, the parties notified with their
-- deadlines and acknowledgements, tasks with deadlines in hours, and a
-- timeline of every action.
CREATE TABLE incidents (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	level INTEGER NOT NULL,
	category TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	province TEXT NOT NULL DEFAULT '',
	affected_provinces TEXT NOT NULL DEFAULT '[]',
	service_ids TEXT NOT NULL DEFAULT '[]',
	source_kind TEXT NOT NULL DEFAULT '',
	source_id INTEGER NOT NULL DEFAULT 0,
	drill INTEGER NOT NULL DEFAULT 0,
	state TEXT NOT NULL,
	declared_by TEXT NOT NULL,
	declared_at TEXT NOT NULL,
	acknowledged_at TEXT,
	contained_at TEXT,
	closed_at TEXT,
	closure_summary TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL
);
CREATE INDEX incidents_province ON incidents(province, declared_at);

CREATE TABLE incident_parties (
	id INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents(id),
	party TEXT NOT NULL,
	org_id INTEGER NOT NULL DEFAULT 0,
	province TEXT NOT NULL DEFAULT '',
	name TEXT NOT NULL,
	notified_at TEXT NOT NULL,
	ack_due_at TEXT NOT NULL,
	acknowledged_at TEXT,
	acknowledged_by TEXT NOT NULL DEFAULT '',
	response TEXT NOT NULL DEFAULT '',
	responded_at TEXT
);
CREATE INDEX incident_parties_incident ON incident_parties(incident_id);
CREATE INDEX incident_parties_audience ON incident_parties(party, province, org_id, incident_id);

CREATE TABLE incident_tasks (
	id INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents(id),
	party_id INTEGER NOT NULL REFERENCES incident_parties(id),
	title TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '',
	hours INTEGER NOT NULL,
	due_at TEXT NOT NULL,
	state TEXT NOT NULL,
	done_at TEXT,
	done_by TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX incident_tasks_incident ON incident_tasks(incident_id);

CREATE TABLE incident_events (
	id INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents(id),
	party_id INTEGER NOT NULL DEFAULT 0,
	kind TEXT NOT NULL,
	actor TEXT NOT NULL,
	message TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, id);
