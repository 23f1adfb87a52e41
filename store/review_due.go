package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/pinggu/pinggu"
)

// SetReviewInterval sets how many months a launched service of a category
// may go between periodic reviews (0 restores the default of 12).
// Regulators at the ministry set it.
func (db *DB) SetReviewInterval(ctx context.Context, category pinggu.Category, months int) error {
	return db.inTx(ctx, func(c *conn) error {
		if c.actor == nil || (c.actor.Role != pinggu.RoleMinistry && c.actor.Role != pinggu.RoleSystem) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "仅部级监管人员可设置定期核查周期")
		}
		if !category.Valid() {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "业务类别不存在", Fields: []pinggu.FieldError{{Field: "category", Message: fmt.Sprintf("业务类别“%s”不存在", category)}}}
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
// periodic review, sooner after a major change — filtered by status ("" for all), soonest first.
//
// The dates are computed here rather than in SQL so both databases follow
// pinggu.NextReviewDue to the day: the query reads only the id, category
// and dates of each launched service in scope, and names are loaded for the
// page alone. A materialised due date is the next step if the whole
// country's list must come faster.
func (db *DB) ReviewsDue(ctx context.Context, status pinggu.ReviewStatus, o pinggu.ListOptions) ([]*pinggu.ReviewDue, int, error) {
	c := db.reader(ctx)
	opt := o.Normalize()
	switch status {
	case "", pinggu.ReviewOK, pinggu.ReviewDueSoon, pinggu.ReviewOverdue:
	default:
		return nil, 0, &pinggu.Error{Code: pinggu.EINVALID, Message: "核查状态无效", Fields: []pinggu.FieldError{{Field: "status", Message: fmt.Sprintf("核查状态“%s”不存在", status)}}}
	}
	all, err := c.reviewsDue(status)
	if err != nil {
		return nil, 0, err
	}
	total := len(all)
	if opt.Offset >= total {
		return []*pinggu.ReviewDue{}, total, nil
	}
	page := all[opt.Offset:min(total, opt.Offset+opt.Limit)]
	return page, total, c.nameReviews(page)
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

// reviewsDue computes the due date and status of every launched service in
// c's scope, keeps those of status ("" for all) and sorts them soonest
// first; names are not loaded. The reminder job uses it too, so the list and
// the reminders never disagree about a date.
func (c *conn) reviewsDue(status pinggu.ReviewStatus) ([]*pinggu.ReviewDue, error) {
	intervals, err := c.reviewIntervals()
	if err != nil {
		return nil, err
	}
	var w where
	w.scope(c.actor, "s.org_id", "s.province")
	w.add("s.status = ?", string(pinggu.StatusLaunched))
	// Services registered as launched without a launch time count from
	// their registration.
	rows, err := c.query(`SELECT s.id, s.category, COALESCE(s.launched_at, s.created_at), r.at, s.major_change_at
		FROM services s LEFT JOIN (SELECT service_id, max(reviewed_at) AS at FROM assessments WHERE kind = ? AND state = ? GROUP BY service_id) r
		ON r.service_id = s.id`+w.sql(),
		append([]any{string(pinggu.KindPeriodic), string(pinggu.AssessAccepted)}, w.args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	now := c.now
	var all []*pinggu.ReviewDue
	for rows.Next() {
		var r pinggu.ReviewDue
		var cat string
		var launched, reviewed, changed tscan
		if err := rows.Scan(&r.ServiceID, &cat, &launched, &reviewed, &changed); err != nil {
			return nil, err
		}
		r.Category = pinggu.Category(cat)
		base := launched.T
		if reviewed.Valid && reviewed.T.After(base) {
			base = reviewed.T
		}
		var majorChange *time.Time
		if changed.Valid {
			majorChange = &changed.T
		}
		r.DueAt = pinggu.NextReviewDue(base, intervals[r.Category], majorChange)
		r.Status = pinggu.StatusOfReview(r.DueAt, now)
		if status == "" || r.Status == status {
			all = append(all, &r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool {
		if !all[i].DueAt.Equal(all[j].DueAt) {
			return all[i].DueAt.Before(all[j].DueAt)
		}
		return all[i].ServiceID < all[j].ServiceID
	})
	return all, nil
}
