-- The joint-unit mechanism (联席单位): members with dates, meetings with
-- minutes and follow-up tasks, and information pushed to members through
-- the notices (read receipts are the notices' read marks).
CREATE TABLE joint_members (
	id INTEGER PRIMARY KEY,
	province TEXT NOT NULL DEFAULT '',
	org_id INTEGER NOT NULL,
	org_name TEXT NOT NULL,
	kind TEXT NOT NULL,
	contact_name TEXT NOT NULL,
	contact_phone TEXT NOT NULL DEFAULT '',
	contact_email TEXT NOT NULL DEFAULT '',
	joined_on TEXT NOT NULL,
	left_on TEXT,
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX joint_members_level ON joint_members(province, org_id);
CREATE INDEX joint_members_org ON joint_members(org_id);

CREATE TABLE joint_meetings (
	id INTEGER PRIMARY KEY,
	province TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	held_at TEXT NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	agenda TEXT NOT NULL DEFAULT '',
	minutes TEXT NOT NULL DEFAULT '',
	decisions TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX joint_meetings_level ON joint_meetings(province, held_at);

CREATE TABLE joint_tasks (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES joint_meetings(id),
	member_id INTEGER NOT NULL REFERENCES joint_members(id),
	title TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '',
	due_on TEXT NOT NULL,
	state TEXT NOT NULL,
	done_at TEXT,
	done_by TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX joint_tasks_meeting ON joint_tasks(meeting_id);

CREATE TABLE joint_messages (
	id INTEGER PRIMARY KEY,
	province TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	notice_id INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX joint_messages_level ON joint_messages(province, created_at);
