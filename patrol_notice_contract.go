package pinggu

// This file holds, until the lead's notices land on main, the part of the
// notices contract (brief, "Notices") that patrol writes against: Ref,
// Party, Recipient, Notice and NoticeKindLabels. It is deleted when main
// brings the real definitions, which have the same names and fields.

import "time"

// Ref names one record of any module.
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

// NoticeKindLabels names the kinds of notices.
var NoticeKindLabels = map[string]Label{}
