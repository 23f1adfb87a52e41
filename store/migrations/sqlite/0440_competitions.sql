-- Competitions and best-practice selections (issue 14): organised by the
-- ministry (national, province '') or a bureau (its province) for an
-- invited audience, with weighted criteria and award quotas (JSON), the
-- officers designated as judges, the entries of organisations with their
-- evidence (attachments of kind competition_entry), each judge's score per
-- criterion and the results. Entry rows copy their competition's state,
-- kind and registration deadline so the statistics triggers read one row;
-- the store keeps the copies in the competition's transaction.
CREATE TABLE competitions (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	org_id INTEGER REFERENCES organisations(id),
	organiser TEXT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	audience TEXT NOT NULL DEFAULT '{}',
	rules TEXT NOT NULL DEFAULT '',
	criteria TEXT NOT NULL DEFAULT '[]',
	quotas TEXT NOT NULL DEFAULT '[]',
	reg_opens TEXT NOT NULL,
	reg_closes TEXT NOT NULL,
	judge_from TEXT NOT NULL,
	judge_until TEXT NOT NULL,
	state TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	decided_by TEXT NOT NULL DEFAULT '',
	approved_by TEXT NOT NULL DEFAULT '',
	published_at TEXT,
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX competitions_province ON competitions(province, reg_closes);
CREATE INDEX competitions_state ON competitions(state, reg_closes);

CREATE TABLE competition_judges (
	competition_id INTEGER NOT NULL REFERENCES competitions(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	PRIMARY KEY (competition_id, user_id)
);

CREATE TABLE competition_entries (
	id INTEGER PRIMARY KEY,
	competition_id INTEGER NOT NULL REFERENCES competitions(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	title TEXT NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	participants TEXT NOT NULL DEFAULT '[]',
	state TEXT NOT NULL,
	submitted_at TEXT,
	score REAL,
	rank INTEGER NOT NULL DEFAULT 0,
	award TEXT NOT NULL DEFAULT '',
	cert_number TEXT NOT NULL DEFAULT '',
	comp_state TEXT NOT NULL,
	comp_kind TEXT NOT NULL,
	comp_at TEXT NOT NULL,
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX competition_entries_competition ON competition_entries(competition_id, id);
CREATE INDEX competition_entries_org ON competition_entries(org_id, competition_id);

CREATE TABLE competition_scores (
	entry_id INTEGER NOT NULL REFERENCES competition_entries(id),
	judge_id INTEGER NOT NULL REFERENCES users(id),
	criterion TEXT NOT NULL,
	score REAL NOT NULL,
	comment TEXT NOT NULL DEFAULT '',
	scored_at TEXT NOT NULL,
	PRIMARY KEY (entry_id, judge_id, criterion)
);

-- A work plan's training or competition task may link the events or
-- competitions of its province, whose progress it then reads (JSON list of
-- ids; the kind of task says which table).
ALTER TABLE plan_tasks ADD COLUMN record_ids TEXT NOT NULL DEFAULT '[]';
