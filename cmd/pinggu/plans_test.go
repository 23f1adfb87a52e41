package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

// `plans show --province 44` prints Guangdong's plan with its tasks'
// progress, `plans summary` the overview by province; an unknown format
// is refused.
func TestPlansShowAndSummary(t *testing.T) {
	data := t.TempDir()
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	db, err := store.Open(ctx, store.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	year := time.Now().In(pinggu.ChinaTime).Year()
	owner := &pinggu.User{Username: "gd-chen", Name: "陈嘉怡", Role: pinggu.RoleBureau, Province: "440000"}
	if err := db.CreateUser(ctx, owner, "Right-Password-1"); err != nil {
		t.Fatal(err)
	}
	p := &pinggu.Plan{Province: "440000", Year: year, Goals: []string{"全面完成定期核查"}}
	if err := db.CreatePlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, k := range []*pinggu.PlanTask{
		{Title: "宣贯培训", Kind: pinggu.PlanTaskTraining, OwnerID: owner.ID, Target: 2, Measure: "场", Deadline: time.Date(year, 12, 31, 0, 0, 0, 0, pinggu.ChinaTime)},
		{Title: "年初摸底", Kind: pinggu.PlanTaskOther, OwnerID: owner.ID, Target: 1, Measure: "次", Deadline: time.Date(year, 1, 1, 0, 0, 0, 0, pinggu.ChinaTime)},
	} {
		if _, err := db.SaveTask(ctx, p.ID, k, ""); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}, append(args, "-data", data, "-log-level", "warn"))
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run("plans", "show", "--province", "44")
	if code != 0 {
		t.Fatalf("plans show: exit %d: %s", code, errOut)
	}
	for _, s := range []string{"广东省", "年度安全评估工作计划", "宣贯培训", "陈嘉怡", "0/2场"} {
		if !strings.Contains(out, s) {
			t.Errorf("plans show lacks %q:\n%s", s, out)
		}
	}
	code, out, errOut = run("plans", "summary")
	if code != 0 || !strings.Contains(out, "全国") || !strings.Contains(out, "广东省") {
		t.Fatalf("plans summary: exit %d: %s%s", code, out, errOut)
	}
	if code, _, _ := run("plans", "show", "--format", "pdf"); code == 0 {
		t.Error("--format pdf accepted")
	}
}
