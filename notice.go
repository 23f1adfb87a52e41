package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Ref names one record of any module: the links of the chain of work (a
// finding, the warning it raised, the order that followed, the bad record
// it left) and the subjects of notices. Kind is the record kind
// ("patrol_warning", "order", …) and ID its id.
type Ref struct {
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r.Kind == "" && r.ID == 0 }

// Party is a side of the regime a notice is addressed to. A notice reaches
// the accounts of a party, narrowed to an organisation or a province.
type Party string

// The parties.
const (
	PartyMinistry   Party = "ministry"    // the ministry's officers
	PartyBureau     Party = "bureau"      // a provincial bureau's officers
	PartyEnterprise Party = "enterprise"  // an enterprise's administrators and assessors
	PartySupport    Party = "support"     // the support institutions' analysts
	PartyThirdParty Party = "third_party" // a third-party assessment body's assessors
	PartyPartner    Party = "partner"     // a partner department's officers
)

// Parties lists every party.
var Parties = []Party{PartyMinistry, PartyBureau, PartyEnterprise, PartySupport, PartyThirdParty, PartyPartner}

// Valid reports whether p is a known party.
func (p Party) Valid() bool { return slices.Contains(Parties, p) }

// Party returns the side of the regime the actor acts for, or "" for
// accounts that receive no business notices (auditors, system
// administrators, the platform itself).
func (a *Actor) Party() Party {
	if a == nil {
		return ""
	}
	switch a.Role {
	case RoleMinistry:
		return PartyMinistry
	case RoleBureau:
		return PartyBureau
	case RoleEntAdmin, RoleEntAssess:
		return PartyEnterprise
	case RoleSupport:
		return PartySupport
	case RoleThirdParty:
		return PartyThirdParty
	case RolePartner:
		return PartyPartner
	}
	return ""
}

// Recipient addresses a notice to a party: to all of its accounts when
// OrgID and Province are empty, else to those of one organisation (and its
// parent groups, whose accounts see their subsidiaries) or of one province.
type Recipient struct {
	Party    Party  `json:"party"`
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
}

// Reaches reports whether the notice addressed to r reaches the actor. The
// store's inbox query is the same rule in SQL (NoticeAudience).
func (r Recipient) Reaches(a *Actor) bool {
	p := a.Party()
	if p == "" || p != r.Party {
		return false
	}
	if r.OrgID != 0 && !slices.Contains(a.OrgIDs, r.OrgID) {
		return false
	}
	return r.Province == "" || r.Province == a.Province
}

// NoticeAudience is what the store matches recipients against for the
// actor: its party, the organisations it acts for and its province. ok is
// false for accounts that receive no notices.
func (a *Actor) NoticeAudience() (p Party, orgIDs []int64, province string, ok bool) {
	p = a.Party()
	if p == "" {
		return "", nil, "", false
	}
	return p, a.OrgIDs, a.Province, true
}

// RegulatorsOf addresses the bureau of a province and, for national
// matters (province ""), the ministry: the regulators who supervise a
// record of that province.
func RegulatorsOf(province string) Recipient {
	if province == "" {
		return Recipient{Party: PartyMinistry}
	}
	return Recipient{Party: PartyBureau, Province: province}
}

// EnterpriseOf addresses the accounts of an organisation.
func EnterpriseOf(orgID int64) Recipient { return Recipient{Party: PartyEnterprise, OrgID: orgID} }

// Notice tells people of something they must know or do: a warning raised,
// an order issued, a deadline near. A module writes it in the transaction of
// the change it reports, so no notice is lost and none tells of a change
// that did not happen. Its text is fixed when it is written, so the inbox,
// the webhook and the e-mail say the same thing.
type Notice struct {
	ID int64 `json:"id"`
	// Kind is "module.event", named for people by NoticeKindLabels.
	Kind string `json:"kind"`
	// Subject is the record the notice is about; Link is its page.
	Subject Ref    `json:"subject"`
	Link    string `json:"link,omitempty"`
	// OrgID and Province are the subject's owner and province, for the
	// enterprise's contacts to e-mail and for filtering.
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
	Title    string `json:"title"`
	Message  string `json:"message"`
	// DueAt is when something the notice asks for falls due, if anything.
	DueAt      *time.Time  `json:"due_at,omitempty"`
	Recipients []Recipient `json:"recipients,omitempty"`
	// DedupKey, when set, makes a second notice with the same key a no-op,
	// so a daily job can notify of a date once.
	DedupKey  string     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at,omitempty"` // by the caller
	// Delivered lists the channels (ChannelWebhook, ChannelEmail) that
	// have carried the notice out.
	Delivered []string `json:"delivered,omitempty"`
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
	for i, r := range n.Recipients {
		if !r.Party.Valid() {
			v.Add(0, fieldIndex("recipients", i, "party"), "接收方“%s”不存在", r.Party)
		}
	}
	return v.Err("通知内容有误")
}

// NoticeFilter narrows an inbox.
type NoticeFilter struct {
	Unread bool   `json:"unread,omitempty"` // only those the caller has not read
	Kind   string `json:"kind,omitempty"`   // one kind, or a module's kinds by "module."
	ListOptions
}

// NoticeService is each person's inbox. A notice exists for the caller
// only when one of its recipients reaches the caller; read state is kept
// per person.
type NoticeService interface {
	// ListNotices returns a page of the caller's notices, newest first,
	// and the total.
	ListNotices(ctx context.Context, f NoticeFilter) ([]*Notice, int, error)
	// CountUnreadNotices counts the caller's unread notices, up to
	// TotalCap.
	CountUnreadNotices(ctx context.Context) (int, error)
	// MarkNoticeRead records that the caller read a notice; ENOTFOUND for
	// a notice that does not reach the caller.
	MarkNoticeRead(ctx context.Context, id int64) error
	// MarkAllNoticesRead marks every unread notice of the caller read and
	// says how many.
	MarkAllNoticesRead(ctx context.Context) (int, error)
}
