-- The ledger, accounts and the audit chain. Times are fixed-width UTC text
-- (see dialect.go) so they sort as times; lists are JSON text.
CREATE TABLE organisations (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	name TEXT NOT NULL,
	uscc TEXT UNIQUE,
	province TEXT NOT NULL,
	parent_id INTEGER REFERENCES organisations(id),
	key_enterprise INTEGER NOT NULL DEFAULT 0,
	address TEXT NOT NULL DEFAULT '',
	contacts TEXT NOT NULL DEFAULT '[]',
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX organisations_name ON organisations(name, id);
CREATE INDEX organisations_province_name ON organisations(province, name, id);
CREATE INDEX organisations_parent ON organisations(parent_id);
CREATE INDEX organisations_kind_name ON organisations(kind, name, id);
CREATE INDEX organisations_created ON organisations(created_at, id);
CREATE INDEX organisations_updated ON organisations(updated_at, id);
-- Character bigrams (and single characters) of name and credit code: a
-- phrase of the query's bigrams turns substring search into an index lookup.
CREATE VIRTUAL TABLE organisations_fts USING fts5(search, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE licences (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	number TEXT NOT NULL UNIQUE,
	categories TEXT NOT NULL DEFAULT '[]',
	issuer TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	valid_to TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX licences_org ON licences(org_id);
CREATE INDEX licences_valid_to ON licences(valid_to, id);

CREATE TABLE services (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	name TEXT NOT NULL,
	category TEXT NOT NULL,
	tags TEXT NOT NULL DEFAULT '[]',
	provinces TEXT NOT NULL DEFAULT '[]',
	status TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	targets TEXT NOT NULL DEFAULT '[]',
	launched_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX services_name ON services(name, id);
CREATE INDEX services_org_name ON services(org_id, name, id);
CREATE INDEX services_province_name ON services(province, name, id);
CREATE INDEX services_category_name ON services(category, name, id);
CREATE INDEX services_status_name ON services(status, name, id);
CREATE INDEX services_created ON services(created_at, id);
CREATE INDEX services_updated ON services(updated_at, id);
CREATE INDEX services_province_updated ON services(province, updated_at, id);
CREATE VIRTUAL TABLE services_fts USING fts5(search, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL,
	org_id INTEGER REFERENCES organisations(id),
	province TEXT NOT NULL DEFAULT '',
	locale TEXT NOT NULL DEFAULT '',
	disabled INTEGER NOT NULL DEFAULT 0,
	password_hash TEXT NOT NULL,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until TEXT,
	must_change_password INTEGER NOT NULL DEFAULT 0,
	last_login_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	remote_addr TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	prefix TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	expires_at TEXT,
	last_used_at TEXT,
	revoked_at TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	actor_id INTEGER NOT NULL DEFAULT 0,
	actor_name TEXT NOT NULL,
	actor_role TEXT NOT NULL,
	action TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id INTEGER NOT NULL DEFAULT 0,
	detail TEXT NOT NULL DEFAULT '',
	before_digest TEXT NOT NULL DEFAULT '',
	after_digest TEXT NOT NULL DEFAULT '',
	remote_addr TEXT NOT NULL DEFAULT '',
	alg TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
CREATE INDEX audit_log_actor ON audit_log(actor_name, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
-- The chain's head: appends read and move it inside their transaction.
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	seq INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
