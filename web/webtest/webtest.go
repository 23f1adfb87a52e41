// Package webtest is the test support of the HTTP surfaces: a real pinggu
// server on 127.0.0.1 over a fresh store (SQLite, or PostgreSQL with
// PINGGU_TEST_POSTGRES_URL) seeded with two tenants and an account of every
// role, and clients that speak JSON and HTML to it as a script or a browser
// would. The api, ui and web tests import it (with a dot import, since they
// cannot be in the package they test).
package webtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
	"github.com/pinggu/pinggu/web"
	"github.com/pinggu/pinggu/web/httpx"
)

// TestPassword is every seeded account's password; it meets the policy.
const TestPassword = "Pinggu-Test-2026"

// App is a real pinggu web server on 127.0.0.1 over a fresh SQLite store,
// seeded with two tenants and an account of every role.
type App struct {
	T      testing.TB
	DB     *store.DB
	Server *web.Server
	// Services are the domain services the server was built with.
	Services pinggu.Services
	HTTP     *httptest.Server
	Logs     *bytes.Buffer

	// Tenant A: an internet company in Guangdong with a subsidiary.
	OrgA, OrgASub *pinggu.Organisation
	LicA          *pinggu.Licence
	SvcA          *pinggu.Service
	// Tenant B: an internet company in Shanghai.
	OrgB *pinggu.Organisation
	LicB *pinggu.Licence
	SvcB *pinggu.Service
	// Organisations of the third-party assessor and the partner department.
	OrgThird, OrgPartner *pinggu.Organisation
	// A draft assessment of each tenant's service with one evidence file,
	// seeded once the store keeps assessments (nil before).
	AsmA, AsmB *pinggu.Assessment
	EvA, EvB   *pinggu.Evidence
	// A periodic-review reminder of each tenant's service.
	RemA, RemB *pinggu.Reminder
	// Each tenant's enforcement records (nil before the store keeps them).
	EnfA, EnfB *Enforcement
	// A notice to each tenant's enterprise and its province's bureau.
	NoticeA, NoticeB *pinggu.Notice
	// The third-party body's certificate in force (grade A).
	CertThird *pinggu.Certificate
	// Bulletin is a published national bulletin of the current quarter;
	// TypicalDraft a typical case still a draft (the drafters' alone).
	Bulletin     *pinggu.Bulletin
	TypicalDraft *pinggu.TypicalCase
	// TrainingGD is a Guangdong briefing open to the province's staff with
	// tenant A's person registered; TrainingSH a closed Shanghai skill
	// training with tenant B's person certified.
	TrainingGD, TrainingSH *pinggu.TrainingEvent
	// CompetitionGD is a Guangdong selection open for entries with tenant
	// A's entry (EntryA) submitted; CompetitionSH a published Shanghai
	// skill competition with tenant B's entry (EntryB) awarded first prize.
	CompetitionGD, CompetitionSH *pinggu.Competition
	EntryA, EntryB               *pinggu.Entry
	// StatNotices are the notices the statistics-and-people modules'
	// seeding wrote (certification, bulletins, …), with their recipients.
	StatNotices []*pinggu.Notice
	// PracticeReports are the enterprises' reports of the last quarter.
	PracticeReports *PracticeReports
	// Cross-department work: cases, incidents, joint assessments and the
	// joint-unit mechanism.
	Coop

	Users    map[string]*pinggu.User // by username
	Sessions map[string]string       // session token by username, opened at seeding
}

// Seeded usernames, one per role, plus a second tenant's administrator and
// a second province's bureau officer.
const (
	UserMinistry   = "ministry"
	UserBureauGD   = "bureau.gd"
	UserBureauSH   = "bureau.sh"
	UserEntAdminA  = "admin.a"
	UserEntAssessA = "assessor.a"
	UserEntAdminB  = "admin.b"
	UserSupport    = "support"
	UserThirdParty = "third.party"
	UserPartner    = "partner"
	UserAuditor    = "auditor"
	UserSysAdmin   = "sysadmin"
)

// RoleUsers is one account of each role, in a fixed order for tests.
var RoleUsers = []string{UserMinistry, UserBureauGD, UserEntAdminA, UserEntAssessA, UserSupport, UserThirdParty, UserPartner, UserAuditor, UserSysAdmin}

// SysCtx acts as the platform itself, for seeding and snapshots.
func SysCtx() context.Context { return pinggu.WithActor(context.Background(), pinggu.SystemActor) }

