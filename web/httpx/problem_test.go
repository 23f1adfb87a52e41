package httpx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
)

func TestProblemStatusForEveryCode(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]int{
		pinggu.EINVALID: 400, pinggu.EUNAUTHORIZED: 401, pinggu.EFORBIDDEN: 403, pinggu.ENOTFOUND: 404,
		pinggu.ECONFLICT: 409, pinggu.ETOOLARGE: 413, pinggu.ELOCKED: 423, pinggu.ETOOMANY: 429, pinggu.EINTERNAL: 500,
	} {
		p := ProblemFor(pinggu.Errorf(code, "消息"))
		if p.Status != want || p.Code != code || p.Title != http.StatusText(want) || p.Detail != "消息" {
			t.Errorf("%s: problem %+v, want status %d", code, p, want)
		}
	}
}

func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	rec := httptest.NewRecorder()
	cause := fmt.Errorf("query organisations: %w", fmt.Errorf("pq: relation \"secret_table\" does not exist"))
	WriteProblem(rec, httptest.NewRequest("GET", "/api/organisations", nil), log, 0, cause)
	if got, want := rec.Code, http.StatusInternalServerError; got != want {
		t.Fatalf("status %d, want %d", got, want)
	}
	if got, want := rec.Header().Get("Content-Type"), "application/problem+json"; got != want {
		t.Fatalf("Content-Type %q, want %q", got, want)
	}
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Code != pinggu.EINTERNAL || strings.Contains(rec.Body.String(), "secret_table") {
		t.Fatalf("problem %s shows the cause", rec.Body)
	}
	if !strings.Contains(logs.String(), "secret_table") || !strings.Contains(logs.String(), "/api/organisations") {
		t.Fatalf("cause not logged with the request: %s", logs.String())
	}
}

func TestFieldErrorsInProblems(t *testing.T) {
	t.Parallel()
	var v pinggu.Validation
	v.Add(3, "uscc", "校验位错误")
	v.Add(0, "name", "不能为空")
	p := ProblemFor(v.Err("导入文件有误"))
	b, _ := json.Marshal(p)
	for _, want := range []string{`"type":"about:blank"`, `"status":400`, `"code":"invalid"`, `{"line":3,"field":"uscc","message":"校验位错误"}`, `{"field":"name","message":"不能为空"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("problem %s lacks %s", b, want)
		}
	}
}
