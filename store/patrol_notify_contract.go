package store

import "github.com/pinggu/pinggu"

// notify stands in for the lead's notices mechanism (brief, "Notices")
// until it lands on main: the real conn.notify writes the notice, its
// recipients and its delivery outbox in c's transaction. Patrol calls it
// already at every point it must tell someone; this file is deleted when
// main brings the real one.
func (c *conn) notify(n *pinggu.Notice) error {
	if n.Kind == "" || n.Title == "" || len(n.Recipients) == 0 {
		return pinggu.Errorf(pinggu.EINTERNAL, "store: incomplete notice %q", n.Kind)
	}
	n.CreatedAt = c.now
	return nil
}
