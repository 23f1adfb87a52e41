package demo

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// testNow is a fixed day so licence states are reproducible.
var testNow = time.Date(2026, 3, 15, 10, 30, 0, 0, time.UTC)

// checkDataset asserts what any generated dataset must satisfy to load: every
// record valid on its own, IDs in order, references resolvable, parents
// first, credit codes valid and unique, nothing pointing outside example
// domains.
func checkDataset(t *testing.T, d *pinggu.Dataset) {
	t.Helper()
	orgs := make(map[int64]*pinggu.Organisation, len(d.Organisations))
	names := make(map[string]bool, len(d.Organisations))
	codes := make(map[string]int64, len(d.Organisations))
	for i, o := range d.Organisations {
		if got, want := o.ID, int64(i+1); got != want {
			t.Fatalf("organisation %d has ID %d", want, got)
		}
		var v pinggu.Validation
		o.Validate(&v, 0)
		if err := v.Err("invalid"); err != nil {
			t.Fatalf("organisation %d %s: %v", o.ID, o.Name, err)
		}
		if o.ParentID != nil {
			p := orgs[*o.ParentID]
			if p == nil {
				t.Fatalf("organisation %d %s: parent %d does not come before it", o.ID, o.Name, *o.ParentID)
			}
		}
		if names[o.Name] {
			t.Fatalf("organisation name %s appears twice", o.Name)
		}
		names[o.Name] = true
		if o.Kind.IsEnterprise() && o.USCC == "" {
			t.Fatalf("enterprise %d %s has no credit code", o.ID, o.Name)
		}
		if o.USCC != "" {
			if err := pinggu.ValidateUSCC(o.USCC); err != nil {
				t.Fatalf("organisation %d %s: credit code %s: %v", o.ID, o.Name, o.USCC, err)
			}
			if prev, dup := codes[o.USCC]; dup {
				t.Fatalf("credit code %s of %d also belongs to %d", o.USCC, o.ID, prev)
			}
			codes[o.USCC] = o.ID
			if got, want := o.USCC[2:4], o.Province[:2]; got != want {
				t.Fatalf("organisation %d %s: credit code %s registered in division %s, not in its province %s", o.ID, o.Name, o.USCC, o.USCC[2:8], o.Province)
			}
		}
		for _, c := range o.Contacts {
			if !strings.HasSuffix(c.Email, ".example.cn") {
				t.Fatalf("organisation %d: contact email %q is not on an example domain", o.ID, c.Email)
			}
		}
		orgs[o.ID] = o
	}
	for i, l := range d.Licences {
		if got, want := l.ID, int64(i+1); got != want {
			t.Fatalf("licence %d has ID %d", want, got)
		}
		var v pinggu.Validation
		l.Validate(&v, 0)
		if err := v.Err("invalid"); err != nil {
			t.Fatalf("licence %d %s: %v", l.ID, l.Number, err)
		}
		if o := orgs[l.OrgID]; o == nil || !o.Kind.IsEnterprise() {
			t.Fatalf("licence %d %s: holder %d is not an enterprise", l.ID, l.Number, l.OrgID)
		}
	}
	for i, s := range d.Services {
		if got, want := s.ID, int64(i+1); got != want {
			t.Fatalf("service %d has ID %d", want, got)
		}
		var v pinggu.Validation
		s.Validate(&v, 0)
		if err := v.Err("invalid"); err != nil {
			t.Fatalf("service %d %s: %v", s.ID, s.Name, err)
		}
		o := orgs[s.OrgID]
		if o == nil || !(o.Kind == pinggu.OrgVAS || o.Kind == pinggu.OrgInternet || o.Kind == pinggu.OrgTelecomSub) {
			t.Fatalf("service %d %s: owner %d is not an operator or enterprise", s.ID, s.Name, s.OrgID)
		}
		if len(s.Provinces) == 0 || !slices.IsSorted(s.Provinces) || len(slices.Compact(slices.Clone(s.Provinces))) != len(s.Provinces) {
			t.Fatalf("service %d: provinces %v are not sorted and distinct", s.ID, s.Provinces)
		}
		if !slices.Contains(s.Provinces, o.Province) {
			t.Fatalf("service %d: does not operate in its owner's province %s (%v)", s.ID, o.Province, s.Provinces)
		}
		if len(s.Tags) == 0 {
			t.Fatalf("service %d %s has no technology tags", s.ID, s.Name)
		}
		launched := s.Status == pinggu.StatusLaunched || s.Status == pinggu.StatusSuspended || s.Status == pinggu.StatusRetired
		if got, want := s.LaunchedAt != nil, launched; got != want {
			t.Fatalf("service %d in state %s: launch date set = %v", s.ID, s.Status, got)
		}
		for _, tg := range s.Targets {
			if tg.Kind == pinggu.TargetNumber {
				continue
			}
			u, err := url.Parse(tg.Value)
			if err != nil || u.Scheme != "https" || !strings.HasSuffix(u.Host, ".example.cn") {
				t.Fatalf("service %d: target %q is not an https URL on an example domain", s.ID, tg.Value)
			}
		}
	}
	for i, du := range d.Users {
		u := *du.User
		if got, want := u.ID, int64(i+1); got != want {
			t.Fatalf("user %d has ID %d", want, got)
		}
		var v pinggu.Validation
		u.Validate(&v)
		if err := v.Err("invalid"); err != nil {
			t.Fatalf("user %s: %v", u.Username, err)
		}
		if err := pinggu.ValidatePassword(du.Password); err != nil {
			t.Fatalf("user %s: password %q: %v", u.Username, du.Password, err)
		}
		if u.OrgID != 0 && orgs[u.OrgID] == nil {
			t.Fatalf("user %s: organisation %d does not exist", u.Username, u.OrgID)
		}
	}
}

