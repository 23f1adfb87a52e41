package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

// RecordMajorChange records a major change of a launched service — new
// functions, technology, scale or business model — which brings its next
// periodic review forward to within pinggu.MajorChangeWindow.
func (db *DB) RecordMajorChange(ctx context.Context, id int64, description string) (*pinggu.Service, error) {
	var out *pinggu.Service
	err := db.inTx(ctx, func(c *conn) error {
		s, err := c.findService(id)
		if err != nil {
			return err
		}
		if !c.actor.May(pinggu.ActServiceWrite) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记业务重大变更")
		}
		description = strings.TrimSpace(description)
		var v pinggu.Validation
		if description == "" {
			v.Add(0, "description", "须说明重大变更的内容")
		} else if utf8.RuneCountInString(description) > 2000 {
			v.Add(0, "description", "变更说明不得超过2000个字符")
		}
		if err := v.Err("重大变更信息有误"); err != nil {
			return err
		}
		if s.Status != pinggu.StatusLaunched {
			return pinggu.Errorf(pinggu.ECONFLICT, "仅已上线业务需登记重大变更；未上线业务的变化在上线前评估中说明")
		}
		if _, err := c.exec("UPDATE services SET major_change_at = ?, updated_at = ? WHERE id = ?", tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if err := c.refreshReviewDue("s.id = ?", id); err != nil {
			return err
		}
		if out, err = c.findServiceAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "service.major_change", objectType: "service", objectID: id, detail: s.Name + "：" + description})
	})
	return out, err
}
