-- Enforcement (issue 13): rectification orders with their problems,
-- answers, evidence, extensions and escalation steps; document numbers; the
-- register of bad records; inspection campaigns and their records; the
-- annual licence inspection. org_id and province are the enterprise's,
-- copied so that scoping needs no join; org_name is the enterprise's name as
-- the decision named it, kept for the register's search.

-- A regulator's document-number prefix (粤通管安) and its sequence per year.
-- A regulator is its jurisdiction: a province's code, or '' for the ministry.
CREATE TABLE doc_prefixes (
	issuer TEXT PRIMARY KEY,
	prefix TEXT NOT NULL
);
CREATE TABLE doc_sequences (
	issuer TEXT NOT NULL,
	year INTEGER NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (issuer, year)
);

CREATE TABLE orders (
	id INTEGER PRIMARY KEY,
	doc_number TEXT NOT NULL DEFAULT '',
	issuer TEXT NOT NULL,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	org_name TEXT NOT NULL,
	province TEXT NOT NULL,
	service_id INTEGER REFERENCES services(id),
	title TEXT NOT NULL,
	basis TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	due_at TEXT,
	record_as_bad INTEGER NOT NULL DEFAULT 0,
	level TEXT NOT NULL DEFAULT '',
	fail_recommended INTEGER NOT NULL DEFAULT 0,
	ref_kind TEXT NOT NULL DEFAULT '',
	ref_id INTEGER NOT NULL DEFAULT 0,
	revoke_reason TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	issued_at TEXT,
	closed_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX orders_org ON orders(org_id, created_at, id);
-- Lists are newest first; the daily job looks for open orders by due date.
CREATE INDEX orders_province_state ON orders(province, state, created_at, id);
CREATE INDEX orders_state_created ON orders(state, created_at, id);
CREATE INDEX orders_state_due ON orders(state, due_at, id);
CREATE INDEX orders_province_created ON orders(province, created_at, id);
CREATE INDEX orders_created ON orders(created_at, id);

CREATE TABLE order_problems (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	seq INTEGER NOT NULL,
	ref_kind TEXT NOT NULL DEFAULT '',
	ref_id INTEGER NOT NULL DEFAULT 0,
	description TEXT NOT NULL,
	requirement TEXT NOT NULL,
	severity TEXT NOT NULL,
	due_at TEXT NOT NULL,
	state TEXT NOT NULL
);
CREATE INDEX order_problems_order ON order_problems(order_id, seq);
CREATE INDEX order_problems_ref ON order_problems(ref_kind, ref_id);

CREATE TABLE order_answers (
	id INTEGER PRIMARY KEY,
	problem_id INTEGER NOT NULL REFERENCES order_problems(id),
	order_id INTEGER NOT NULL REFERENCES orders(id),
	report TEXT NOT NULL,
	answered_by TEXT NOT NULL,
	answered_at TEXT NOT NULL,
	verdict TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	verified_by TEXT NOT NULL DEFAULT '',
	verified_at TEXT,
	recheck TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_answers_problem ON order_answers(problem_id, id);
CREATE INDEX order_answers_order ON order_answers(order_id);

-- Evidence of an answer; the content is in the assessments' evidence store.
CREATE TABLE order_evidence (
	id INTEGER PRIMARY KEY,
	answer_id INTEGER NOT NULL REFERENCES order_answers(id),
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	uploaded_by TEXT NOT NULL,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX order_evidence_answer ON order_evidence(answer_id);

CREATE TABLE order_extensions (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	problem_id INTEGER NOT NULL DEFAULT 0,
	reason TEXT NOT NULL,
	requested_due TEXT NOT NULL,
	state TEXT NOT NULL,
	decision_reason TEXT NOT NULL DEFAULT '',
	requested_by TEXT NOT NULL,
	requested_at TEXT NOT NULL,
	decided_by TEXT NOT NULL DEFAULT '',
	decided_at TEXT
);
CREATE INDEX order_extensions_order ON order_extensions(order_id, id);

CREATE TABLE escalations (
	id INTEGER PRIMARY KEY,
	order_id INTEGER NOT NULL REFERENCES orders(id),
	step TEXT NOT NULL,
	state TEXT NOT NULL,
	reasons TEXT NOT NULL,
	proposed_at TEXT NOT NULL,
	decided_by TEXT NOT NULL DEFAULT '',
	decided_at TEXT,
	note TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	bad_record_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX escalations_order ON escalations(order_id, id);
CREATE INDEX escalations_state ON escalations(state, proposed_at, id);

CREATE TABLE bad_records (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	org_name TEXT NOT NULL,
	province TEXT NOT NULL,
	ref_kind TEXT NOT NULL DEFAULT '',
	ref_id INTEGER NOT NULL DEFAULT 0,
	doc_number TEXT NOT NULL DEFAULT '',
	facts TEXT NOT NULL,
	decided_at TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	valid_to TEXT NOT NULL,
	state TEXT NOT NULL,
	search TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX bad_records_org ON bad_records(org_id, decided_at, id);
CREATE INDEX bad_records_province ON bad_records(province, decided_at, id);
CREATE INDEX bad_records_province_kind ON bad_records(province, kind, decided_at, id);
CREATE INDEX bad_records_kind ON bad_records(kind, decided_at, id);
CREATE INDEX bad_records_decided ON bad_records(decided_at, id);
CREATE INDEX bad_records_ref ON bad_records(ref_kind, ref_id);

CREATE TABLE bad_record_events (
	id INTEGER PRIMARY KEY,
	bad_record_id INTEGER NOT NULL REFERENCES bad_records(id),
	action TEXT NOT NULL,
	reason TEXT NOT NULL,
	by_name TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX bad_record_events_record ON bad_record_events(bad_record_id, id);

CREATE TABLE campaigns (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	title TEXT NOT NULL,
	issuer TEXT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	category TEXT NOT NULL DEFAULT '',
	org_id INTEGER REFERENCES organisations(id),
	checklist TEXT NOT NULL,
	starts_on TEXT NOT NULL,
	ends_on TEXT NOT NULL,
	inspectors TEXT NOT NULL,
	state TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX campaigns_province ON campaigns(province, created_at, id);

CREATE TABLE inspections (
	id INTEGER PRIMARY KEY,
	campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	service_id INTEGER REFERENCES services(id),
	inspector TEXT NOT NULL,
	inspected_on TEXT NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	failed INTEGER NOT NULL DEFAULT 0,
	order_id INTEGER REFERENCES orders(id),
	created_at TEXT NOT NULL
);
CREATE INDEX inspections_campaign ON inspections(campaign_id, id);
CREATE INDEX inspections_org ON inspections(org_id, inspected_on);

CREATE TABLE inspection_items (
	id INTEGER PRIMARY KEY,
	inspection_id INTEGER NOT NULL REFERENCES inspections(id),
	key TEXT NOT NULL,
	requirement TEXT NOT NULL,
	severity TEXT NOT NULL,
	result TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_items_inspection ON inspection_items(inspection_id, id);

-- The annual licence inspection: one dossier per licence and year.
CREATE TABLE dossiers (
	id INTEGER PRIMARY KEY,
	licence_id INTEGER NOT NULL REFERENCES licences(id),
	year INTEGER NOT NULL,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	org_name TEXT NOT NULL,
	province TEXT NOT NULL,
	facts TEXT NOT NULL DEFAULT '{}',
	proposed TEXT NOT NULL,
	reasons TEXT NOT NULL DEFAULT '[]',
	links TEXT NOT NULL DEFAULT '[]',
	assembled_at TEXT NOT NULL,
	state TEXT NOT NULL,
	verdict TEXT NOT NULL DEFAULT '',
	decision_reason TEXT NOT NULL DEFAULT '',
	override_reason TEXT NOT NULL DEFAULT '',
	decided_by TEXT NOT NULL DEFAULT '',
	decided_at TEXT,
	UNIQUE (licence_id, year)
);
-- The board reads its counts from one covering index per scope (a province,
-- or the nation by province) and pages in id order with each filter.
CREATE INDEX dossiers_board ON dossiers(province, year, state, verdict, proposed, id);
CREATE INDEX dossiers_board_verdict ON dossiers(province, year, verdict, id);
CREATE INDEX dossiers_board_page ON dossiers(province, year, id);
CREATE INDEX dossiers_year_counts ON dossiers(year, province, state, verdict, proposed);
CREATE INDEX dossiers_year_state ON dossiers(year, state, verdict, proposed, id);
CREATE INDEX dossiers_year_verdict ON dossiers(year, verdict, id);
CREATE INDEX dossiers_year_page ON dossiers(year, id);
CREATE INDEX dossiers_org ON dossiers(org_id, year);

-- The verdict written back to the licence.
ALTER TABLE licences ADD COLUMN annual_year INTEGER;
ALTER TABLE licences ADD COLUMN annual_verdict TEXT NOT NULL DEFAULT '';