func TestDemoDatasetIsValid(t *testing.T) {
	checkDataset(t, GenerateAt(ScaleDemo, 1, testNow))
}

func TestDemoDatasetShape(t *testing.T) {
	d := GenerateAt(ScaleDemo, 1, testNow)
	kinds := map[pinggu.OrgKind]int{}
	bureaus := map[string]bool{}
	children := map[int64]map[string]bool{} // parent → provinces of its children
	names := map[string]*pinggu.Organisation{}
	key := 0
	for _, o := range d.Organisations {
		kinds[o.Kind]++
		names[o.Name] = o
		if o.Kind == pinggu.OrgBureau {
			bureaus[o.Province] = true
		}
		if o.ParentID != nil {
			if children[*o.ParentID] == nil {
				children[*o.ParentID] = map[string]bool{}
			}
			children[*o.ParentID][o.Province] = true
		}
		if o.Key {
			key++
		}
	}
	if got, want := kinds[pinggu.OrgMinistry], 1; got != want {
		t.Fatalf("ministries = %d, want %d", got, want)
	}
	if got, want := len(bureaus), len(pinggu.MainlandProvinces()); got != want || kinds[pinggu.OrgBureau] != want {
		t.Fatalf("bureaus cover %d provinces (%d bureaus), want one in each of %d", got, kinds[pinggu.OrgBureau], want)
	}
	if names["广东省通信管理局"] == nil || names["新疆维吾尔自治区通信管理局"] == nil {
		t.Fatalf("bureaus are not named after their provinces")
	}
	for _, grp := range []string{"中国电信集团有限公司", "中国移动通信集团有限公司", "中国联合网络通信集团有限公司"} {
		o := names[grp]
		if o == nil || o.Kind != pinggu.OrgTelecom {
			t.Fatalf("telecom group %s missing", grp)
		}
		if got, want := len(children[o.ID]), 31; got != want {
			t.Fatalf("%s has subsidiaries in %d provinces, want %d", grp, got, want)
		}
	}
	for _, n := range []string{"中国电信股份有限公司广东分公司", "中国移动通信集团广东有限公司", "中国联合网络通信有限公司广东省分公司"} {
		if o := names[n]; o == nil || o.Kind != pinggu.OrgTelecomSub || o.Province != "440000" {
			t.Fatalf("provincial company %s missing or misplaced: %+v", n, o)
		}
	}
	if got := kinds[pinggu.OrgVAS] + kinds[pinggu.OrgInternet]; got < 60 {
		t.Fatalf("value-added and internet enterprises = %d, want at least 60", got)
	}
	if got, want := key, 12; got != want {
		t.Fatalf("key enterprises = %d, want %d", got, want)
	}
	if got := kinds[pinggu.OrgThirdParty]; got < 3 || got > 5 {
		t.Fatalf("third-party bodies = %d, want 3 to 5", got)
	}
	for _, n := range []string{"中国信息通信研究院", "国家计算机网络应急技术处理协调中心", "中国互联网协会"} {
		if o := names[n]; o == nil || o.Kind != pinggu.OrgSupport {
			t.Fatalf("support institution %s missing", n)
		}
	}
	for _, n := range []string{"国家互联网信息办公室", "全国“扫黄打非”工作小组办公室", "公安部网络安全保卫局"} {
		if o := names[n]; o == nil || o.Kind != pinggu.OrgPartner {
			t.Fatalf("partner department %s missing", n)
		}
	}

	licences := map[int64]int{}
	states := map[pinggu.LicenceState]int{}
	for _, l := range d.Licences {
		licences[l.OrgID]++
		states[pinggu.StateOfLicence(l.ValidFrom, l.ValidTo, testNow)]++
		o := names[l.Issuer]
		if o == nil || (o.Kind != pinggu.OrgMinistry && o.Kind != pinggu.OrgBureau) {
			t.Fatalf("licence %s issued by %q, not a regulator", l.Number, l.Issuer)
		}
	}
	if states[pinggu.LicenceExpired] == 0 || states[pinggu.LicenceExpiring] == 0 || states[pinggu.LicenceValid] <= len(d.Licences)/2 {
		t.Fatalf("licence states %v: want some expired, some expiring and most valid", states)
	}
	services := map[int64]int{}
	cats := map[pinggu.Category]bool{}
	statuses := map[pinggu.ServiceStatus]bool{}
	for _, s := range d.Services {
		services[s.OrgID]++
		cats[s.Category] = true
		statuses[s.Status] = true
	}
	for _, o := range d.Organisations {
		if o.Kind != pinggu.OrgVAS && o.Kind != pinggu.OrgInternet {
			continue
		}
		if n := licences[o.ID]; n < 1 || n > 2 {
			t.Fatalf("enterprise %s holds %d licences, want 1 or 2", o.Name, n)
		}
		if n := services[o.ID]; n < 2 || n > 6 {
			t.Fatalf("enterprise %s runs %d services, want 2 to 6", o.Name, n)
		}
	}
	for _, c := range pinggu.Categories {
		if !cats[c] {
			t.Fatalf("no service of category %s", c)
		}
	}
	for _, s := range pinggu.ServiceStatuses {
		if !statuses[s] {
			t.Fatalf("no service in state %s", s)
		}
	}
}

