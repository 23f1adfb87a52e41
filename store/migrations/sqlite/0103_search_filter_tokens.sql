-- Search documents now also hold filter tokens (the record's organisation,
-- province, category, status, kind, parent and key flag), so that searches
-- inside a scope or with filters intersect in the index. The documents are
-- computed in Go: the store rewrites every one of them after this migration,
-- in the same transaction (see reindexAfter in migrate.go).
SELECT 1;
