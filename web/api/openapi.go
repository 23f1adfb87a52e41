package api

import (
	"net/http"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// schemaEnums lists the values of the domain's string enumerations, so the
// document tells clients which codes exist.
var schemaEnums = map[reflect.Type][]string{
	reflect.TypeFor[pinggu.OrgKind]():       stringsOf(pinggu.OrgKinds),
	reflect.TypeFor[pinggu.Category]():      stringsOf(pinggu.Categories),
	reflect.TypeFor[pinggu.ServiceStatus](): stringsOf(pinggu.ServiceStatuses),
	reflect.TypeFor[pinggu.Role]():          stringsOf(pinggu.Roles),
	reflect.TypeFor[pinggu.LicenceState]():  {string(pinggu.LicenceValid), string(pinggu.LicenceExpiring), string(pinggu.LicenceExpired), string(pinggu.LicencePending)},
	reflect.TypeFor[pinggu.TargetKind]():    {string(pinggu.TargetURL), string(pinggu.TargetAppListing), string(pinggu.TargetNumber)},
}

func stringsOf[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// readOnlyFields are filled by the server and ignored in request bodies:
// id and timestamps everywhere, and per type what the store derives.
var readOnlyFields = map[string]bool{
	"id": true, "created_at": true, "updated_at": true,
	"Organisation.parent_name": true, "Organisation.service_count": true,
	"Licence.org_name": true, "Licence.province": true, "Licence.state": true,
	"Service.org_name": true, "Service.province": true,
	"User.org_name": true, "User.locked_until": true, "User.must_change_password": true, "User.last_login_at": true,
}

// openAPIGen turns Go types into JSON Schema components.
type openAPIGen struct {
	schemas map[string]any
	names   map[reflect.Type]string
}

// schemaName names a component after its Go type: exported as is, local
// request types capitalised, ListResponse[T] as TList.
func schemaName(t reflect.Type) string {
	name := t.Name()
	if base, arg, ok := strings.Cut(name, "["); ok {
		arg = strings.TrimSuffix(arg, "]")
		arg = arg[strings.LastIndex(arg, ".")+1:]
		arg = strings.TrimPrefix(arg, "*")
		if base == "ListResponse" {
			return capitalise(arg) + "List"
		}
		return capitalise(base) + capitalise(arg)
	}
	return capitalise(name)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// schema returns the JSON Schema of t, registering named structs as
// components and referring to them.
func (g *openAPIGen) schema(t reflect.Type) map[string]any {
	if t == reflect.TypeFor[time.Time]() {
		return map[string]any{"type": "string", "format": "date-time"}
	}
	if values, ok := schemaEnums[t]; ok {
		return map[string]any{"type": "string", "enum": values}
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := g.schema(t.Elem())
		if typ, ok := inner["type"].(string); ok {
			inner["type"] = []string{typ, "null"}
		}
		return inner
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Uint32:
		return map[string]any{"type": "integer", "format": "int32"}
	case reflect.Int64, reflect.Uint64:
		return map[string]any{"type": "integer", "format": "int64"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return map[string]any{"type": "object"}
		}
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		return g.component(t)
	}
	return map[string]any{}
}

// component registers the struct type t once and returns a reference to it.
func (g *openAPIGen) component(t reflect.Type) map[string]any {
	name, ok := g.names[t]
	if !ok {
		name = schemaName(t)
		g.names[t] = name
		g.schemas[name] = map[string]any{} // placeholder against recursion
		g.schemas[name] = g.structSchema(t)
	}
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

// structSchema lists the JSON properties of t, flattening embedded structs as
// encoding/json does. Fields without omitempty are always present, so they
// are required.
func (g *openAPIGen) structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name := httpx.JSONName(f)
		if name == "" {
			continue
		}
		if _, dup := props[name]; dup {
			continue // a shallower field shadows this one
		}
		p := g.schema(f.Type)
		if readOnlyFields[name] || readOnlyFields[t.Name()+"."+name] {
			if _, isRef := p["$ref"]; !isRef {
				p["readOnly"] = true
			}
		}
		props[name] = p
		if !strings.Contains(f.Tag.Get("json"), "omitempty") {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		sort.Strings(required)
		s["required"] = required
	}
	return s
}

// operationID names an operation after its handler, e.g. organisationList.
func operationID(h any) string {
	name := runtime.FuncForPC(reflect.ValueOf(h).Pointer()).Name()
	name = name[strings.LastIndex(name, ".")+1:]
	name = strings.TrimSuffix(strings.TrimPrefix(name, "api"), "-fm")
	if name == "" {
		return name
	}
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// problemResponse refers to the shared problem details response.
var problemResponse = map[string]any{"$ref": "#/components/responses/Problem"}

// openAPIDocument builds the OpenAPI 3.1 document from the route table.
func openAPIDocument(version string, routes []Route) map[string]any {
	g := &openAPIGen{schemas: map[string]any{}, names: map[reflect.Type]string{}}
	problemRef := g.schema(reflect.TypeFor[httpx.Problem]())
	paths := map[string]any{}
	for _, rt := range routes {
		item, _ := paths[rt.Pattern].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Pattern] = item
		}
		item[strings.ToLower(rt.Method)] = g.operation(rt)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "pinggu API",
			"version":     version,
			"description": "互联网新技术新业务安全评估平台 API. Every record is scoped by the caller: a record outside it answers 404. Errors are RFC 9457 problem details.",
		},
		"servers":  []any{map[string]any{"url": "/"}},
		"security": []any{map[string]any{"cookieAuth": []string{}}, map[string]any{"bearerAuth": []string{}}},
		"paths":    paths,
		"components": map[string]any{
			"schemas": g.schemas,
			"responses": map[string]any{
				"Problem": map[string]any{
					"description": "An error, as RFC 9457 problem details",
					"content":     map[string]any{"application/problem+json": map[string]any{"schema": problemRef}},
				},
			},
			"securitySchemes": map[string]any{
				"cookieAuth": map[string]any{"type": "apiKey", "in": "cookie", "name": httpx.SessionCookieName},
				"bearerAuth": map[string]any{"type": "http", "scheme": "bearer", "description": "An API token (pgt_…) from POST /api/me/tokens"},
			},
		},
	}
}

// operation describes one route.
func (g *openAPIGen) operation(rt Route) map[string]any {
	op := map[string]any{
		"operationId": operationID(rt.Handler),
		"summary":     rt.Summary,
		"tags":        []string{rt.Tag},
	}
	if rt.Public {
		op["security"] = []any{map[string]any{}} // credentials optional
	}
	var params []any
	if rt.TakesID {
		params = append(params, map[string]any{
			"name": "id", "in": "path", "required": true,
			"schema": map[string]any{"type": "integer", "format": "int64", "minimum": 1},
		})
	} else if strings.Contains(rt.Pattern, "{id}") {
		// A path naming a record by a text identifier (a standard's id).
		params = append(params, map[string]any{
			"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "string"},
		})
	}
	if rt.Query != nil {
		for _, f := range httpx.QueryFields(rt.Query) {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem() // absent, not null, is how a query leaves a filter out
			}
			params = append(params, map[string]any{"name": f.Name, "in": "query", "required": false, "schema": g.schema(ft)})
		}
	}
	if params != nil {
		op["parameters"] = params
	}
	switch {
	case rt.RequestMedia == "text/csv":
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"text/csv": map[string]any{"schema": map[string]any{"type": "string"}},
			"multipart/form-data": map[string]any{"schema": map[string]any{
				"type": "object", "required": []string{"file"},
				"properties": map[string]any{"file": map[string]any{"type": "string", "contentMediaType": "text/csv"}},
			}},
		}}
	case rt.Request != nil:
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"application/json": map[string]any{"schema": g.schema(rt.Request)},
		}}
	}
	status := rt.Status
	if status == 0 {
		status = http.StatusOK
	}
	ok := map[string]any{"description": http.StatusText(status)}
	switch {
	case rt.ResponseMedia == "text/csv":
		ok["content"] = map[string]any{"text/csv": map[string]any{"schema": map[string]any{"type": "string"}}}
	case rt.Response != nil:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(rt.Response)}}
	}
	responses := map[string]any{itoa(status): ok, "default": problemResponse}
	if !rt.Public {
		responses["401"] = problemResponse
	}
	if rt.TakesID {
		responses["404"] = problemResponse
	}
	if rt.Request != nil || rt.RequestMedia != "" || rt.Query != nil {
		responses["400"] = problemResponse
	}
	op["responses"] = responses
	return op
}

func itoa(n int) string { return strconv.Itoa(n) }
