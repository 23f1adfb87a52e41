-- A major change of a launched service (新功能、新技术、用户规模或业务模式的重大变化) brings its
-- periodic review forward; the latest one is kept on the service, the history in the audit log.
ALTER TABLE services ADD COLUMN major_change_at TEXT;
