package store

import (
	"github.com/pinggu/pinggu"
)

// refTarget is what a record named by a pinggu.Ref is, as far as another
// module needs it: its name for people, and the owner and province that
// place it.
type refTarget struct {
	Label    string
	OrgID    int64
	Province string
}

// refResolvers find a record by kind inside the caller's scope; a record
// outside it, or of a kind no module registered, is not found. Each module
// registers its record kinds from its own file, so cases and incidents can
// gather records of modules they do not know.
var refResolvers = map[string]func(c *conn, id int64) (refTarget, error){}

func init() {
	refResolvers["assessment"] = func(c *conn, id int64) (refTarget, error) {
		a, err := c.findAssessment(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: a.Title, OrgID: a.OrgID, Province: a.Province}, nil
	}
	refResolvers["service"] = func(c *conn, id int64) (refTarget, error) {
		s, err := c.findService(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: s.Name, OrgID: s.OrgID, Province: s.Province}, nil
	}
	refResolvers["organisation"] = func(c *conn, id int64) (refTarget, error) {
		o, err := c.findOrg(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: o.Name, OrgID: o.ID, Province: o.Province}, nil
	}
}

// resolveRef finds the record r names in the caller's scope.
func (c *conn) resolveRef(r pinggu.Ref) (refTarget, error) {
	f, ok := refResolvers[r.Kind]
	if !ok || r.ID == 0 {
		return refTarget{}, &pinggu.Error{Code: pinggu.EINVALID, Message: "关联记录无效",
			Fields: []pinggu.FieldError{{Field: "ref", Message: "不能关联“" + r.Kind + "”类记录"}}}
	}
	return f(c, r.ID)
}

// RefKinds lists the record kinds a case or incident can refer to.
func RefKinds() []string {
	out := make([]string, 0, len(refResolvers))
	for k := range refResolvers {
		out = append(out, k)
	}
	return out
}