// USCC returns a valid unified social credit code built from a 17-character body.
func USCC(t testing.TB, body string) string {
	t.Helper()
	c, ok := pinggu.USCCCheckChar(body)
	if !ok {
		t.Fatalf("bad USCC body %q", body)
	}
	return body + string(c)
}

// NewApp starts a server over a fresh, seeded store.
func NewApp(t testing.TB) *App {
	return NewAppWith(t, func(*web.Options) {})
}

// NewAppWith is newApp with a chance to adjust the server options.
func NewAppWith(t testing.TB, adjust func(*web.Options)) *App {
	t.Helper()
	db, fx := OpenSeeded(t)
	logs := &bytes.Buffer{}
	o := web.Options{
		Services: db.Services(),
		Health:   db.Ping,
		Logger:   slog.New(slog.NewTextHandler(logs, nil)),
		Version:  "test",
	}
	adjust(&o)
	s, err := web.NewServer(o)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	a := &App{T: t, DB: db, Server: s, Services: o.Services, Logs: logs,
		OrgA: fx.OrgA, OrgASub: fx.OrgASub, OrgB: fx.OrgB, OrgThird: fx.OrgThird, OrgPartner: fx.OrgPartner,
		LicA: fx.LicA, LicB: fx.LicB, SvcA: fx.SvcA, SvcB: fx.SvcB, Users: fx.Users, Sessions: fx.Sessions,
		AsmA: fx.AsmA, AsmB: fx.AsmB, EvA: fx.EvA, EvB: fx.EvB, RemA: fx.RemA, RemB: fx.RemB,
		NoticeA: fx.NoticeA, NoticeB: fx.NoticeB, EnfA: fx.EnfA, EnfB: fx.EnfB, Coop: fx.Coop, CertThird: fx.CertThird, StatNotices: fx.StatNotices,
		Bulletin: fx.Bulletin, TypicalDraft: fx.TypicalDraft, PracticeReports: fx.PracticeReports, TrainingGD: fx.TrainingGD, TrainingSH: fx.TrainingSH,
		CompetitionGD: fx.CompetitionGD, CompetitionSH: fx.CompetitionSH, EntryA: fx.EntryA, EntryB: fx.EntryB}
	a.HTTP = NewTestHTTPServer(t, s)
	return a
}

// NewTestHTTPServer serves h on 127.0.0.1 until the test ends.
func NewTestHTTPServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// OpenEmpty returns an empty store of the test's own.
func OpenEmpty(t testing.TB) *store.DB {
	if os.Getenv(storetest.PostgresEnv) != "" {
		return storetest.OpenPostgres(t)
	}
	return storetest.Open(t)
}

// Fixtures are the seeded records, as the store returned them.
type Fixtures struct {
	OrgA, OrgASub, OrgB, OrgThird, OrgPartner *pinggu.Organisation
	LicA, LicB                                *pinggu.Licence
	SvcA, SvcB                                *pinggu.Service
	AsmA, AsmB                                *pinggu.Assessment
	EvA, EvB                                  *pinggu.Evidence
	RemA, RemB                                *pinggu.Reminder
	EnfA, EnfB                                *Enforcement
	NoticeA, NoticeB                          *pinggu.Notice
	CertThird                                 *pinggu.Certificate
	Bulletin                                  *pinggu.Bulletin
	TypicalDraft                              *pinggu.TypicalCase
	TrainingGD, TrainingSH                    *pinggu.TrainingEvent
	CompetitionGD, CompetitionSH              *pinggu.Competition
	EntryA, EntryB                            *pinggu.Entry
	StatNotices                               []*pinggu.Notice
	PracticeReports                           *PracticeReports
	Coop                                      Coop
	Users                                     map[string]*pinggu.User
	Sessions                                  map[string]string
}

// seeded is a SQLite database seeded once per test binary. Hashing eleven
// argon2id passwords takes seconds, so each test copies the seeded files
// into its own t.TempDir() instead of seeding again.
var seeded struct {
	once sync.Once
	dir  string
	fx   []byte // fixtures as JSON, decoded afresh for each test
	err  error
}

// Main runs a test binary's tests and removes the seeded databases after;
// each package's TestMain calls it.
func Main(m *testing.M) int {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	dropPostgresTemplate()
	return code
}

