package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// On the demo data, `orders list` shows orders in every state and `inspection
// board --province 44 --format csv` exports Guangdong's board with its failed
// licence; a bad flag is refused by name.
func TestOrdersListAndInspectionBoard(t *testing.T) {
	data := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}, args)
		return code, out.String(), errOut.String()
	}
	if code, _, errOut := run("demo", "-data", data, "-log-level", "warn"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	code, out, errOut := run("orders", "list", "-data", data, "-log-level", "warn")
	if code != 0 {
		t.Fatalf("orders list: exit %d: %s", code, errOut)
	}
	for _, s := range pinggu.OrderStates {
		if !strings.Contains(out, pinggu.OrderStateLabels[s].Zh) {
			t.Errorf("orders list lacks an order %s:\n%s", pinggu.OrderStateLabels[s].Zh, out)
		}
	}
	code, out, errOut = run("orders", "list", "-data", data, "-log-level", "warn", "--state", "overdue", "--format", "csv")
	if code != 0 {
		t.Fatalf("orders list csv: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("overdue orders as CSV: %v\n%s", err, out)
	}
	for _, r := range rows[1:] {
		if r[5] != "已逾期" {
			t.Errorf("--state overdue listed %v", r)
		}
	}
	year := fmt.Sprint(time.Now().In(pinggu.ChinaTime).Year())
	code, out, errOut = run("inspection", "board", "-data", data, "-log-level", "warn", "--province", "44", "--year", year, "--format", "csv")
	if code != 0 {
		t.Fatalf("inspection board: exit %d: %s", code, errOut)
	}
	rows, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][1] != "许可证编号" {
		t.Fatalf("board as CSV: %v\n%s", err, out)
	}
	failed := false
	for _, r := range rows[1:] {
		if r[3] != "广东省" {
			t.Errorf("Guangdong's board lists %v", r)
		}
		failed = failed || r[6] == "不通过"
	}
	if !failed {
		t.Errorf("Guangdong's board has no failed licence:\n%s", out)
	}
	if code, _, errOut := run("inspection", "board", "-data", data, "--province", "99"); code != 1 || !strings.Contains(errOut, "--province") {
		t.Errorf("a bad province: exit %d: %s", code, errOut)
	}
}
