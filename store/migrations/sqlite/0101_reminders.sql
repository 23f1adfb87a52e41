-- Periodic-review reminders (issue 4). org_id and province are the service
-- owner's, copied so that scoping a reminder needs no join; the unique key
-- keeps a daily run from repeating a reminder.
CREATE TABLE reminders (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	service_id INTEGER NOT NULL REFERENCES services(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	province TEXT NOT NULL,
	due_at TEXT NOT NULL,
	message TEXT NOT NULL,
	created_at TEXT NOT NULL,
	read_at TEXT,
	UNIQUE (service_id, due_at, kind)
);
CREATE INDEX reminders_org ON reminders(org_id, created_at, id);
CREATE INDEX reminders_province ON reminders(province, created_at, id);
CREATE INDEX reminders_created ON reminders(created_at, id);

-- The outbox: a reminder waiting to be handed to the delivery jobs, written
-- in the reminder's transaction so none is lost between the two.
CREATE TABLE reminder_outbox (
	reminder_id INTEGER PRIMARY KEY REFERENCES reminders(id),
	created_at TEXT NOT NULL,
	dispatched_at TEXT
);
CREATE INDEX reminder_outbox_pending ON reminder_outbox(dispatched_at, reminder_id);

-- One row per channel that has carried a reminder out.
CREATE TABLE reminder_deliveries (
	reminder_id INTEGER NOT NULL REFERENCES reminders(id),
	channel TEXT NOT NULL,
	delivered_at TEXT NOT NULL,
	PRIMARY KEY (reminder_id, channel)
);
