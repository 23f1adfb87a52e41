-- Filters that officers combine most (their province, a state and a
-- category), answered and counted from one index in name order.
CREATE INDEX services_province_status_category ON services(province, status, category, name, id);
CREATE INDEX services_status_category ON services(status, category, name, id);
