package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// openAPIFromServer fetches the document a client would see, without a store:
// the OpenAPI route is public and reads nothing but the route table.
func openAPIFromServer(t *testing.T) map[string]any {
	t.Helper()
	s := New(pinggu.Services{}, Options{Version: "1.2.3", MaxBodyBytes: 1 << 20})
	rec := httptest.NewRecorder()
	s.serve((*Handler).openAPI)(rec, httptest.NewRequest("GET", "/api/openapi.json", nil))
	if got, want := rec.Code, http.StatusOK; got != want {
		t.Fatalf("status %d, want %d: %s", got, want, rec.Body)
	}
	var doc map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("document is not valid JSON: %v", err)
	}
	return doc
}

func TestOpenAPIDocumentCoversEveryRoute(t *testing.T) {
	t.Parallel()
	doc := openAPIFromServer(t)
	if got, want := doc["openapi"], "3.1.0"; got != want {
		t.Fatalf("openapi = %v, want %v", got, want)
	}
	if got, want := doc["info"].(map[string]any)["version"], "1.2.3"; got != want {
		t.Fatalf("info.version = %v, want %v", got, want)
	}
	paths := doc["paths"].(map[string]any)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	ops := map[string]bool{}
	for _, rt := range Routes() {
		item, ok := paths[rt.Pattern].(map[string]any)
		if !ok {
			t.Errorf("%s %s: path missing from the document", rt.Method, rt.Pattern)
			continue
		}
		op, ok := item[strings.ToLower(rt.Method)].(map[string]any)
		if !ok {
			t.Errorf("%s %s: operation missing", rt.Method, rt.Pattern)
			continue
		}
		opID, _ := op["operationId"].(string)
		if opID == "" || ops[opID] {
			t.Errorf("%s %s: operationId %q empty or repeated", rt.Method, rt.Pattern, opID)
		}
		ops[opID] = true
		if op["summary"] != rt.Summary || rt.Summary == "" {
			t.Errorf("%s %s: summary %q, want %q", rt.Method, rt.Pattern, op["summary"], rt.Summary)
		}
		if rt.Request != nil {
			s := jsonPath(op, "requestBody", "content", "application/json", "schema")
			if s == nil {
				t.Errorf("%s %s: request schema missing", rt.Method, rt.Pattern)
			} else if ref, ok := s["$ref"].(string); ok && schemas[strings.TrimPrefix(ref, "#/components/schemas/")] == nil {
				t.Errorf("%s %s: request schema %s not in components", rt.Method, rt.Pattern, ref)
			}
		}
		status := rt.Status
		if status == 0 {
			status = 200
		}
		resp := jsonPath(op, "responses", strconv.Itoa(status))
		if resp == nil {
			t.Errorf("%s %s: no %d response", rt.Method, rt.Pattern, status)
			continue
		}
		if rt.Response != nil && jsonPath(resp, "content", "application/json", "schema") == nil {
			t.Errorf("%s %s: response schema missing", rt.Method, rt.Pattern)
		}
		if rt.ResponseMedia == "text/csv" && jsonPath(resp, "content", "text/csv") == nil {
			t.Errorf("%s %s: CSV response missing", rt.Method, rt.Pattern)
		}
		if rt.TakesID && !hasParam(op, "id", "path") {
			t.Errorf("%s %s: path parameter id missing", rt.Method, rt.Pattern)
		}
		if rt.Query != nil {
			for _, f := range httpx.QueryFields(rt.Query) {
				if !hasParam(op, f.Name, "query") {
					t.Errorf("%s %s: query parameter %s missing", rt.Method, rt.Pattern, f.Name)
				}
			}
		}
		if !rt.Public && jsonPath(op, "responses", "401") == nil {
			t.Errorf("%s %s: 401 response missing on an authenticated route", rt.Method, rt.Pattern)
		}
	}
	if got, want := len(ops), len(Routes()); got != want {
		t.Errorf("%d operations for %d routes", got, want)
	}
}

func TestOpenAPISchemasFromGoTypes(t *testing.T) {
	t.Parallel()
	doc := openAPIFromServer(t)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	org := schemas["Organisation"].(map[string]any)
	props := org["properties"].(map[string]any)
	if got := jsonPath(props, "kind")["enum"]; len(got.([]any)) != 9 {
		t.Errorf("Organisation.kind enum = %v, want the 9 kinds", got)
	}
	if got, want := jsonPath(props, "created_at")["format"], "date-time"; got != want {
		t.Errorf("created_at format = %v, want %v", got, want)
	}
	if got, want := jsonPath(props, "id")["readOnly"], true; got != want {
		t.Errorf("id readOnly = %v, want %v", got, want)
	}
	if got, want := jsonPath(props, "contacts", "items")["$ref"], "#/components/schemas/Contact"; got != want {
		t.Errorf("contacts items = %v, want %v", got, want)
	}
	req := map[string]bool{}
	for _, f := range org["required"].([]any) {
		req[f.(string)] = true
	}
	if !req["name"] || !req["kind"] || req["uscc"] {
		t.Errorf("Organisation required = %v: want name and kind, not uscc (omitempty)", org["required"])
	}
	list := schemas["OrganisationList"].(map[string]any)
	if got, want := jsonPath(list, "properties", "items", "items")["$ref"], "#/components/schemas/Organisation"; got != want {
		t.Errorf("OrganisationList items = %v, want %v", got, want)
	}
	// The account creation body flattens the embedded User and adds the password.
	ucr := jsonPath(schemas, "UserCreateRequest", "properties")
	if ucr["password"] == nil || ucr["username"] == nil || jsonPath(ucr, "role")["enum"] == nil {
		t.Errorf("UserCreateRequest properties = %v", ucr)
	}
	prob := jsonPath(schemas, "Problem", "properties")
	for _, f := range []string{"type", "title", "status", "detail", "code", "errors"} {
		if prob[f] == nil {
			t.Errorf("Problem schema lacks %s", f)
		}
	}
	sec := jsonPath(doc, "components", "securitySchemes")
	if jsonPath(sec, "cookieAuth")["name"] != httpx.SessionCookieName || jsonPath(sec, "bearerAuth")["scheme"] != "bearer" {
		t.Errorf("security schemes = %v", sec)
	}
	// Every reference in the document resolves.
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
				if jsonPath(doc, parts...) == nil {
					t.Errorf("unresolved $ref %s", ref)
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
}

// jsonPath walks nested JSON objects; nil when a step is missing.
func jsonPath(v map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		next, ok := v[k].(map[string]any)
		if !ok {
			return nil
		}
		v = next
	}
	return v
}

func hasParam(op map[string]any, name, in string) bool {
	params, _ := op["parameters"].([]any)
	for _, p := range params {
		m := p.(map[string]any)
		if m["name"] == name && m["in"] == in {
			return true
		}
	}
	return false
}
