package store

import (
	"context"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// SetReviewInterval sets how many months a launched service of a category
// may go between periodic reviews (0 restores the default of 12).
// Regulators at the ministry set it.
func (db *DB) SetReviewInterval(ctx context.Context, category pinggu.Category, months int) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActReviewIntervalSet, pinggu.Subject{}); err != nil {
			return err
		}
		if !category.Valid() {
			return pinggu.FieldErrorf(pinggu.EINVALID, "业务类别不存在", "category", "业务类别“%s”不存在", string(category))
		}
		if months < 0 || months > 120 {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "核查周期无效", Fields: []pinggu.FieldError{{Field: "months", Message: "核查周期须为1至120个月"}}}
		}
		if _, err := c.exec("DELETE FROM review_intervals WHERE category = ?", string(category)); err != nil {
			return err
		}
		if months > 0 {
			if _, err := c.exec("INSERT INTO review_intervals (category, months) VALUES (?, ?)", string(category), months); err != nil {
				return err
			}
		}
		if err := c.refreshReviewDue("s.category = ?", string(category)); err != nil {
			return err
		}
		return c.audit(change{action: "review.interval", objectType: "category", detail: fmt.Sprintf("%s: %d个月", category, months)})
	})
}

// ReviewIntervals returns the configured review interval in months of each
// category that has one; the others use pinggu.DefaultReviewMonths.
func (db *DB) ReviewIntervals(ctx context.Context) (map[pinggu.Category]int, error) {
	c := db.reader(ctx)
	if c.actor == nil {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	return c.reviewIntervals()
}

func (c *conn) reviewIntervals() (map[pinggu.Category]int, error) {
	rows, err := c.query("SELECT category, months FROM review_intervals")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[pinggu.Category]int{}
	for rows.Next() {
		var cat string
		var n int
		if err := rows.Scan(&cat, &n); err != nil {
			return nil, err
		}
		m[pinggu.Category(cat)] = n
	}
	return m, rows.Err()
}

// ReviewsDue lists the launched services in scope with their next periodic
// review date — the category's interval after launch or the last accepted
// periodic review, sooner after a major change — filtered by status ("" for
// all), soonest first.
//
// The date is kept on each service (review_due_at), written with every
// change to what it follows from by refreshReviewDue through
// pinggu.NextReviewDue, so both databases agree to the day and the list is
// read from an index in due order, like any other list.
func (db *DB) ReviewsDue(ctx context.Context, status pinggu.ReviewStatus, o pinggu.ListOptions) ([]*pinggu.ReviewDue, int, error) {
	return db.ListReviewsDue(ctx, pinggu.ReviewDueFilter{Status: status, ListOptions: o})
}

// ListReviewsDue lists the reviews due in scope, narrowed to a province.
func (db *DB) ListReviewsDue(ctx context.Context, f pinggu.ReviewDueFilter) ([]*pinggu.ReviewDue, int, error) {
	c := db.reader(ctx)
	status, o := f.Status, f.ListOptions
	opt := o.Normalize()
	switch status {
	case "", pinggu.ReviewOK, pinggu.ReviewDueSoon, pinggu.ReviewOverdue:
	default:
		return nil, 0, pinggu.FieldErrorf(pinggu.EINVALID, "核查状态无效", "status", "核查状态“%s”不存在", string(status))
	}
	w := c.reviewsDueWhere(status)
	if f.Province != "" {
		w.add("s.province = ?", f.Province)
	}
	total, err := c.count("services s", w)
	if err != nil {
		return nil, 0, err
	}
	page, err := c.reviewsDue(w, opt.Limit, opt.Offset)
	if err != nil {
		return nil, 0, err
	}
	return page, total, c.nameReviews(page)
}

// reviewsDueWhere selects the launched services in c's scope whose review
// stands at status ("" for all) now, as pinggu.StatusOfReview decides.
func (c *conn) reviewsDueWhere(status pinggu.ReviewStatus) where {
	var w where
	w.scope(c.actor, "s.org_id", "s.province")
	w.add("s.status = ?", string(pinggu.StatusLaunched))
	soon := tval(c.now.Add(pinggu.ReviewDueSoonWindow))
	switch status {
	case pinggu.ReviewOverdue:
		w.add("s.review_due_at < ?", tval(c.now))
	case pinggu.ReviewDueSoon:
		w.add("s.review_due_at >= ? AND s.review_due_at <= ?", tval(c.now), soon)
	case pinggu.ReviewOK:
		w.add("s.review_due_at > ?", soon)
	}
	return w
}

// nameReviews fills in the names and owners of a page of due reviews.
func (c *conn) nameReviews(page []*pinggu.ReviewDue) error {
	if len(page) == 0 {
		return nil
	}
	byID := map[int64]*pinggu.ReviewDue{}
	args := make([]any, len(page))
	for i, r := range page {
		byID[r.ServiceID], args[i] = r, r.ServiceID
	}
	rows, err := c.query("SELECT s.id, s.name, s.org_id, o.name, s.province FROM services s JOIN organisations o ON o.id = s.org_id WHERE s.id IN ("+placeholders(len(args))+")", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, orgName, prov string
		var orgID int64
		if err := rows.Scan(&id, &name, &orgID, &orgName, &prov); err != nil {
			return err
		}
		if r := byID[id]; r != nil {
			r.ServiceName, r.OrgID, r.OrgName, r.Province = name, orgID, orgName, prov
		}
	}
	return rows.Err()
}

// reviewsDue reads the services w selects, soonest due first, limit of them
// from offset (limit < 0: all); names are not loaded. The reminder job uses
// it too, so the list and the reminders never disagree about a date.
func (c *conn) reviewsDue(w where, limit, offset int) ([]*pinggu.ReviewDue, error) {
	q := "SELECT s.id, s.category, s.review_due_at FROM services s" + w.sql() + " ORDER BY s.review_due_at, s.id"
	args := w.args
	if limit >= 0 {
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, offset)
	}
	return queryAll(c, func(row rowScanner) (*pinggu.ReviewDue, error) {
		var r pinggu.ReviewDue
		var cat string
		var due tscan
		err := row.Scan(&r.ServiceID, &cat, &due)
		r.Category, r.DueAt = pinggu.Category(cat), due.T
		r.Status = pinggu.StatusOfReview(r.DueAt, c.now)
		return &r, err
	}, q, args...)
}

