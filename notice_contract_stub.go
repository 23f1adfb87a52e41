package pinggu

// This file holds the notices contract of the lead's branch (lead-notices)
// so that enforcement compiles and notifies before that branch lands on
// main. When it lands, delete this file and store/notice_contract_stub.go:
// the names and fields below are the contract's, unchanged.

import (
	"strings"
	"time"
)

// Ref names one record of any module ("order", "patrol_warning", …).
type Ref struct {
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r.Kind == "" && r.ID == 0 }

// Party is a side of the regime a notice is addressed to.
type Party string

// The parties.
const (
	PartyMinistry   Party = "ministry"
	PartyBureau     Party = "bureau"
	PartyEnterprise Party = "enterprise"
	PartySupport    Party = "support"
	PartyThirdParty Party = "third_party"
	PartyPartner    Party = "partner"
)

// Recipient addresses a notice to a party, narrowed to an organisation or a
// province.
type Recipient struct {
	Party    Party  `json:"party"`
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
}

// RegulatorsOf addresses the bureau of a province, or the ministry for "".
func RegulatorsOf(province string) Recipient {
	if province == "" {
		return Recipient{Party: PartyMinistry}
	}
	return Recipient{Party: PartyBureau, Province: province}
}

// EnterpriseOf addresses the accounts of an organisation.
func EnterpriseOf(orgID int64) Recipient { return Recipient{Party: PartyEnterprise, OrgID: orgID} }

// Notice tells people of something they must know or do.
type Notice struct {
	ID         int64       `json:"id"`
	Kind       string      `json:"kind"`
	Subject    Ref         `json:"subject"`
	Link       string      `json:"link,omitempty"`
	OrgID      int64       `json:"org_id,omitempty"`
	Province   string      `json:"province,omitempty"`
	Title      string      `json:"title"`
	Message    string      `json:"message"`
	DueAt      *time.Time  `json:"due_at,omitempty"`
	Recipients []Recipient `json:"recipients,omitempty"`
	DedupKey   string      `json:"-"`
	CreatedAt  time.Time   `json:"created_at"`
}

// Check reports what is wrong with a notice before it is written.
func (n *Notice) Check() error {
	var v Validation
	if n.Kind == "" || !strings.Contains(n.Kind, ".") {
		v.Add(0, "kind", "通知类型“%s”无效", n.Kind)
	}
	if strings.TrimSpace(n.Title) == "" {
		v.Add(0, "title", "通知标题不能为空")
	}
	if len(n.Recipients) == 0 {
		v.Add(0, "recipients", "通知至少应有一个接收方")
	}
	return v.Err("通知内容有误")
}

// NoticeKindLabels names the kinds of notices; modules add theirs.
var NoticeKindLabels = map[string]Label{}
