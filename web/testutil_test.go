package web

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
	"github.com/pinggu/pinggu/web/httpx"
)

// testPassword is every seeded account's password; it meets the policy.
const testPassword = "Pinggu-Test-2026"

// app is a real pinggu web server on 127.0.0.1 over a fresh SQLite store,
// seeded with two tenants and an account of every role.
type app struct {
	t      testing.TB
	db     *store.DB
	server *Server
	http   *httptest.Server
	logs   *bytes.Buffer

	// Tenant A: an internet company in Guangdong with a subsidiary.
	orgA, orgASub *pinggu.Organisation
	licA          *pinggu.Licence
	svcA          *pinggu.Service
	// Tenant B: an internet company in Shanghai.
	orgB *pinggu.Organisation
	licB *pinggu.Licence
	svcB *pinggu.Service
	// Organisations of the third-party assessor and the partner department.
	orgThird, orgPartner *pinggu.Organisation
	// A draft assessment of each tenant's service with one evidence file,
	// seeded once the store keeps assessments (nil before).
	asmA, asmB *pinggu.Assessment
	evA, evB   *pinggu.Evidence
	// A periodic-review reminder of each tenant's service.
	remA, remB *pinggu.Reminder

	users    map[string]*pinggu.User // by username
	sessions map[string]string       // session token by username, opened at seeding
}

// Seeded usernames, one per role, plus a second tenant's administrator and
// a second province's bureau officer.
const (
	uMinistry   = "ministry"
	uBureauGD   = "bureau.gd"
	uBureauSH   = "bureau.sh"
	uEntAdminA  = "admin.a"
	uEntAssessA = "assessor.a"
	uEntAdminB  = "admin.b"
	uSupport    = "support"
	uThirdParty = "third.party"
	uPartner    = "partner"
	uAuditor    = "auditor"
	uSysAdmin   = "sysadmin"
)

// roleUsers is one account of each role, in a fixed order for tests.
var roleUsers = []string{uMinistry, uBureauGD, uEntAdminA, uEntAssessA, uSupport, uThirdParty, uPartner, uAuditor, uSysAdmin}

// sysCtx acts as the platform itself, for seeding and snapshots.
func sysCtx() context.Context { return pinggu.WithActor(context.Background(), pinggu.SystemActor) }

// uscc returns a valid unified social credit code built from a 17-character body.
func uscc(t testing.TB, body string) string {
	t.Helper()
	c, ok := pinggu.USCCCheckChar(body)
	if !ok {
		t.Fatalf("bad USCC body %q", body)
	}
	return body + string(c)
}

// newApp starts a server over a fresh, seeded store.
func newApp(t testing.TB) *app {
	return newAppWith(t, func(*Options) {})
}

// newAppWith is newApp with a chance to adjust the server options.
func newAppWith(t testing.TB, adjust func(*Options)) *app {
	t.Helper()
	db, fx := openSeeded(t)
	logs := &bytes.Buffer{}
	o := Options{
		Services: db.Services(),
		Health:   db.Ping,
		Logger:   slog.New(slog.NewTextHandler(logs, nil)),
		Version:  "test",
	}
	adjust(&o)
	s, err := NewServer(o)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	a := &app{t: t, db: db, server: s, logs: logs,
		orgA: fx.OrgA, orgASub: fx.OrgASub, orgB: fx.OrgB, orgThird: fx.OrgThird, orgPartner: fx.OrgPartner,
		licA: fx.LicA, licB: fx.LicB, svcA: fx.SvcA, svcB: fx.SvcB, users: fx.Users, sessions: fx.Sessions,
		asmA: fx.AsmA, asmB: fx.AsmB, evA: fx.EvA, evB: fx.EvB, remA: fx.RemA, remB: fx.RemB}
	a.http = newTestHTTPServer(t, s)
	return a
}

// newTestHTTPServer serves h on 127.0.0.1 until the test ends.
func newTestHTTPServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// openEmpty returns an empty store of the test's own.
func openEmpty(t testing.TB) *store.DB {
	if os.Getenv(storetest.PostgresEnv) != "" {
		return storetest.OpenPostgres(t)
	}
	return storetest.Open(t)
}

// fixtures are the seeded records, as the store returned them.
type fixtures struct {
	OrgA, OrgASub, OrgB, OrgThird, OrgPartner *pinggu.Organisation
	LicA, LicB                                *pinggu.Licence
	SvcA, SvcB                                *pinggu.Service
	AsmA, AsmB                                *pinggu.Assessment
	EvA, EvB                                  *pinggu.Evidence
	RemA, RemB                                *pinggu.Reminder
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

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	dropPostgresTemplate()
	os.Exit(code)
}

// openSeeded returns a store of the test's own holding the seeded records:
// a copy of the seeded SQLite files or, when PINGGU_TEST_POSTGRES_URL is
// set, a fresh PostgreSQL schema seeded for this test.
func openSeeded(t testing.TB) (*store.DB, *fixtures) {
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
	fx := &fixtures{}
	if err := json.Unmarshal(seeded.fx, fx); err != nil {
		t.Fatalf("fixtures: %v", err)
	}
	return db, fx
}

