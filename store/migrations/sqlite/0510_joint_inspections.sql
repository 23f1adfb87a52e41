-- Joint inspections: partner departments taking part in an inspection
-- record, with their comments per checklist item and their sign-off, as
-- in joint assessments (0501). Taking part is also a share grant of the
-- inspection (ref_kind 'inspection').
CREATE TABLE inspection_partners (
	id INTEGER PRIMARY KEY,
	inspection_id INTEGER NOT NULL REFERENCES inspections(id),
	partner_org_id INTEGER NOT NULL,
	partner_name TEXT NOT NULL,
	message TEXT NOT NULL DEFAULT '',
	invited_by TEXT NOT NULL,
	invited_at TEXT NOT NULL,
	opinion TEXT NOT NULL DEFAULT '',
	sign_comment TEXT NOT NULL DEFAULT '',
	signed_by TEXT NOT NULL DEFAULT '',
	signed_at TEXT,
	withdrawn_at TEXT
);
CREATE INDEX inspection_partners_insp ON inspection_partners(inspection_id);

CREATE TABLE inspection_partner_comments (
	inspection_id INTEGER NOT NULL REFERENCES inspections(id),
	partner_org_id INTEGER NOT NULL,
	key TEXT NOT NULL,
	comment TEXT NOT NULL,
	by_user TEXT NOT NULL,
	at TEXT NOT NULL,
	PRIMARY KEY (inspection_id, partner_org_id, key)
);
