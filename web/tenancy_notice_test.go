package web_test

import "github.com/pinggu/pinggu"

// recNotice is a notice of the inbox. Its visibility is its recipients',
// not the ledger scope of its subject.
const recNotice recordKind = 100

// The inbox in the cross-tenant test: a notice exists only for the accounts
// it reaches.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/notices":            {kind: tList, record: recNotice},
		"POST /api/notices/{id}/read": {kind: tRecord, record: recNotice},
		"POST /api/notices/read-all":  {kind: tSelf},
	})
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /inbox":            {kind: uiList, record: recNotice, present: true},
		"POST /inbox/{id}/read": {kind: uiRecord, record: recNotice},
		"POST /inbox/read-all":  {kind: uiSelf},
	})
	tenancyRecords[recNotice] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, n := range []*pinggu.Notice{ta.NoticeB, ta.NoticeA} {
			out = append(out, ledgerRecord{id: n.ID, orgID: n.OrgID, province: n.Province, name: n.Title, sees: func(a *pinggu.Actor) bool {
				for _, r := range n.Recipients {
					if r.Reaches(a) {
						return true
					}
				}
				return false
			}})
		}
		return out
	}
}
