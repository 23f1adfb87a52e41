-- Bulletins and typical cases (issue 14). A bulletin's lines are rows of
-- their own so that a bureau or an enterprise is shown only its lines by
-- the query itself. A published bulletin and its lines never change: the
-- store refuses it, and so do the triggers below.
CREATE TABLE typical_cases (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	quarter TEXT NOT NULL,
	category TEXT NOT NULL,
	summary TEXT NOT NULL,
	measures TEXT NOT NULL,
	lessons TEXT NOT NULL,
	anonymised INTEGER NOT NULL DEFAULT 0,
	org_id INTEGER REFERENCES organisations(id),
	province TEXT NOT NULL DEFAULT '',
	refs TEXT NOT NULL DEFAULT '[]',
	state TEXT NOT NULL,
	created_by TEXT NOT NULL,
	published_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX typical_cases_quarter ON typical_cases(quarter, state);
CREATE INDEX typical_cases_org ON typical_cases(org_id);

CREATE TABLE bulletins (
	id INTEGER PRIMARY KEY,
	number TEXT UNIQUE,
	title TEXT NOT NULL,
	period TEXT NOT NULL,
	state TEXT NOT NULL,
	intro TEXT NOT NULL DEFAULT '',
	requirements TEXT NOT NULL DEFAULT '',
	figures TEXT NOT NULL DEFAULT '[]',
	columns TEXT NOT NULL DEFAULT '[]',
	ent_columns TEXT NOT NULL DEFAULT '[]',
	case_ids TEXT NOT NULL DEFAULT '[]',
	as_of TEXT NOT NULL,
	issuer_org_id INTEGER,
	drafted_by TEXT NOT NULL,
	approved_by TEXT NOT NULL DEFAULT '',
	approved_at TEXT,
	published_by TEXT NOT NULL DEFAULT '',
	published_at TEXT,
	return_reason TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX bulletins_state ON bulletins(state, updated_at);

CREATE TABLE bulletin_lines (
	id INTEGER PRIMARY KEY,
	bulletin_id INTEGER NOT NULL REFERENCES bulletins(id),
	kind TEXT NOT NULL,
	province TEXT NOT NULL,
	org_id INTEGER NOT NULL DEFAULT 0,
	org_name TEXT NOT NULL DEFAULT '',
	rank INTEGER NOT NULL DEFAULT 0,
	vals TEXT NOT NULL DEFAULT '[]',
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bulletin_lines_bulletin ON bulletin_lines(bulletin_id, kind, rank);
CREATE INDEX bulletin_lines_province ON bulletin_lines(province, bulletin_id);
CREATE INDEX bulletin_lines_org ON bulletin_lines(org_id, bulletin_id);

CREATE TRIGGER bulletins_published_update BEFORE UPDATE ON bulletins WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'a published bulletin never changes'); END;
CREATE TRIGGER bulletins_published_delete BEFORE DELETE ON bulletins WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'a published bulletin never changes'); END;
CREATE TRIGGER bulletin_lines_published_insert BEFORE INSERT ON bulletin_lines WHEN (SELECT state FROM bulletins WHERE id = NEW.bulletin_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published bulletin never changes'); END;
CREATE TRIGGER bulletin_lines_published_update BEFORE UPDATE ON bulletin_lines WHEN (SELECT state FROM bulletins WHERE id = OLD.bulletin_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published bulletin never changes'); END;
CREATE TRIGGER bulletin_lines_published_delete BEFORE DELETE ON bulletin_lines WHEN (SELECT state FROM bulletins WHERE id = OLD.bulletin_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published bulletin never changes'); END;
