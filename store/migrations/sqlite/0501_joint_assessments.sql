-- Joint assessments: partner departments taking part in an assessment, with
-- their comments per item and their sign-off. Taking part is also a share
-- grant of the assessment (ref_kind 'assessment').
CREATE TABLE assessment_partners (
	id INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
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
CREATE INDEX assessment_partners_asm ON assessment_partners(assessment_id);

CREATE TABLE assessment_partner_comments (
	assessment_id INTEGER NOT NULL REFERENCES assessments(id),
	partner_org_id INTEGER NOT NULL,
	key TEXT NOT NULL,
	comment TEXT NOT NULL,
	by_user TEXT NOT NULL,
	at TEXT NOT NULL,
	PRIMARY KEY (assessment_id, partner_org_id, key)
);
