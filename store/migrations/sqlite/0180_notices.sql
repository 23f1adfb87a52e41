-- Notices: one inbox for every module (warnings raised, orders issued,
-- deadlines near). A notice is written in the transaction of the change it
-- reports; its recipients say which accounts it reaches (a party, narrowed
-- to an organisation or a province; 0 and '' mean "any"), and read state is
-- kept per account.
CREATE TABLE notices (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	ref_kind TEXT NOT NULL DEFAULT '',
	ref_id INTEGER NOT NULL DEFAULT 0,
	link TEXT NOT NULL DEFAULT '',
	org_id INTEGER NOT NULL DEFAULT 0,
	province TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	message TEXT NOT NULL,
	due_at TEXT,
	dedup_key TEXT UNIQUE,
	created_at TEXT NOT NULL
);
CREATE INDEX notices_ref ON notices(ref_kind, ref_id);

CREATE TABLE notice_recipients (
	notice_id INTEGER NOT NULL REFERENCES notices(id),
	party TEXT NOT NULL,
	org_id INTEGER NOT NULL DEFAULT 0,
	province TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (notice_id, party, org_id, province)
);
CREATE INDEX notice_recipients_inbox ON notice_recipients(party, province, org_id, notice_id);

CREATE TABLE notice_reads (
	notice_id INTEGER NOT NULL REFERENCES notices(id),
	user_id INTEGER NOT NULL,
	read_at TEXT NOT NULL,
	PRIMARY KEY (user_id, notice_id)
);

-- The outbox: a notice waiting to be handed to the delivery jobs, written
-- in the notice's transaction so none is lost between the two.
CREATE TABLE notice_outbox (
	notice_id INTEGER PRIMARY KEY REFERENCES notices(id),
	created_at TEXT NOT NULL,
	dispatched_at TEXT
);
CREATE INDEX notice_outbox_pending ON notice_outbox(dispatched_at, notice_id);

CREATE TABLE notice_deliveries (
	notice_id INTEGER NOT NULL REFERENCES notices(id),
	channel TEXT NOT NULL,
	delivered_at TEXT NOT NULL,
	PRIMARY KEY (notice_id, channel)
);
