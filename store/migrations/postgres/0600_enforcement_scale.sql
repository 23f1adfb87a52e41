-- Enforcement at scale (issue 13).
--
-- The register's text search: LIKE '%q%' over the search
-- column read every entry in scope whenever few matched (a second and more
-- at 50,000 entries). Entries are now also indexed as the ledger's records
-- are (character bigrams, single characters and filter tokens, see
-- store/search.go); the index narrows a search to its candidates and the
-- LIKE, kept as the test of a match, decides. The documents are computed
-- in Go: the store writes one for every existing entry after this
-- migration, in the same transaction (afterMigration in migrate.go).
ALTER TABLE bad_records ADD COLUMN terms TSVECTOR NOT NULL DEFAULT ''::tsvector;
CREATE INDEX bad_records_terms ON bad_records USING GIN (terms);

-- The annual board now reads its progress from the annual.dossiers
-- metric's counters (metrics_annual.go), not from this index, which only
-- that count read: every dossier written no longer updates it.
DROP INDEX dossiers_year_counts;