func TestDemoUsersCoverEveryRole(t *testing.T) {
	d := GenerateAt(ScaleDemo, 1, testNow)
	orgs := map[int64]*pinggu.Organisation{}
	for _, o := range d.Organisations {
		orgs[o.ID] = o
	}
	users := map[string]pinggu.DatasetUser{}
	roles := map[pinggu.Role]bool{}
	for _, u := range d.Users {
		users[u.User.Username] = u
		roles[u.User.Role] = true
	}
	for _, r := range pinggu.Roles {
		if !roles[r] {
			t.Fatalf("no demo user has role %s", r)
		}
	}
	creds := DemoCredentials()
	if got, want := len(creds), len(d.Users); got != want {
		t.Fatalf("DemoCredentials lists %d accounts, the dataset has %d", got, want)
	}
	for _, c := range creds {
		u, ok := users[c.Username]
		if !ok {
			t.Fatalf("printed account %s is not in the dataset", c.Username)
		}
		if u.Password != c.Password || u.User.Role != c.Role || c.Description == "" {
			t.Fatalf("printed account %+v does not match the dataset's (%s, %s)", c, u.Password, u.User.Role)
		}
	}
	gd := users["gd-bureau"].User
	if got, want := gd.Province, "440000"; got != want || orgs[gd.OrgID].Name != "广东省通信管理局" {
		t.Fatalf("gd-bureau is in %s at %s, want 广东省通信管理局", got, orgs[gd.OrgID].Name)
	}
	ent := orgs[users["ent-admin"].User.OrgID]
	if ent.Province != "440000" {
		t.Fatalf("ent-admin's enterprise %s is in %s, want Guangdong", ent.Name, ent.Province)
	}
	hasSub := false
	for _, o := range d.Organisations {
		if o.ParentID != nil && *o.ParentID == ent.ID {
			hasSub = true
		}
	}
	if !hasSub {
		t.Fatalf("ent-admin's enterprise %s has no subsidiary", ent.Name)
	}
	if got, want := users["ent-assessor"].User.OrgID, ent.ID; got != want {
		t.Fatalf("ent-assessor belongs to %d, want %d", got, want)
	}
	ent2 := orgs[users["ent2-admin"].User.OrgID]
	if ent2.Province == ent.Province || ent2.ParentID != nil {
		t.Fatalf("ent2-admin's enterprise %s should be an unrelated enterprise in another province", ent2.Name)
	}
	for name, kind := range map[string]pinggu.OrgKind{"analyst": pinggu.OrgSupport, "thirdparty": pinggu.OrgThirdParty, "partner": pinggu.OrgPartner, "ministry": pinggu.OrgMinistry} {
		if o := orgs[users[name].User.OrgID]; o == nil || o.Kind != kind {
			t.Fatalf("%s belongs to %+v, want a %s", name, o, kind)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	small := Scale{Name: "test", Enterprises: 300, Services: 2000}
	a, b := GenerateAt(small, 7, testNow), GenerateAt(small, 7, testNow)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two generations with seed 7 differ")
	}
	c := GenerateAt(small, 8, testNow)
	if reflect.DeepEqual(a.Services, c.Services) {
		t.Fatalf("seeds 7 and 8 gave the same services")
	}
}

func TestParseScale(t *testing.T) {
	for _, tc := range []struct {
		in       string
		ent, svc int
		wantErr  bool
	}{
		{"", 0, 0, false},
		{"demo", 0, 0, false},
		{"medium", 10_000, 100_000, false},
		{"large", 100_000, 1_000_000, false},
		{"huge", 0, 0, true},
	} {
		s, err := ParseScale(tc.in)
		if got := err != nil; got != tc.wantErr {
			t.Fatalf("ParseScale(%q) error = %v", tc.in, err)
		}
		if s.Enterprises != tc.ent || s.Services != tc.svc {
			t.Fatalf("ParseScale(%q) = %+v, want %d enterprises and %d services", tc.in, s, tc.ent, tc.svc)
		}
	}
}

// The demo has the support institutions of the regime that the issues name.
func TestDemoHasTheSupportInstitutions(t *testing.T) {
	d := GenerateAt(ScaleDemo, 1, time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	want := map[string]bool{nameCAICT: false, nameCNCERT: false, nameCNISC: false, nameISC: false}
	for _, o := range d.Organisations {
		if _, ok := want[o.Name]; ok && o.Kind == pinggu.OrgSupport {
			want[o.Name] = true
		}
	}
	for name, found := range want {
		if !found {
			t.Errorf("the demo lacks the support institution %s", name)
		}
	}
}
