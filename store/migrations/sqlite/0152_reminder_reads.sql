-- Read marks per user (issue 10): one officer reading a reminder no longer
-- marks it read for everyone else who sees it (the enterprise and its
-- bureau). The shared column reminders.read_at is no longer read or
-- written; it stays, as dropping it would rewrite the whole table.
CREATE TABLE reminder_reads (
	reminder_id INTEGER NOT NULL REFERENCES reminders(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	read_at TEXT NOT NULL,
	PRIMARY KEY (user_id, reminder_id)
);
