package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// form is what a form page shows: the values (the record being edited, or
// what the user just sent) and the errors next to each field.
type form struct {
	Values url.Values
	Errors map[string]string
	Error  string
}

func newForm(v url.Values) *form {
	if v == nil {
		v = url.Values{}
	}
	return &form{Values: v, Errors: map[string]string{}}
}

// V is the value of a field.
func (f *form) V(name string) string { return f.Values.Get(name) }

// Has reports whether a (multi-valued) field holds val, for selects and
// check boxes.
func (f *form) Has(name, val string) bool { return slices.Contains(f.Values[name], val) }

// E is the error message for a field, or "".
func (f *form) E(name string) string { return f.Errors[name] }

// fail records err on the form: field errors by field, anything else as the
// form's own message. It reports false for errors a form cannot show
// (not found, forbidden, internal), which the caller hands to uiError.
func (f *form) fail(p *page, err error) bool {
	switch pinggu.ErrorCode(err) {
	case pinggu.EINVALID, pinggu.ECONFLICT:
	default:
		return false
	}
	fields := pinggu.ErrorFields(err)
	for _, fe := range fields {
		if _, dup := f.Errors[fe.Field]; !dup {
			f.Errors[fe.Field] = fe.In(p.Lang)
		}
	}
	if len(fields) > 0 {
		f.Error = p.T("err.form", len(fields))
	} else {
		f.Error = p.Err(err)
	}
	return true
}

// Err is err's message in the page's language.
func (p *page) Err(err error) string { return pinggu.ErrorMessageIn(err, p.Lang) }

// formStatus is the status of a form page shown again with errors.
func formStatus(f *form) int {
	if f.Error != "" || len(f.Errors) > 0 {
		return http.StatusUnprocessableEntity
	}
	return http.StatusOK
}

// rows reads repeated form fields (name[], title[] …) as aligned rows,
// dropping rows the user left wholly blank.
func rows(v url.Values, names ...string) [][]string {
	n := 0
	for _, name := range names {
		n = max(n, len(v[name]))
	}
	var out [][]string
	for i := range n {
		row := make([]string, len(names))
		blank := true
		for j, name := range names {
			if i < len(v[name]) {
				row[j] = strings.TrimSpace(v[name][i])
			}
			if row[j] != "" {
				blank = false
			}
		}
		if !blank {
			out = append(out, row)
		}
	}
	return out
}

// splitList reads a comma- or newline-separated field (tags, categories).
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '\n' || r == '\r' || r == '、' || r == ';' || r == '；'
	})
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// versionField holds, in a record's edit form, the version of the record
// the form was filled from (its update time), so that saving it can tell
// whether someone else saved the record in between.
const versionField = "version"

func versionOf(updated time.Time) string { return updated.UTC().Format(time.RFC3339Nano) }

// newEditForm is the edit form of a record last updated at updated.
func newEditForm(v url.Values, updated time.Time) *form {
	f := newForm(v)
	f.Values.Set(versionField, versionOf(updated))
	return f
}

// checkVersion refuses to save a form filled from an older version of the
// record than the one stored (updated): saving it would silently undo the
// other person's change. The form is shown again with what the user typed
// and the stored version, so that a second save, made knowingly, goes
// through. A form without a version (sent by a script) is not checked.
func (f *form) checkVersion(p *page, updated time.Time) error {
	sent := f.V(versionField)
	if sent == "" || sent == versionOf(updated) {
		return nil
	}
	f.Values.Set(versionField, versionOf(updated))
	return &pinggu.Error{Code: pinggu.ECONFLICT, Message: p.T("err.stale_form", pinggu.FormatDateTime(updated))}
}