// OpenSeeded returns a store of the test's own holding the seeded records:
// a copy of the seeded SQLite files or, when PINGGU_TEST_POSTGRES_URL is
// set, a fresh PostgreSQL schema seeded for this test.
func OpenSeeded(t testing.TB) (*store.DB, *Fixtures) {
	t.Helper()
	if base := os.Getenv(storetest.PostgresEnv); base != "" {
		return openSeededPostgres(t, base)
	}
	seeded.once.Do(func() {
		seeded.dir, seeded.err = os.MkdirTemp("", "pinggu-web-test-")
		if seeded.err != nil {
			return
		}
		db, err := store.Open(context.Background(), store.Config{DataDir: seeded.dir})
		if err != nil {
			seeded.err = err
			return
		}
		fx, err := seed(db)
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			seeded.fx, err = json.Marshal(fx)
		}
		seeded.err = err
	})
	if seeded.err != nil {
		t.Fatalf("seed template database: %v", seeded.err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(seeded.dir)); err != nil {
		t.Fatalf("copy seeded database: %v", err)
	}
	db, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatalf("open seeded copy: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	fx := &Fixtures{}
	if err := json.Unmarshal(seeded.fx, fx); err != nil {
		t.Fatalf("fixtures: %v", err)
	}
	return db, fx
}

// seed creates two tenants, their licences and services, and an account of
// every role, all as the platform itself.
func seed(db *store.DB) (*Fixtures, error) {
	ctx := SysCtx()
	fx := &Fixtures{Users: map[string]*pinggu.User{}, Sessions: map[string]string{}}
	code := func(body string) string {
		c, _ := pinggu.USCCCheckChar(body)
		return body + string(c)
	}
	orgs := []**pinggu.Organisation{&fx.OrgA, &fx.OrgASub, &fx.OrgB, &fx.OrgThird, &fx.OrgPartner}
	for i, o := range []*pinggu.Organisation{
		{Kind: pinggu.OrgInternet, Name: "甲网络科技有限公司", USCC: code("91440300MA5AAAAA1"), Province: "440000"},
		{Kind: pinggu.OrgInternet, Name: "甲网络科技（广州）有限公司", USCC: code("91440101MA5AAAAA2"), Province: "440000"},
		{Kind: pinggu.OrgInternet, Name: "乙信息技术有限公司", USCC: code("91310000MA1BBBBB3"), Province: "310000"},
		{Kind: pinggu.OrgThirdParty, Name: "丙评估咨询有限公司", USCC: code("91440300MA5CCCCC4"), Province: "440000"},
		{Kind: pinggu.OrgPartner, Name: "广东省公安厅网络安全保卫总队", Province: "440000"},
	} {
		if i == 1 {
			o.ParentID = &fx.OrgA.ID
		}
		if err := db.CreateOrganisation(ctx, o); err != nil {
			return nil, fmt.Errorf("organisation %s: %w", o.Name, err)
		}
		*orgs[i] = o
	}
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	fx.LicA = &pinggu.Licence{OrgID: fx.OrgA.ID, Number: "粤B2-20250001", Categories: []string{"B25"}, Issuer: "广东省通信管理局", ValidFrom: from, ValidTo: from.AddDate(5, 0, 0)}
	fx.LicB = &pinggu.Licence{OrgID: fx.OrgB.ID, Number: "沪B2-20250002", Categories: []string{"B21"}, Issuer: "上海市通信管理局", ValidFrom: from, ValidTo: from.AddDate(5, 0, 0)}
	for _, l := range []*pinggu.Licence{fx.LicA, fx.LicB} {
		if err := db.CreateLicence(ctx, l); err != nil {
			return nil, fmt.Errorf("licence %s: %w", l.Number, err)
		}
	}
	fx.SvcA = &pinggu.Service{OrgID: fx.OrgA.ID, Name: "甲即时通信", Category: pinggu.CatIM, Provinces: []string{"440000"}}
	fx.SvcB = &pinggu.Service{OrgID: fx.OrgB.ID, Name: "乙智能搜索", Category: pinggu.CatSearch, Provinces: []string{"310000"}}
	for _, s := range []*pinggu.Service{fx.SvcA, fx.SvcB} {
		if err := db.CreateService(ctx, s); err != nil {
			return nil, fmt.Errorf("service %s: %w", s.Name, err)
		}
	}
	if err := seedAssessments(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedEnforcement(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedReminders(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedNotices(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedCooperation(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedStats(ctx, db, fx); err != nil {
		return nil, err
	}
	if err := seedPracticeReports(ctx, db, fx); err != nil {
		return nil, err
	}
	for _, u := range []*pinggu.User{
		{Username: UserMinistry, Name: "部级监管", Role: pinggu.RoleMinistry},
		{Username: UserBureauGD, Name: "广东局", Role: pinggu.RoleBureau, Province: "440000"},
		{Username: UserBureauSH, Name: "上海局", Role: pinggu.RoleBureau, Province: "310000"},
		{Username: UserEntAdminA, Name: "甲管理员", Role: pinggu.RoleEntAdmin, OrgID: fx.OrgA.ID},
		{Username: UserEntAssessA, Name: "甲评估员", Role: pinggu.RoleEntAssess, OrgID: fx.OrgA.ID},
		{Username: UserEntAdminB, Name: "乙管理员", Role: pinggu.RoleEntAdmin, OrgID: fx.OrgB.ID},
		{Username: UserSupport, Name: "支撑分析", Role: pinggu.RoleSupport},
		{Username: UserThirdParty, Name: "丙评估师", Role: pinggu.RoleThirdParty, OrgID: fx.OrgThird.ID},
		{Username: UserPartner, Name: "协作民警", Role: pinggu.RolePartner, OrgID: fx.OrgPartner.ID},
		{Username: UserAuditor, Name: "审计员", Role: pinggu.RoleAuditor},
		{Username: UserSysAdmin, Name: "系统管理员", Role: pinggu.RoleSysAdmin},
	} {
		if err := db.CreateUser(ctx, u, TestPassword); err != nil {
			return nil, fmt.Errorf("user %s: %w", u.Username, err)
		}
		fx.Users[u.Username] = u
		token, _, err := db.Login(context.Background(), u.Username, TestPassword, "127.0.0.1")
		if err != nil {
			return nil, fmt.Errorf("log in %s: %w", u.Username, err)
		}
		fx.Sessions[u.Username] = token
	}
	// Competitions need the accounts: entrants and a judge.
	if err := seedCompetitions(ctx, db, fx); err != nil {
		return nil, fmt.Errorf("competitions: %w", err)
	}
	return fx, nil
}

// seedAssessments starts a draft assessment of each tenant's service with
// one evidence file, when the store keeps assessments.
func seedAssessments(ctx context.Context, db *store.DB, fx *Fixtures) error {
	as, ok := any(db).(pinggu.AssessmentService)
	if !ok {
		return nil
	}
	for _, x := range []struct {
		svc   *pinggu.Service
		title string
		asm   **pinggu.Assessment
		ev    **pinggu.Evidence
	}{
		{fx.SvcA, "甲即时通信上线前安全评估", &fx.AsmA, &fx.EvA},
		{fx.SvcB, "乙智能搜索上线前安全评估", &fx.AsmB, &fx.EvB},
	} {
		a := &pinggu.Assessment{ServiceID: x.svc.ID, Kind: pinggu.KindPreLaunch, Title: x.title}
		if err := as.CreateAssessment(ctx, a); err != nil {
			return fmt.Errorf("assessment %s: %w", x.title, err)
		}
		full, err := as.FindAssessment(ctx, a.ID)
		if err != nil {
			return fmt.Errorf("assessment %s: %w", x.title, err)
		}
		if len(full.Items) == 0 {
			return fmt.Errorf("assessment %s has no items", x.title)
		}
		ev, err := as.AddEvidence(ctx, a.ID, full.Items[0].Key, x.title+"-佐证.pdf", strings.NewReader(TestPDF))
		if err != nil {
			return fmt.Errorf("evidence of %s: %w", x.title, err)
		}
		if full, err = as.FindAssessment(ctx, a.ID); err != nil {
			return err
		}
		*x.asm, *x.ev = full, ev
		// Starting a pre-launch assessment moves the service into
		// assessment; the ledger's tests expect the seeded services planned.
		if _, err := db.SetServiceStatus(ctx, x.svc.ID, pinggu.StatusPlanned, "测试数据：恢复为拟上线"); err != nil {
			return fmt.Errorf("service %s back to planned: %w", x.svc.Name, err)
		}
	}
	return nil
}

// seedReminders writes an overdue-review reminder of each tenant's
// service. The seeded services are not launched, so the reminders are
// written as the daily job would have left them; the job itself is tested
// in the store and jobs packages.
func seedReminders(ctx context.Context, db *store.DB, fx *Fixtures) error {
	rs, ok := any(db).(pinggu.ReminderService)
	if !ok {
		return nil
	}
	due := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, svc := range []*pinggu.Service{fx.SvcA, fx.SvcB} {
		prov := fx.OrgA.Province
		if svc.OrgID == fx.OrgB.ID {
			prov = fx.OrgB.Province
		}
		q := fmt.Sprintf(`INSERT INTO reminders (kind, service_id, org_id, province, due_at, message, created_at)
			VALUES ('%s', %d, %d, '%s', '2026-01-01T00:00:00.000000Z', '%s', '2026-01-02T00:00:00.000000Z')`,
			pinggu.ReminderReviewOverdue, svc.ID, svc.OrgID, prov, pinggu.ReminderMessage(pinggu.ReminderReviewOverdue, svc.Name, due))
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			return fmt.Errorf("reminder of %s: %w", svc.Name, err)
		}
	}
	list, _, err := rs.ListReminders(ctx, pinggu.ReminderFilter{})
	if err != nil || len(list) != 2 {
		return fmt.Errorf("seeded reminders: %d, %v", len(list), err)
	}
	for _, r := range list {
		if r.OrgID == fx.OrgA.ID {
			fx.RemA = r
		} else {
			fx.RemB = r
		}
	}
	return nil
}

// seedNotices writes a notice to each tenant's enterprise and the bureau of
// its province, as a module would beside a change of that tenant's record.
func seedNotices(ctx context.Context, db *store.DB, fx *Fixtures) error {
	for _, x := range []struct {
		org   *pinggu.Organisation
		title string
		dst   **pinggu.Notice
	}{{fx.OrgA, "甲方待办测试通知", &fx.NoticeA}, {fx.OrgB, "乙方待办测试通知", &fx.NoticeB}} {
		n := &pinggu.Notice{Kind: "test.notice", Subject: pinggu.Ref{Kind: "organisation", ID: x.org.ID},
			OrgID: x.org.ID, Province: x.org.Province, Title: x.title, Message: "请及时办理。",
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(x.org.ID), pinggu.RegulatorsOf(x.org.Province)}}
		if err := db.Notify(ctx, n); err != nil {
			return fmt.Errorf("notice %s: %w", x.title, err)
		}
		*x.dst = n
	}
	return nil
}

// TestPDF is a small but well-formed PDF, as evidence files usually are.
const TestPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

// Client is an HTTP Client of the test server with its own cookie jar, as a
// browser or script of one user would be.
type Client struct {
	App    *App
	HTTP   *http.Client
	Bearer string
	Header http.Header // extra headers on every request
}

// Anon returns a client with no credentials.
func (a *App) Anon() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{App: a, HTTP: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, Header: http.Header{}}
}

// Login returns a client with a session of username: the one opened when
// the database was seeded (logging in costs an argon2id hash), or a fresh one
// from POST /api/Login for accounts made later.
func (a *App) Login(username string) *Client {
	a.T.Helper()
	if token, ok := a.Sessions[username]; ok {
		c := a.Anon()
		c.HTTP.Jar.SetCookies(MustURL(a.T, a.HTTP.URL), []*http.Cookie{{Name: httpx.SessionCookieName, Value: token, Path: "/"}})
		return c
	}
	return a.LoginAPI(username)
}

// LoginAPI logs username in through POST /api/login.
func (a *App) LoginAPI(username string) *Client {
	a.T.Helper()
	c := a.Anon()
	res := c.Do("POST", "/api/login", map[string]string{"username": username, "password": TestPassword})
	if res.Status != http.StatusOK {
		a.T.Fatalf("login %s: status %d: %s", username, res.Status, res.Body)
	}
	return c
}

// Response is what a test needs of an HTTP Response.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Problem decodes a Problem details body.
func (r Response) Problem(t testing.TB) httpx.Problem {
	t.Helper()
	var p httpx.Problem
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json (status %d, body %s)", ct, r.Status, r.Body)
	}
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatalf("decode problem %s: %v", r.Body, err)
	}
	return p
}

// Decode decodes a JSON body into v.
func (r Response) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Do sends a request; body is JSON-encoded unless it is a string or []byte.
func (c *Client) Do(method, path string, body any) Response {
	return c.DoType(method, path, "application/json", body)
}

// DoType sends a request with the given content type.
func (c *Client) DoType(method, path, contentType string, body any) Response {
	t := c.App.T
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("encode body: %v", err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.App.HTTP.URL+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if c.Bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.Bearer)
	}
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read %s %s: %v", method, path, err)
	}
	return Response{Status: res.StatusCode, Header: res.Header, Body: b}
}