// refreshReviewDue recomputes the review due date of the services matching
// cond (on services s) from their launch (or registration, for one
// registered as launched), their last accepted periodic review, their last
// major change and their category's interval. Every write to one of those
// calls it in the same transaction.
func (c *conn) refreshReviewDue(cond string, args ...any) error {
	intervals, err := c.reviewIntervals()
	if err != nil {
		return err
	}
	type due struct {
		id int64
		at time.Time
	}
	dues, err := queryAll(c, func(row rowScanner) (due, error) {
		var id int64
		var cat string
		var launched, reviewed, changed tscan
		err := row.Scan(&id, &cat, &launched, &reviewed, &changed)
		return due{id, reviewDue(launched.T, reviewed.Ptr(), changed.Ptr(), intervals[pinggu.Category(cat)])}, err
	}, `SELECT s.id, s.category, COALESCE(s.launched_at, s.created_at),
		(SELECT max(a.reviewed_at) FROM assessments a WHERE a.service_id = s.id AND a.kind = ? AND a.state = ?), s.major_change_at
		FROM services s WHERE `+cond,
		append([]any{string(pinggu.KindPeriodic), string(pinggu.AssessAccepted)}, args...)...)
	if err != nil {
		return err
	}
	for _, d := range dues {
		// Unchanged dates are not written: each write rewrites two indexes.
		if _, err := c.exec("UPDATE services SET review_due_at = ? WHERE id = ? AND (review_due_at IS NULL OR review_due_at <> ?)", tval(d.at), d.id, tval(d.at)); err != nil {
			return err
		}
	}
	return nil
}

// reviewDue is pinggu.NextReviewDue from the last of launch and accepted
// periodic review.
func reviewDue(launched time.Time, reviewed, majorChange *time.Time, months int) time.Time {
	base := launched
	if reviewed != nil && reviewed.After(base) {
		base = *reviewed
	}
	return pinggu.NextReviewDue(base, months, majorChange)
}
