package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// tenants is a small ledger of two unrelated enterprises in two provinces.
type tenants struct {
	groupA, subA, orgB, bureauGD *pinggu.Organisation
	svc                          map[string]*pinggu.Service // by owner name
	lic                          map[string]*pinggu.Licence
	actors                       map[string]*pinggu.Actor
}

func mkUser(t testing.TB, db *store.DB, u *pinggu.User) *pinggu.Actor {
	t.Helper()
	if err := db.CreateUser(sys, u, "Correct-Horse-1"); err != nil {
		t.Fatalf("create user %s: %v", u.Username, err)
	}
	// The actor comes from the store, as for a session, without paying
	// for a second argon2id hash: a token of the user resolves it.
	secret, _, err := db.CreateToken(as(&pinggu.Actor{UserID: u.ID, Username: u.Username, Role: u.Role}), "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.ActorByToken(sys, secret)
	if err != nil {
		t.Fatalf("actor of %s: %v", u.Username, err)
	}
	return a
}

func setupTenants(t *testing.T, db *store.DB) *tenants {
	tn := &tenants{svc: map[string]*pinggu.Service{}, lic: map[string]*pinggu.Licence{}, actors: map[string]*pinggu.Actor{}}
	tn.groupA = mkOrg(t, db, "甲集团", "110000", nil)
	tn.subA = mkOrg(t, db, "甲集团广东公司", "440000", &tn.groupA.ID)
	tn.orgB = mkOrg(t, db, "乙公司", "440000", nil)
	tn.bureauGD = &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "广东省通信管理局", Province: "440000"}
	if err := db.CreateOrganisation(sys, tn.bureauGD); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*pinggu.Organisation{tn.groupA, tn.subA, tn.orgB} {
		tn.svc[o.Name] = mkService(t, db, o.ID, o.Name+"业务")
		l := &pinggu.Licence{OrgID: o.ID, Number: "B2-" + o.USCC[10:], Categories: []string{"B25"}, Issuer: "工业和信息化部",
			ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)}
		if err := db.CreateLicence(sys, l); err != nil {
			t.Fatal(err)
		}
		tn.lic[o.Name] = l
	}
	for name, u := range map[string]*pinggu.User{
		"entA":    {Username: "ent-a", Name: "甲管理员", Role: pinggu.RoleEntAdmin, OrgID: tn.groupA.ID},
		"assessA": {Username: "assess-a", Name: "甲评估员", Role: pinggu.RoleEntAssess, OrgID: tn.groupA.ID},
		"entB":    {Username: "ent-b", Name: "乙管理员", Role: pinggu.RoleEntAdmin, OrgID: tn.orgB.ID},
		"bureau":  {Username: "gd-officer", Name: "广东局", Role: pinggu.RoleBureau, Province: "440000", OrgID: tn.bureauGD.ID},
		"support": {Username: "analyst", Name: "分析员", Role: pinggu.RoleSupport},
		"auditor": {Username: "auditor", Name: "审计员", Role: pinggu.RoleAuditor},
		"admin":   {Username: "sysadmin", Name: "系统管理员", Role: pinggu.RoleSysAdmin},
	} {
		tn.actors[name] = mkUser(t, db, u)
	}
	tn.actors["nobody"] = nil
	return tn
}

// visible lists, per actor, the organisations whose records it sees.
var visible = map[string][]string{
	"entA":    {"甲集团", "甲集团广东公司"},
	"assessA": {"甲集团", "甲集团广东公司"},
	"entB":    {"乙公司"},
	"bureau":  {"甲集团广东公司", "乙公司"},
	"support": {"甲集团", "甲集团广东公司", "乙公司"},
	"auditor": nil,
	"admin":   nil,
	"nobody":  nil,
}

func TestScopeEveryRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		tn := setupTenants(t, db)
		for who, a := range tn.actors {
			ctx := as(a)
			for _, o := range []*pinggu.Organisation{tn.groupA, tn.subA, tn.orgB} {
				sees := slices.Contains(visible[who], o.Name)
				_, errO := db.FindOrganisation(ctx, o.ID)
				_, errS := db.FindService(ctx, tn.svc[o.Name].ID)
				_, errL := db.FindLicence(ctx, tn.lic[o.Name].ID)
				for what, err := range map[string]error{"organisation": errO, "service": errS, "licence": errL} {
					if sees && err != nil {
						t.Errorf("%s cannot find %s of %s: %v", who, what, o.Name, err)
					}
					if !sees && pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
						t.Errorf("%s finding %s of %s: %v, want not found", who, what, o.Name, err)
					}
				}
				if sees {
					continue
				}
				// Writes outside the scope answer not found and change nothing.
				before, _ := db.FindOrganisation(sys, o.ID)
				edit := *before
				edit.Name = "改名"
				code(t, db.UpdateOrganisation(ctx, &edit), pinggu.ENOTFOUND)
				s := *tn.svc[o.Name]
				s.Name = "改名"
				code(t, db.UpdateService(ctx, &s), pinggu.ENOTFOUND)
				_, err := db.SetServiceStatus(ctx, s.ID, pinggu.StatusInAssessment, "")
				code(t, err, pinggu.ENOTFOUND)
				l := *tn.lic[o.Name]
				l.Issuer = "改"
				code(t, db.UpdateLicence(ctx, &l), pinggu.ENOTFOUND)
				code(t, db.DeleteLicence(ctx, l.ID), pinggu.ENOTFOUND)
				after, _ := db.FindOrganisation(sys, o.ID)
				svcAfter, _ := db.FindService(sys, s.ID)
				licAfter, err := db.FindLicence(sys, l.ID)
				if err != nil || after.Name != before.Name || after.UpdatedAt != before.UpdatedAt || svcAfter.Name != tn.svc[o.Name].Name ||
					svcAfter.Status != pinggu.StatusPlanned || licAfter.Issuer != tn.lic[o.Name].Issuer {
					t.Errorf("%s changed %s's records from outside its scope", who, o.Name)
				}
			}
			// Lists show exactly the visible records.
			orgs, _, err := db.ListOrganisations(ctx, pinggu.OrganisationFilter{Kind: pinggu.OrgInternet})
			if err != nil {
				t.Fatal(err)
			}
			svcs, _, err := db.ListServices(ctx, pinggu.ServiceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			lics, _, err := db.ListLicences(ctx, pinggu.LicenceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var gotOrgs, gotSvcs, gotLics []string
			for _, o := range orgs {
				gotOrgs = append(gotOrgs, o.Name)
			}
			for _, s := range svcs {
				gotSvcs = append(gotSvcs, s.OrgName)
			}
			for _, l := range lics {
				gotLics = append(gotLics, l.OrgName)
			}
			want := visible[who]
			for what, got := range map[string][]string{"organisations": gotOrgs, "services": gotSvcs, "licences": gotLics} {
				slices.Sort(got)
				w := slices.Clone(want)
				slices.Sort(w)
				if !slices.Equal(got, w) {
					t.Errorf("%s lists %s of %v, want %v", who, what, got, w)
				}
			}
		}
	})
}

func TestScopeWriteRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		tn := setupTenants(t, db)
		entA, bureau, support, assessA := as(tn.actors["entA"]), as(tn.actors["bureau"]), as(tn.actors["support"]), as(tn.actors["assessA"])

		// Readers in scope are forbidden to write.
		o, _ := db.FindOrganisation(support, tn.orgB.ID)
		o.Address = "改"
		code(t, db.UpdateOrganisation(support, o), pinggu.EFORBIDDEN)
		s, _ := db.FindService(support, tn.svc["乙公司"].ID)
		code(t, db.UpdateService(support, s), pinggu.EFORBIDDEN)
		code(t, db.UpdateOrganisation(assessA, mustOrg(t, db, tn.subA.ID)), pinggu.EFORBIDDEN)

		// An enterprise cannot move its organisations out of its tree.
		sub := mustOrg(t, db, tn.subA.ID)
		sub.ParentID = nil
		code(t, db.UpdateOrganisation(entA, sub), pinggu.EINVALID)
		sub = mustOrg(t, db, tn.subA.ID)
		sub.ParentID = &tn.orgB.ID
		code(t, db.UpdateOrganisation(entA, sub), pinggu.ENOTFOUND)
		root := mustOrg(t, db, tn.groupA.ID)
		root.Province = "440000"
		code(t, db.UpdateOrganisation(entA, root), pinggu.EFORBIDDEN)
		// Another tenant's organisation as a parent is not found, before
		// any rule on what an enterprise may change of its root.
		root = mustOrg(t, db, tn.groupA.ID)
		root.ParentID = &tn.orgB.ID
		code(t, db.UpdateOrganisation(entA, root), pinggu.ENOTFOUND)
		root = mustOrg(t, db, tn.groupA.ID)
		root.ParentID = &tn.subA.ID
		code(t, db.UpdateOrganisation(entA, root), pinggu.EFORBIDDEN)
		root = mustOrg(t, db, tn.groupA.ID)
		root.Key = true
		code(t, db.UpdateOrganisation(entA, root), pinggu.EFORBIDDEN)
		if got := mustOrg(t, db, tn.subA.ID); got.ParentID == nil || *got.ParentID != tn.groupA.ID {
			t.Fatalf("subsidiary moved: %+v", got)
		}
		// …nor create services for other tenants, nor register regulators.
		code(t, db.CreateService(entA, &pinggu.Service{OrgID: tn.orgB.ID, Name: "冒名业务", Category: pinggu.CatIM}), pinggu.ENOTFOUND)
		code(t, db.CreateOrganisation(entA, &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "假管理局", Province: "110000"}), pinggu.EFORBIDDEN)
		// It may register a subsidiary under its tree, and its assessors keep services.
		newSub := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "甲集团新子公司", USCC: uscc(777, "110000"), Province: "110000", ParentID: &tn.subA.ID}
		if err := db.CreateOrganisation(entA, newSub); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateService(assessA, &pinggu.Service{OrgID: tn.subA.ID, Name: "甲新业务", Category: pinggu.CatCloud}); err != nil {
			t.Fatal(err)
		}

		// A bureau registers and edits only in its province; another
		// province is refused at the field, so a form can show it there.
		err := db.CreateOrganisation(bureau, &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "京企", USCC: uscc(778, "110000"), Province: "110000"})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "province" {
			t.Fatalf("another province: field errors %+v", f)
		}
		b := mustOrg(t, db, tn.orgB.ID)
		b.Province = "110000"
		code(t, db.UpdateOrganisation(bureau, b), pinggu.EINVALID)
		b = mustOrg(t, db, tn.orgB.ID)
		b.Address = "广州市天河区"
		if err := db.UpdateOrganisation(bureau, b); err != nil {
			t.Fatal(err)
		}

		// The ministry moves an organisation; its services follow in the same transaction.
		b.Province = "110000"
		if err := db.UpdateOrganisation(sys, b); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FindService(sys, tn.svc["乙公司"].ID); got.Province != "110000" {
			t.Fatalf("service province = %s, want 110000", got.Province)
		}
		code(t, func() error { _, err := db.FindService(bureau, tn.svc["乙公司"].ID); return err }(), pinggu.ENOTFOUND)
		verifyOK(t, db)
	})
}

func mustOrg(t testing.TB, db *store.DB, id int64) *pinggu.Organisation {
	t.Helper()
	o, err := db.FindOrganisation(sys, id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
