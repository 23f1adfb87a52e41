package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/pinggu/pinggu"
)

// Imports are all or nothing: every row is checked first, and one bad row
// fails the whole file with every problem listed by line and field. A good
// file is written in one transaction with one audit entry per record and one
// summarising entry for the import.

// orgRef resolves a parent or owner named by credit code or exact name.
type orgRef struct {
	id       int64
	province string
	name     string
}

// lookupOrg finds an organisation in scope by credit code or exact name.
// problem says why none was found: no such organisation, or a name that
// matches more than one.
func (c *conn) lookupOrg(ref string) (_ orgRef, problem *pinggu.Error, err error) {
	var w where
	w.add("(o.uscc = ? OR o.name = ?)", pinggu.NormalizeUSCC(ref), ref)
	w.scope(c.actor, "o.id", "o.province")
	rows, err := c.query("SELECT o.id, o.province, o.name FROM organisations o"+w.sql()+" LIMIT 2", w.args...)
	if err != nil {
		return orgRef{}, nil, err
	}
	defer rows.Close()
	var found []orgRef
	for rows.Next() {
		var r orgRef
		if err := rows.Scan(&r.id, &r.province, &r.name); err != nil {
			return orgRef{}, nil, err
		}
		found = append(found, r)
	}
	switch len(found) {
	case 0:
		return orgRef{}, pinggu.Errorf(pinggu.EINVALID, "单位“%s”不存在", ref), rows.Err()
	case 1:
		return found[0], nil, rows.Err()
	}
	return orgRef{}, pinggu.Errorf(pinggu.EINVALID, "名称“%s”对应多个单位，请改用统一社会信用代码", ref), rows.Err()
}

func (c *conn) usccTaken(code string) (bool, error) {
	var n int
	err := c.queryRow("SELECT count(*) FROM organisations WHERE uscc = ?", code).Scan(&n)
	return n > 0, err
}

// ImportOrganisations creates every row or none. A parent is named by credit
// code or exact name, among organisations in scope or earlier rows.
func (db *DB) ImportOrganisations(ctx context.Context, rows []pinggu.OrganisationImportRow) (int, error) {
	err := db.inTx(ctx, func(c *conn) error {
		a := c.actor
		if !a.May(pinggu.ActLedgerWrite) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记单位")
		}
		if len(rows) == 0 {
			return pinggu.Errorf(pinggu.EINVALID, "导入文件没有数据行")
		}
		sc := a.LedgerScope()
		var v pinggu.Validation
		byCode := map[string]int{} // credit code → row index
		byName := map[string]int{}
		parentRow := make([]int, len(rows)) // index of the parent row, or -1
		for i := range rows {
			r := &rows[i]
			o := &r.Org
			o.ParentID = nil
			parentRow[i] = -1
			v.Fields = append(v.Fields, r.Problems...)
			if r.Unreadable {
				continue
			}
			o.Normalize()
			o.Validate(&v, r.Line)
			if o.Kind.Valid() && !pinggu.Allowed(a, pinggu.ActOrganisationCreate, pinggu.Subject{Kind: string(o.Kind)}) {
				v.Add(r.Line, "kind", "无权登记该类型的单位")
			}
			if sc.Kind == pinggu.ScopeProvince && o.Province != sc.Province {
				v.Add(r.Line, "province", "只能登记本省单位")
			}
			if sc.Kind == pinggu.ScopeOrgs && o.Key {
				v.Add(r.Line, "key_enterprise", "重点企业标记须由监管部门设置")
			}
			if o.USCC != "" {
				if j, dup := byCode[o.USCC]; dup {
					v.Add(r.Line, "uscc", "统一社会信用代码与第%d行重复", rows[j].Line)
				} else if taken, err := c.usccTaken(o.USCC); err != nil {
					return err
				} else if taken {
					v.Add(r.Line, "uscc", "统一社会信用代码已被其他单位使用")
				}
			}
			if p := trimSpace(r.Parent); p != "" {
				if j, ok := byCode[pinggu.NormalizeUSCC(p)]; ok {
					parentRow[i] = j
				} else if j, ok := byName[p]; ok {
					parentRow[i] = j
				} else {
					ref, problem, err := c.lookupOrg(p)
					if err != nil {
						return err
					}
					if problem != nil {
						v.Add(r.Line, "parent", "上级%s", problem)
					} else {
						o.ParentID = &ref.id
					}
				}
			} else if sc.Kind == pinggu.ScopeOrgs {
				v.Add(r.Line, "parent", "须指定上级单位")
			}
			if o.USCC != "" {
				if _, dup := byCode[o.USCC]; !dup {
					byCode[o.USCC] = i
				}
			}
			if _, dup := byName[o.Name]; !dup && o.Name != "" {
				byName[o.Name] = i
			}
		}
		sortByLine(v.Fields)
		if err := v.Err("导入文件有误，未导入任何数据"); err != nil {
			return err
		}
		for i := range rows {
			o := &rows[i].Org
			if j := parentRow[i]; j >= 0 {
				id := rows[j].Org.ID
				o.ParentID = &id
			}
			if err := c.insertOrg(o); err != nil {
				if pinggu.ErrorCode(err) != pinggu.EINTERNAL {
					return err
				}
				return fmt.Errorf("line %d: %w", rows[i].Line, err)
			}
			if err := c.audit(change{action: "organisation.create", objectType: "organisation", objectID: o.ID, detail: fmt.Sprintf("导入第%d行：%s", rows[i].Line, o.Name), after: o}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "organisation.import", objectType: "organisation", detail: fmt.Sprintf("导入%d个单位", len(rows))})
	})
	if err != nil {
		return 0, err
	}
	return len(rows), nil
}

