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
CREATE VIRTUAL TABLE bad_records_fts USING fts5(search, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

-- The annual board now reads its progress from the annual.dossiers
-- metric's counters (metrics_annual.go), not from this index, which only
-- that count read: every dossier written no longer updates it.
DROP INDEX dossiers_year_counts;
