package store

import "context"

// DropMetricTriggers removes the statistics' triggers, as a database of a
// version before them had none (for tests that take the schema back).
func DropMetricTriggers(db *DB) error {
	return db.inTx(context.Background(), func(c *conn) error { return c.dropMetricTriggersIfAny() })
}

// WalkUpdateOrder makes PostgreSQL's list by update time walk the order
// however few services match (see updateOrderSortCap), until undo.
func WalkUpdateOrder() (undo func()) {
	old := updateOrderSortCap
	updateOrderSortCap = -1
	return func() { updateOrderSortCap = old }
}
