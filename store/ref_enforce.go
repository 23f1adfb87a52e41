package store

import (
	"github.com/pinggu/pinggu"
)

// Enforcement's records, for cases and incidents to gather: each is
// found through its own scoped finder, so a case can only hold an order,
// problem, inspection or register entry its author can open.
func init() {
	refResolvers[pinggu.RefOrder] = func(c *conn, id int64) (refTarget, error) {
		o, err := c.findOrder(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: orderRefLabel(o), OrgID: o.OrgID, Province: o.Province}, nil
	}
	refResolvers[pinggu.RefOrderProblem] = func(c *conn, id int64) (refTarget, error) {
		o, p, err := c.findProblem(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: orderRefLabel(o) + " · " + p.Description, OrgID: o.OrgID, Province: o.Province}, nil
	}
	refResolvers[pinggu.RefInspection] = func(c *conn, id int64) (refTarget, error) {
		in, err := c.findInspection(id)
		if err != nil {
			return refTarget{}, err
		}
		label := in.Campaign + " · " + in.OrgName + " · " + in.InspectedOn.In(pinggu.ChinaTime).Format("2006-01-02")
		return refTarget{Label: label, OrgID: in.OrgID, Province: in.Province}, nil
	}
	refResolvers[pinggu.RefBadRecord] = func(c *conn, id int64) (refTarget, error) {
		b, err := c.findBadRecord(id)
		if err != nil {
			return refTarget{}, err
		}
		label := pinggu.BadRecordKindLabels[b.Kind].Zh + " · " + b.OrgName
		if b.DocNumber != "" {
			label += " · " + b.DocNumber
		}
		return refTarget{Label: label, OrgID: b.OrgID, Province: b.Province}, nil
	}
}

// orderRefLabel names an order by its document number (a draft has
// none yet) and title.
func orderRefLabel(o *pinggu.Order) string {
	if o.DocNumber == "" {
		return o.Title
	}
	return o.DocNumber + " " + o.Title
}
