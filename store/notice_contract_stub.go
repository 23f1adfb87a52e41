package store

import "github.com/pinggu/pinggu"

// notify is the lead's notices contract (branch lead-notices), which writes
// the notice, its recipients and its delivery outbox in c's transaction.
// Until it lands on main this stand-in only checks the notice, so every
// call site is written and tested for its content; delete this file when
// the real one arrives.
func (c *conn) notify(n *pinggu.Notice) error {
	if err := n.Check(); err != nil {
		return err
	}
	n.CreatedAt = c.now
	return nil
}
