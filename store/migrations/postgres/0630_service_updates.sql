-- Writes under load (issue 10). An edit of a service sets updated_at, and
-- three indexes of services held it, so no edit was a HOT update: each
-- added an entry to all eighteen indexes of services (the GIN search index
-- included) for a changed description. The order by update time now lives
-- in this narrow table, one row per service, with the sort indexes the
-- lists and the patrol's sync walk, and beside it the owner, province,
-- category and status the lists filter on, so that a walk of a sort index
-- tests them here instead of joining every row it passes to services. Services
-- keep updated_at unindexed: an edit of fields no index holds stays on its
-- heap page and touches no index of services. A row here changes with its
-- service, by the triggers below, in the statement that changes the
-- service, so the order never disagrees with the record.
CREATE TABLE service_updates (
	id BIGINT PRIMARY KEY,
	org_id BIGINT NOT NULL,
	province TEXT NOT NULL,
	category TEXT NOT NULL,
	status TEXT NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO service_updates (id, org_id, province, category, status, updated_at)
	SELECT id, org_id, province, category, status, updated_at FROM services;
CREATE INDEX service_updates_updated ON service_updates(updated_at, id);
CREATE INDEX service_updates_province_updated ON service_updates(province, updated_at, id);
CREATE INDEX service_updates_status_updated ON service_updates(status, updated_at, id);

DROP INDEX services_updated;
DROP INDEX services_province_updated;
DROP INDEX services_status_updated;

-- Inserts and deletes are copied once per statement (a bulk load inserts a
-- million services in one COPY); an update, whose columns a trigger with a
-- transition table cannot name, per row, and only when one of the copied
-- columns changed.
CREATE FUNCTION service_updates_i() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO service_updates (id, org_id, province, category, status, updated_at)
		SELECT id, org_id, province, category, status, updated_at FROM svc_new;
	RETURN NULL;
END $$;
CREATE TRIGGER service_updates_i AFTER INSERT ON services
	REFERENCING NEW TABLE AS svc_new FOR EACH STATEMENT EXECUTE FUNCTION service_updates_i();

CREATE FUNCTION service_updates_d() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM service_updates WHERE id IN (SELECT id FROM svc_old);
	RETURN NULL;
END $$;
CREATE TRIGGER service_updates_d AFTER DELETE ON services
	REFERENCING OLD TABLE AS svc_old FOR EACH STATEMENT EXECUTE FUNCTION service_updates_d();

CREATE FUNCTION service_updates_u() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE service_updates SET id = NEW.id, org_id = NEW.org_id, province = NEW.province, category = NEW.category,
		status = NEW.status, updated_at = NEW.updated_at WHERE id = OLD.id;
	RETURN NULL;
END $$;
CREATE TRIGGER service_updates_u AFTER UPDATE OF id, org_id, province, category, status, updated_at ON services FOR EACH ROW
	WHEN (OLD.id <> NEW.id OR OLD.org_id <> NEW.org_id OR OLD.province <> NEW.province OR OLD.category <> NEW.category
		OR OLD.status <> NEW.status OR OLD.updated_at <> NEW.updated_at)
	EXECUTE FUNCTION service_updates_u();
