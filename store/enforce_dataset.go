package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

// LoadEnforcementDataset bulk-loads orders (with problems and escalation
// steps) and register entries, as the platform, in one transaction with one
// audit entry: the benchmark's way to reach 200,000 orders in seconds. The
// records are written as given, states included; nothing is notified.
func (db *DB) LoadEnforcementDataset(ctx context.Context, d *pinggu.EnforcementDataset) error {
	if !pinggu.ActorFrom(ctx).IsSystem() {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "仅系统可批量装载")
	}
	return db.inTx(ctx, func(c *conn) error {
		next := func(table string) (int64, error) {
			var id int64
			err := c.queryRow("SELECT COALESCE(max(id), 0) FROM " + table).Scan(&id)
			return id + 1, err
		}
		orderID, err := next("orders")
		if err != nil {
			return err
		}
		problemID, _ := next("order_problems")
		escID, _ := next("escalations")
		badID, _ := next("bad_records")
		var problems, escs [][]any
		orders := make([][]any, len(d.Orders))
		for i, o := range d.Orders {
			o.ID = orderID + int64(i)
			orders[i] = []any{o.ID, o.DocNumber, o.Issuer, o.OrgID, o.OrgName, o.Province, nullID(o.ServiceID), o.Title, o.Basis, string(o.State),
				tnull(o.DueAt), b2i(o.RecordAsBad), string(o.Level), b2i(o.FailRecommended), o.CreatedBy, tnull(o.IssuedAt), tnull(o.ClosedAt), tval(o.CreatedAt), tval(o.UpdatedAt)}
			for j, p := range o.Problems {
				p.ID, p.OrderID = problemID, o.ID
				problemID++
				problems = append(problems, []any{p.ID, o.ID, j + 1, p.Description, p.Requirement, p.Severity, tval(p.DueAt), string(p.State)})
			}
			for _, e := range o.Escalations {
				e.ID, e.OrderID = escID, o.ID
				escID++
				escs = append(escs, []any{e.ID, o.ID, string(e.Step), string(e.State), jsonText(e.Reasons), tval(e.ProposedAt), e.DecidedBy, tnull(e.DecidedAt), e.Note})
			}
		}
		pg := c.db.d.pg()
		badCols := []string{"id", "kind", "org_id", "org_name", "province", "ref_kind", "ref_id", "doc_number", "facts", "decided_at", "valid_from", "valid_to", "state", "search", "created_by", "created_at", "updated_at"}
		if pg {
			badCols = append(badCols, "terms")
		}
		bad := make([][]any, len(d.BadRecords))
		var badDocs [][]any // SQLite's index rows
		for i, b := range d.BadRecords {
			b.ID = badID + int64(i)
			bad[i] = []any{b.ID, string(b.Kind), b.OrgID, b.OrgName, b.Province, b.Source.Kind, b.Source.ID, b.DocNumber, b.Facts, tval(b.DecidedAt),
				tval(b.ValidFrom), tval(b.ValidTo), string(b.State), badSearchText(b.OrgName, b.DocNumber), "system", tval(b.CreatedAt), tval(b.CreatedAt)}
			if pg {
				bad[i] = append(bad[i], pgTSVector(badRecordDoc(b)))
			} else {
				badDocs = append(badDocs, []any{b.ID, c.db.d.searchDoc(badRecordDoc(b))})
			}
		}
		for _, t := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"orders", []string{"id", "doc_number", "issuer", "org_id", "org_name", "province", "service_id", "title", "basis", "state", "due_at", "record_as_bad", "level", "fail_recommended", "created_by", "issued_at", "closed_at", "created_at", "updated_at"}, orders},
			{"order_problems", []string{"id", "order_id", "seq", "description", "requirement", "severity", "due_at", "state"}, problems},
			{"escalations", []string{"id", "order_id", "step", "state", "reasons", "proposed_at", "decided_by", "decided_at", "note"}, escs},
			{"bad_records", badCols, bad},
		} {
			if err := c.insertRows(t.table, t.cols, t.rows); err != nil {
				return fmt.Errorf("store: load %s: %w", t.table, err)
			}
			if !pg && t.table == "bad_records" {
				if err := c.insertRows("bad_records_fts", []string{"rowid", "search"}, badDocs); err != nil {
					return fmt.Errorf("store: index bad_records: %w", err)
				}
			}
			if pg {
				if _, err := c.exec("SELECT setval(pg_get_serial_sequence('" + t.table + "', 'id'), GREATEST((SELECT COALESCE(max(id), 0) FROM " + t.table + "), 1))"); err != nil {
					return err
				}
			}
		}
		if _, err := c.exec("ANALYZE"); err != nil {
			return err
		}
		return c.audit(change{action: "order.bulk_load", objectType: "order",
			detail: fmt.Sprintf("批量装载整改通知%d份、整改问题%d项、升级措施%d项、不良记录%d条", len(orders), len(problems), len(escs), len(bad))})
	})
}

// insertRows writes rows in multi-row INSERTs of at most 500 rows and
// 30,000 values each.
func (c *conn) insertRows(table string, cols []string, rows [][]any) error {
	per := min(500, 30000/len(cols))
	one := "(" + placeholders(len(cols)) + ")"
	for i := 0; i < len(rows); i += per {
		k := min(per, len(rows)-i)
		args := make([]any, 0, k*len(cols))
		for _, r := range rows[i : i+k] {
			args = append(args, r...)
		}
		q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", k), ", ")
		if _, err := c.exec(q, args...); err != nil {
			return err
		}
	}
	return nil
}