// MustStatus fails the test unless res has the wanted status.
func MustStatus(t testing.TB, res Response, want int, what string) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("%s: status %d, want %d; body %s", what, res.Status, want, res.Body)
	}
}

// ID formats a record ID for a path.
func ID(n int64) string { return fmt.Sprint(n) }

// CountAudit returns the number of audit entries of changes: the security
// events of refused requests, which a refusal writes, aside.
func (a *App) CountAudit() int {
	a.T.Helper()
	_, n, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.T.Fatalf("count audit: %v", err)
	}
	return n - a.CountDenials()
}

// CountDenials returns the number of refused requests in the audit log
// (security events, not changes).
func (a *App) CountDenials() int {
	a.T.Helper()
	n := 0
	for _, act := range []string{pinggu.DenialForbidden, pinggu.DenialOutOfScope} {
		_, k, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: act, ListOptions: pinggu.ListOptions{Limit: 1}})
		if err != nil {
			a.T.Fatalf("count denials: %v", err)
		}
		n += k
	}
	return n
}

// CountOrganisations returns the number of organisations in the store.
func (a *App) CountOrganisations() int {
	a.T.Helper()
	_, n, err := a.DB.ListOrganisations(SysCtx(), pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.T.Fatalf("count organisations: %v", err)
	}
	return n
}

