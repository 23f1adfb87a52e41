-- Patrol and early warning (issue 12). org_id and province are copied from
-- the target onto what hangs off it, so scoping needs no join; an
-- unassigned target has org_id NULL and province ''.
CREATE TABLE patrol_lists (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	province TEXT NOT NULL DEFAULT '',
	keeper_org_id INTEGER REFERENCES organisations(id),
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX patrol_lists_province ON patrol_lists(province, name, id);

CREATE TABLE patrol_targets (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	url TEXT NOT NULL,
	host TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL,
	list_id INTEGER REFERENCES patrol_lists(id),
	service_id INTEGER REFERENCES services(id),
	org_id INTEGER REFERENCES organisations(id),
	province TEXT NOT NULL DEFAULT '',
	category TEXT NOT NULL DEFAULT '',
	tags TEXT NOT NULL DEFAULT '[]',
	active INTEGER NOT NULL DEFAULT 1,
	note TEXT NOT NULL DEFAULT '',
	last_fetched_at TEXT,
	last_status INTEGER NOT NULL DEFAULT 0,
	last_verdict TEXT NOT NULL DEFAULT '',
	last_score INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	open_findings INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX patrol_targets_list_url ON patrol_targets(list_id, url) WHERE list_id IS NOT NULL;
CREATE UNIQUE INDEX patrol_targets_service_url ON patrol_targets(service_id, url) WHERE service_id IS NOT NULL;
CREATE INDEX patrol_targets_province ON patrol_targets(province, id);
CREATE INDEX patrol_targets_org ON patrol_targets(org_id, id);
CREATE INDEX patrol_targets_host ON patrol_targets(host, source);
CREATE INDEX patrol_targets_list ON patrol_targets(list_id, id);
CREATE INDEX patrol_targets_risky ON patrol_targets(open_findings, id) WHERE open_findings > 0;

CREATE TABLE patrol_allows (
	id INTEGER PRIMARY KEY,
	target_id INTEGER NOT NULL REFERENCES patrol_targets(id),
	rule TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL,
	created_by TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	UNIQUE (target_id, rule)
);

CREATE TABLE patrol_plans (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	province TEXT NOT NULL DEFAULT '',
	categories TEXT NOT NULL DEFAULT '[]',
	provinces TEXT NOT NULL DEFAULT '[]',
	list_ids TEXT NOT NULL DEFAULT '[]',
	tags TEXT NOT NULL DEFAULT '[]',
	kinds TEXT NOT NULL DEFAULT '[]',
	frequency_minutes INTEGER NOT NULL DEFAULT 0,
	priority INTEGER NOT NULL DEFAULT 2,
	rule_packs TEXT NOT NULL DEFAULT '[]',
	active INTEGER NOT NULL DEFAULT 1,
	keeper_org_id INTEGER REFERENCES organisations(id),
	created_by TEXT NOT NULL DEFAULT '',
	last_run_id INTEGER,
	last_run_at TEXT,
	next_run_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX patrol_plans_due ON patrol_plans(next_run_at) WHERE next_run_at IS NOT NULL;
CREATE INDEX patrol_plans_province ON patrol_plans(province, id);

-- A run is one round of a plan or one re-fetch; its items are the targets
-- it takes, one row each, so a target is fetched at most once a round.
CREATE TABLE patrol_runs (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER REFERENCES patrol_plans(id),
	province TEXT NOT NULL DEFAULT '',
	trigger_kind TEXT NOT NULL,
	state TEXT NOT NULL,
	priority INTEGER NOT NULL DEFAULT 2,
	rule_packs TEXT NOT NULL DEFAULT '[]',
	total INTEGER NOT NULL DEFAULT 0,
	done INTEGER NOT NULL DEFAULT 0,
	failed INTEGER NOT NULL DEFAULT 0,
	risky INTEGER NOT NULL DEFAULT 0,
	started_by TEXT NOT NULL DEFAULT '',
	ref_kind TEXT NOT NULL DEFAULT '',
	ref_id INTEGER NOT NULL DEFAULT 0,
	started_at TEXT NOT NULL,
	finished_at TEXT
);
CREATE INDEX patrol_runs_plan ON patrol_runs(plan_id, id);
CREATE INDEX patrol_runs_state ON patrol_runs(state, id);

CREATE TABLE patrol_run_items (
	run_id INTEGER NOT NULL REFERENCES patrol_runs(id),
	target_id INTEGER NOT NULL REFERENCES patrol_targets(id),
	state TEXT NOT NULL,
	risky INTEGER NOT NULL DEFAULT 0,
	claimed_at TEXT,
	finished_at TEXT,
	-- A verification may wait (PatrolVerifyDelay) for caches to forget.
	not_before TEXT,
	PRIMARY KEY (run_id, target_id)
);
CREATE INDEX patrol_run_items_state ON patrol_run_items(state, run_id, target_id);

-- Content by SHA-256, compressed unless already compressed (screenshots).
CREATE TABLE patrol_blobs (
	sha256 TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	encoding TEXT NOT NULL,
	data BLOB NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE patrol_snapshots (
	id INTEGER PRIMARY KEY,
	target_id INTEGER NOT NULL REFERENCES patrol_targets(id),
	run_id INTEGER,
	url TEXT NOT NULL,
	final_url TEXT NOT NULL,
	as_identity TEXT NOT NULL,
	redirects TEXT NOT NULL DEFAULT '[]',
	status INTEGER NOT NULL,
	header TEXT NOT NULL DEFAULT '{}',
	fetched_at TEXT NOT NULL,
	charset TEXT NOT NULL DEFAULT '',
	charset_source TEXT NOT NULL DEFAULT '',
	sha256 TEXT NOT NULL,
	size INTEGER NOT NULL,
	truncated INTEGER NOT NULL DEFAULT 0,
	error TEXT NOT NULL DEFAULT '',
	error_detail TEXT NOT NULL DEFAULT '',
	verdict TEXT NOT NULL DEFAULT '',
	score INTEGER NOT NULL DEFAULT 0,
	screenshot_sha256 TEXT NOT NULL DEFAULT '',
	org_id INTEGER,
	province TEXT NOT NULL DEFAULT ''
);
CREATE INDEX patrol_snapshots_target ON patrol_snapshots(target_id, id);
CREATE INDEX patrol_snapshots_run ON patrol_snapshots(run_id, id);

CREATE TABLE patrol_findings (
	id INTEGER PRIMARY KEY,
	target_id INTEGER NOT NULL REFERENCES patrol_targets(id),
	rule TEXT NOT NULL,
	pack TEXT NOT NULL DEFAULT '',
	category TEXT NOT NULL,
	severity TEXT NOT NULL DEFAULT '',
	term TEXT NOT NULL DEFAULT '',
	excerpt TEXT NOT NULL DEFAULT '',
	location TEXT NOT NULL DEFAULT '',
	as_identity TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	seen_count INTEGER NOT NULL DEFAULT 1,
	first_seen_at TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	closed_at TEXT,
	snapshot_id INTEGER,
	warning_id INTEGER,
	org_id INTEGER,
	province TEXT NOT NULL DEFAULT ''
);
-- One open finding per target and rule: a page that stays bad is seen
-- again, not found again.
CREATE UNIQUE INDEX patrol_findings_open ON patrol_findings(target_id, rule) WHERE state = 'open';
CREATE INDEX patrol_findings_target ON patrol_findings(target_id, id);
CREATE INDEX patrol_findings_province ON patrol_findings(province, last_seen_at, id);
CREATE INDEX patrol_findings_seen ON patrol_findings(last_seen_at, id);
CREATE INDEX patrol_findings_rule ON patrol_findings(rule, state);
CREATE INDEX patrol_findings_warning ON patrol_findings(warning_id);

CREATE TABLE patrol_warnings (
	id INTEGER PRIMARY KEY,
	target_id INTEGER NOT NULL REFERENCES patrol_targets(id),
	level TEXT NOT NULL,
	category TEXT NOT NULL,
	score INTEGER NOT NULL,
	reach INTEGER NOT NULL DEFAULT 1,
	state TEXT NOT NULL,
	title TEXT NOT NULL,
	summary TEXT NOT NULL,
	rules TEXT NOT NULL DEFAULT '[]',
	seen_count INTEGER NOT NULL DEFAULT 1,
	snapshot_id INTEGER,
	app_listing INTEGER NOT NULL DEFAULT 0,
	due_at TEXT NOT NULL,
	escalations INTEGER NOT NULL DEFAULT 0,
	escalated_at TEXT,
	acknowledged_at TEXT,
	acknowledged_by TEXT NOT NULL DEFAULT '',
	disposal TEXT NOT NULL DEFAULT '',
	disposal_note TEXT NOT NULL DEFAULT '',
	disposed_at TEXT,
	disposed_by TEXT NOT NULL DEFAULT '',
	verify_run_id INTEGER,
	verified_at TEXT,
	verify_note TEXT NOT NULL DEFAULT '',
	closed_at TEXT,
	org_id INTEGER,
	province TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
-- One open warning per target: new findings join it.
CREATE UNIQUE INDEX patrol_warnings_open ON patrol_warnings(target_id) WHERE state <> 'closed';
CREATE INDEX patrol_warnings_province ON patrol_warnings(province, created_at, id);
CREATE INDEX patrol_warnings_org ON patrol_warnings(org_id, created_at, id);
CREATE INDEX patrol_warnings_created ON patrol_warnings(created_at, id);
CREATE INDEX patrol_warnings_due ON patrol_warnings(state, due_at);

CREATE TABLE patrol_bulletins (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	number TEXT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	period_from TEXT NOT NULL,
	period_to TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	stats TEXT NOT NULL,
	issuer_org_id INTEGER,
	issuer_name TEXT NOT NULL DEFAULT '',
	issued_by TEXT NOT NULL DEFAULT '',
	issued_at TEXT NOT NULL
);
CREATE INDEX patrol_bulletins_province ON patrol_bulletins(province, issued_at, id);

-- The shared per-host limiter (patrol.Limiter's contract): one theoretical
-- arrival time per host in microseconds, and a lease row per request in
-- flight that lapses if its worker dies.
CREATE TABLE patrol_hosts (
	host TEXT PRIMARY KEY,
	tat BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE patrol_host_leases (
	id INTEGER PRIMARY KEY,
	host TEXT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX patrol_host_leases_host ON patrol_host_leases(host, expires_at);

-- How far the ledger's monitoring targets have been brought into patrol.
CREATE TABLE patrol_sync (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	services_updated_at TEXT NOT NULL DEFAULT '',
	services_id BIGINT NOT NULL DEFAULT 0
);
INSERT INTO patrol_sync (id, services_updated_at, services_id) VALUES (1, '', 0);
