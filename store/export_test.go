package store

import "context"

// DropMetricTriggers removes the statistics' triggers, as a database of a
// version before them had none (for tests that take the schema back).
func DropMetricTriggers(db *DB) error {
	return db.inTx(context.Background(), func(c *conn) error { return c.dropMetricTriggersIfAny() })
}
