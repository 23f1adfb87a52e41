-- Patrol at scale (issue 12). The shared per-host limiter reserved a
-- request in a transaction of seven statements, each a round trip, with
-- the host's row locked across all of them: every request of every worker
-- queued on it. The same steps as one function are one round trip, and
-- the row is locked only while the function runs.
--
-- patrol_reserve first ends the leases of p_release (a worker's requests
-- to the host that have finished since its last call, handed back with the
-- next call instead of in a round trip each), then takes, under the host's
-- row lock and with the database's
-- clock, a lease (when the host has a concurrency limit; lease = -1 when
-- the host is at it, and nothing is reserved) and the next rate slot
-- (GCRA: start at max(now, tat - (burst-1)*period), tat becomes
-- max(now, tat) + period), and says how long to wait for the slot.
CREATE FUNCTION patrol_reserve(p_host TEXT, p_period BIGINT, p_burst BIGINT, p_concurrency INTEGER, p_ttl BIGINT, p_release BIGINT[],
	OUT lease BIGINT, OUT wait_us BIGINT) LANGUAGE plpgsql AS $$
DECLARE
	v_tat BIGINT;
	v_now BIGINT;
	v_held INTEGER;
	v_base BIGINT;
BEGIN
	lease := 0;
	wait_us := 0;
	IF cardinality(p_release) > 0 THEN
		DELETE FROM patrol_host_leases WHERE id = ANY(p_release);
	END IF;
	SELECT tat INTO v_tat FROM patrol_hosts WHERE host = p_host FOR UPDATE;
	IF NOT FOUND THEN
		INSERT INTO patrol_hosts (host, tat) VALUES (p_host, 0) ON CONFLICT (host) DO NOTHING;
		SELECT tat INTO v_tat FROM patrol_hosts WHERE host = p_host FOR UPDATE;
	END IF;
	v_now := (extract(epoch FROM clock_timestamp()) * 1000000)::bigint;
	IF p_concurrency > 0 THEN
		DELETE FROM patrol_host_leases WHERE host = p_host AND expires_at < v_now;
		SELECT count(*) INTO v_held FROM patrol_host_leases WHERE host = p_host;
		IF v_held >= p_concurrency THEN
			lease := -1;
			RETURN;
		END IF;
		INSERT INTO patrol_host_leases (host, expires_at) VALUES (p_host, v_now + p_ttl) RETURNING id INTO lease;
	END IF;
	IF p_period > 0 THEN
		v_base := GREATEST(v_tat, v_now);
		UPDATE patrol_hosts SET tat = v_base + p_period WHERE host = p_host;
		wait_us := GREATEST(v_base - (GREATEST(p_burst, 1) - 1) * p_period - v_now, 0);
	END IF;
END $$;

-- A warning's reach counts the targets on its host showing harm: read from
-- the few risky targets of the host, not from every target of it.
CREATE INDEX patrol_targets_host_risky ON patrol_targets(host) WHERE open_findings > 0;