// ImportServices creates every row or none. The owner is named by credit
// code or exact name among organisations in scope.
func (db *DB) ImportServices(ctx context.Context, rows []pinggu.ServiceImportRow) (int, error) {
	err := db.inTx(ctx, func(c *conn) error {
		if !c.actor.May(pinggu.ActServiceWrite) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记业务")
		}
		if len(rows) == 0 {
			return pinggu.Errorf(pinggu.EINVALID, "导入文件没有数据行")
		}
		var v pinggu.Validation
		owners := map[string]orgRef{}
		ownerName := make([]string, len(rows))
		for i := range rows {
			r := &rows[i]
			s := &r.Service
			v.Fields = append(v.Fields, r.Problems...)
			if r.Unreadable {
				continue
			}
			s.Normalize()
			owner := trimSpace(r.Owner)
			ref, ok := owners[owner]
			if !ok && owner != "" {
				var problem *pinggu.Error
				var err error
				ref, problem, err = c.lookupOrg(owner)
				if err != nil {
					return err
				}
				if problem != nil {
					v.Add(r.Line, "owner", "所属%s", problem)
				} else {
					owners[owner] = ref
					ok = true
				}
			} else if owner == "" {
				v.Add(r.Line, "owner", "须填写所属企业")
			}
			if ok {
				s.OrgID, s.Province, ownerName[i] = ref.id, ref.province, ref.name
			} else {
				s.OrgID = -1 // reported as owner above, not again as org_id
			}
			s.Validate(&v, r.Line)
			pinggu.ValidateInitialStatus(&v, r.Line, c.actor, s.Status)
		}
		sortByLine(v.Fields)
		if err := v.Err("导入文件有误，未导入任何数据"); err != nil {
			return err
		}
		for i := range rows {
			s := &rows[i].Service
			if err := c.insertService(s, ownerName[i]); err != nil {
				return fmt.Errorf("line %d: %w", rows[i].Line, err)
			}
			if err := c.audit(change{action: "service.create", objectType: "service", objectID: s.ID, detail: fmt.Sprintf("导入第%d行：%s", rows[i].Line, s.Name), after: s}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "service.import", objectType: "service", detail: fmt.Sprintf("导入%d项业务", len(rows))})
	})
	if err != nil {
		return 0, err
	}
	return len(rows), nil
}

// sortByLine puts an import's problems in the order of the file.
func sortByLine(fs []pinggu.FieldError) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Line < fs[j].Line })
}
