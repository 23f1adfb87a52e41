-- Annual work plans (issue 14): one plan a year for each bureau's province
-- and one national ('' province) for the ministry; its tasks; and the
-- amendments of a published plan, each with its reason and version.
CREATE TABLE plans (
	id INTEGER PRIMARY KEY,
	province TEXT NOT NULL,
	year INTEGER NOT NULL,
	state TEXT NOT NULL,
	goals TEXT NOT NULL DEFAULT '[]',
	version INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	published_by TEXT NOT NULL DEFAULT '',
	published_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (province, year)
);
CREATE INDEX plans_year ON plans(year, province);

CREATE TABLE plan_tasks (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id),
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	owner_id INTEGER NOT NULL REFERENCES users(id),
	target INTEGER NOT NULL DEFAULT 0,
	measure TEXT NOT NULL DEFAULT '',
	deadline TEXT NOT NULL,
	campaign_id INTEGER REFERENCES campaigns(id),
	link TEXT NOT NULL DEFAULT '',
	done INTEGER NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX plan_tasks_plan ON plan_tasks(plan_id, deadline, id);

CREATE TABLE plan_amendments (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id),
	version INTEGER NOT NULL,
	summary TEXT NOT NULL,
	reason TEXT NOT NULL,
	made_by TEXT NOT NULL,
	made_at TEXT NOT NULL
);
CREATE INDEX plan_amendments_plan ON plan_amendments(plan_id, version);
