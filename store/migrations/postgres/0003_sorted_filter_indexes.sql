-- A broad filter sorted by time reads its page straight from an index that
-- holds the filter's column and then the sort: without one, a status of
-- 600,000 services is sorted whole for every page. The status ones matter
-- most, since the lifecycle and the dates go together (approved services
-- are all recent), so walking the plain date index and skipping the other
-- states is no cure either. (province, updated_at) exists already.
CREATE INDEX services_status_created ON services(status, created_at, id);
CREATE INDEX services_status_updated ON services(status, updated_at, id);
CREATE INDEX services_province_created ON services(province, created_at, id);