// CountServices returns the number of services in the store.
func (a *App) CountServices() int {
	a.T.Helper()
	_, n, err := a.DB.ListServices(SysCtx(), pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.T.Fatalf("count services: %v", err)
	}
	return n
}

// pgSeeded is the PostgreSQL counterpart of seeded: a database seeded once,
// which each test clones with CREATE DATABASE … TEMPLATE.
var pgSeeded struct {
	once   sync.Once
	create sync.Mutex // PostgreSQL refuses concurrent clones of one template
	base   string
	name   string
	fx     []byte
	err    error
}

// withDatabase returns the URL base pointing at database name.
func withDatabase(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func randomName(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// openSeededPostgres returns a clone of the seeded PostgreSQL database,
// dropped when the test ends.
func openSeededPostgres(t testing.TB, base string) (*store.DB, *Fixtures) {
	t.Helper()
	pgSeeded.once.Do(func() {
		pgSeeded.base = base
		pgSeeded.err = func() error {
			admin, err := sql.Open("pgx", base)
			if err != nil {
				return err
			}
			defer admin.Close()
			name := randomName("pinggu_web_tmpl_")
			if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
				return err
			}
			pgSeeded.name = name
			u, err := withDatabase(base, name)
			if err != nil {
				return err
			}
			db, err := store.Open(context.Background(), store.Config{DatabaseURL: u})
			if err != nil {
				return err
			}
			fx, err := seed(db)
			if cerr := db.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				pgSeeded.fx, err = json.Marshal(fx)
			}
			return err
		}()
	})
	if pgSeeded.err != nil {
		t.Fatalf("seed PostgreSQL template: %v", pgSeeded.err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := randomName("pinggu_web_t_")
	pgSeeded.create.Lock()
	_, err = admin.Exec("CREATE DATABASE " + name + " TEMPLATE " + pgSeeded.name)
	pgSeeded.create.Unlock()
	if err != nil {
		t.Fatalf("clone seeded database: %v", err)
	}
	u, err := withDatabase(base, name)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), store.Config{DatabaseURL: u})
	if err != nil {
		t.Fatalf("open clone: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := admin.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	fx := &Fixtures{}
	if err := json.Unmarshal(pgSeeded.fx, fx); err != nil {
		t.Fatalf("fixtures: %v", err)
	}
	return db, fx
}

// dropPostgresTemplate removes the seeded template after the tests.
func dropPostgresTemplate() {
	if pgSeeded.name == "" || !strings.HasPrefix(pgSeeded.name, "pinggu_web_tmpl_") {
		return
	}
	if admin, err := sql.Open("pgx", pgSeeded.base); err == nil {
		admin.Exec("DROP DATABASE " + pgSeeded.name + " WITH (FORCE)")
		admin.Close()
	}
}

// MustURL parses s or fails the test.
func MustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