// seed creates two tenants, their licences and services, and an account of
// every role, all as the platform itself.
func seed(db *store.DB) (*fixtures, error) {
	ctx := sysCtx()
	fx := &fixtures{Users: map[string]*pinggu.User{}, Sessions: map[string]string{}}
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
	if err := seedReminders(ctx, db, fx); err != nil {
		return nil, err
	}
	for _, u := range []*pinggu.User{
		{Username: uMinistry, Name: "部级监管", Role: pinggu.RoleMinistry},
		{Username: uBureauGD, Name: "广东局", Role: pinggu.RoleBureau, Province: "440000"},
		{Username: uBureauSH, Name: "上海局", Role: pinggu.RoleBureau, Province: "310000"},
		{Username: uEntAdminA, Name: "甲管理员", Role: pinggu.RoleEntAdmin, OrgID: fx.OrgA.ID},
		{Username: uEntAssessA, Name: "甲评估员", Role: pinggu.RoleEntAssess, OrgID: fx.OrgA.ID},
		{Username: uEntAdminB, Name: "乙管理员", Role: pinggu.RoleEntAdmin, OrgID: fx.OrgB.ID},
		{Username: uSupport, Name: "支撑分析", Role: pinggu.RoleSupport},
		{Username: uThirdParty, Name: "丙评估师", Role: pinggu.RoleThirdParty, OrgID: fx.OrgThird.ID},
		{Username: uPartner, Name: "协作民警", Role: pinggu.RolePartner, OrgID: fx.OrgPartner.ID},
		{Username: uAuditor, Name: "审计员", Role: pinggu.RoleAuditor},
		{Username: uSysAdmin, Name: "系统管理员", Role: pinggu.RoleSysAdmin},
	} {
		if err := db.CreateUser(ctx, u, testPassword); err != nil {
			return nil, fmt.Errorf("user %s: %w", u.Username, err)
		}
		fx.Users[u.Username] = u
		token, _, err := db.Login(context.Background(), u.Username, testPassword, "127.0.0.1")
		if err != nil {
			return nil, fmt.Errorf("log in %s: %w", u.Username, err)
		}
		fx.Sessions[u.Username] = token
	}
	return fx, nil
}

// seedAssessments starts a draft assessment of each tenant's service with
// one evidence file, when the store keeps assessments.
func seedAssessments(ctx context.Context, db *store.DB, fx *fixtures) error {
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
		ev, err := as.AddEvidence(ctx, a.ID, full.Items[0].Key, x.title+"-佐证.pdf", strings.NewReader(testPDF))
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
func seedReminders(ctx context.Context, db *store.DB, fx *fixtures) error {
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

// testPDF is a small but well-formed PDF, as evidence files usually are.
const testPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

// client is an HTTP client of the test server with its own cookie jar, as a
// browser or script of one user would be.
type client struct {
	a      *app
	http   *http.Client
	bearer string
	header http.Header // extra headers on every request
}

// anon returns a client with no credentials.
func (a *app) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{a: a, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, header: http.Header{}}
}

// login returns a client with a session of username: the one opened when
// the database was seeded (logging in costs an argon2id hash), or a fresh one
// from POST /api/login for accounts made later.
func (a *app) login(username string) *client {
	a.t.Helper()
	if token, ok := a.sessions[username]; ok {
		c := a.anon()
		c.http.Jar.SetCookies(mustURL(a.t, a.http.URL), []*http.Cookie{{Name: httpx.SessionCookieName, Value: token, Path: "/"}})
		return c
	}
	return a.loginAPI(username)
}

// loginAPI logs username in through POST /api/login.
func (a *app) loginAPI(username string) *client {
	a.t.Helper()
	c := a.anon()
	res := c.do("POST", "/api/login", map[string]string{"username": username, "password": testPassword})
	if res.status != http.StatusOK {
		a.t.Fatalf("login %s: status %d: %s", username, res.status, res.body)
	}
	return c
}

// response is what a test needs of an HTTP response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// problem decodes a problem details body.
func (r response) problem(t testing.TB) httpx.Problem {
	t.Helper()
	var p httpx.Problem
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json (status %d, body %s)", ct, r.status, r.body)
	}
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("decode problem %s: %v", r.body, err)
	}
	return p
}

// decode decodes a JSON body into v.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// do sends a request; body is JSON-encoded unless it is a string or []byte.
func (c *client) do(method, path string, body any) response {
	return c.doType(method, path, "application/json", body)
}

// doType sends a request with the given content type.
func (c *client) doType(method, path, contentType string, body any) response {
	t := c.a.t
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
	req, err := http.NewRequest(method, c.a.http.URL+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read %s %s: %v", method, path, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// mustStatus fails the test unless res has the wanted status.
func mustStatus(t testing.TB, res response, want int, what string) {
	t.Helper()
	if res.status != want {
		t.Fatalf("%s: status %d, want %d; body %s", what, res.status, want, res.body)
	}
}

// id formats a record id for a path.
func id(n int64) string { return fmt.Sprint(n) }

// countAudit returns the number of audit entries.
func (a *app) countAudit() int {
	a.t.Helper()
	_, n, err := a.db.ListAudit(sysCtx(), pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.t.Fatalf("count audit: %v", err)
	}
	return n
}

// countOrganisations returns the number of organisations in the store.
func (a *app) countOrganisations() int {
	a.t.Helper()
	_, n, err := a.db.ListOrganisations(sysCtx(), pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.t.Fatalf("count organisations: %v", err)
	}
	return n
}

// countServices returns the number of services in the store.
func (a *app) countServices() int {
	a.t.Helper()
	_, n, err := a.db.ListServices(sysCtx(), pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		a.t.Fatalf("count services: %v", err)
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
func openSeededPostgres(t testing.TB, base string) (*store.DB, *fixtures) {
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
	fx := &fixtures{}
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
