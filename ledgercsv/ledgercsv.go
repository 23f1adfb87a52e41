// Package ledgercsv reads and writes the ledger's CSV files: organisations,
// services and licences as officers keep them in Excel. It is an adapter
// between those files and the domain's records.
package ledgercsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The CSV codec reads the ledger files officers keep in Excel: UTF-8 with or
// without a byte-order mark, or GB18030/GBK as Excel saves them on Chinese
// Windows; a header row of Chinese column names (or the English JSON field
// names); codes or Chinese labels for kinds, categories and states; lists
// separated by ";" or "、". Files written here carry a BOM so Excel opens
// them as UTF-8, and read back unchanged.

// csvColumn is one column of a file: its Chinese header, its English name
// and whether a file must have it.
type csvColumn struct {
	zh, en   string
	required bool
}

var orgColumns = []csvColumn{
	{"名称", "name", true}, {"类型", "kind", true}, {"统一社会信用代码", "uscc", false}, {"省份", "province", true},
	{"上级单位", "parent", false}, {"重点企业", "key_enterprise", false}, {"地址", "address", false},
	{"联系人", "contact", false}, {"联系电话", "phone", false}, {"电子邮箱", "email", false}, {"备注", "note", false},
}

var serviceColumns = []csvColumn{
	{"业务名称", "name", true}, {"所属企业", "owner", true}, {"业务类别", "category", true}, {"技术标签", "tags", false},
	{"运营省份", "provinces", false}, {"状态", "status", false}, {"描述", "description", false}, {"监测目标", "targets", false},
}

var licenceColumns = []string{"许可证编号", "持证单位", "业务种类", "发证机关", "有效期起", "有效期至", "状态", "省份"}

const utf8BOM = "\ufeff"

// decodeCSVInput returns the input as UTF-8 text: a BOM is dropped and
// input that is not valid UTF-8 is read as GB18030 (a superset of GBK).
func decodeCSVInput(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	b = bytes.TrimPrefix(b, []byte(utf8BOM))
	if utf8.Valid(b) {
		return string(b), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", &pinggu.Error{Code: pinggu.EINVALID, Message: "文件编码无法识别，请保存为UTF-8或GBK编码的CSV文件"}
	}
	return string(out), nil
}

// csvTable is a parsed file: its column positions by English name and its
// data rows with their line numbers.
type csvTable struct {
	col    map[string]int
	header []string
	rows   [][]string
	lines  []int
	v      pinggu.Validation
}

func readCSV(r io.Reader, cols []csvColumn) (*csvTable, error) {
	text, err := decodeCSVInput(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &csvTable{col: map[string]int{}}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &pinggu.Error{Code: pinggu.EINVALID, Message: "文件为空"}
	} else if err != nil {
		return nil, csvSyntaxError(err)
	}
	byName := map[string]string{}
	for _, c := range cols {
		byName[c.zh], byName[strings.ToLower(c.en)] = c.en, c.en
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		en, ok := byName[h]
		if !ok {
			en, ok = byName[strings.ToLower(h)]
		}
		switch {
		case h == "":
			t.v.Add(1, fmt.Sprintf("第%d列", i+1), "列名为空")
		case !ok:
			t.v.Add(1, h, "未知的列“%s”", h)
		default:
			if _, dup := t.col[en]; dup {
				t.v.Add(1, h, "列“%s”重复", h)
			}
			t.col[en] = i
		}
		t.header = append(t.header, h)
	}
	for _, c := range cols {
		if _, ok := t.col[c.en]; c.required && !ok {
			t.v.Add(1, c.zh, "缺少必填列“%s”", c.zh)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, csvSyntaxError(err)
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if len(rec) != len(header) {
			t.v.Add(line, "", "本行有%d列，表头有%d列", len(rec), len(header))
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	return t, nil
}

func csvSyntaxError(err error) error {
	if pe, ok := err.(*csv.ParseError); ok {
		return &pinggu.Error{Code: pinggu.EINVALID, Message: "CSV文件格式错误", Fields: []pinggu.FieldError{{Line: pe.Line, Field: fmt.Sprintf("第%d列", pe.Column), Message: pe.Err.Error()}}}
	}
	return &pinggu.Error{Code: pinggu.EINVALID, Message: "CSV文件格式错误：" + err.Error()}
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// headerErr reports every problem found if the header has one: without
// the right columns no row can be read. Problems of rows go with the rows
// to the import (withRowProblems), which names them with its own checks.
func (t *csvTable) headerErr() error {
	for _, f := range t.v.Fields {
		if f.Line == 1 {
			sort.SliceStable(t.v.Fields, func(i, j int) bool { return t.v.Fields[i].Line < t.v.Fields[j].Line })
			return t.v.Err("CSV文件有误")
		}
	}
	return nil
}

// withRowProblems hands each problem the reader found in a row to that
// row, and makes an unreadable row for a line that could not be read (a
// wrong number of cells), so that the import names them all with its own.
func withRowProblems[R any](t *csvTable, rows []R, problemsOf func(*R) (int, *[]pinggu.FieldError), unreadable func(line int, p pinggu.FieldError) R) []R {
	byLine := map[int]*[]pinggu.FieldError{}
	for i := range rows {
		line, ps := problemsOf(&rows[i])
		byLine[line] = ps
	}
	var extra []R // appended last: byLine points into rows
	for _, f := range t.v.Fields {
		if ps, ok := byLine[f.Line]; ok {
			*ps = append(*ps, f)
		} else {
			extra = append(extra, unreadable(f.Line, f))
		}
	}
	return append(rows, extra...)
}

// get returns the trimmed cell of column en in row i, "" when the file has
// no such column. A leading apostrophe that the writer added to stop Excel
// evaluating a formula is dropped.
func (t *csvTable) get(i int, en string) string {
	j, ok := t.col[en]
	if !ok {
		return ""
	}
	s := strings.TrimSpace(t.rows[i][j])
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		s = s[1:]
	}
	return s
}

// headerOf names column en as the file does, for error messages.
func (t *csvTable) headerOf(en string) string {
	if j, ok := t.col[en]; ok {
		return t.header[j]
	}
	return en
}

// bool reads a yes/no cell; an unknown value is reported.
func (t *csvTable) bool(i int, en string) bool {
	switch strings.ToLower(t.get(i, en)) {
	case "", "否", "false", "no", "n", "0", "f":
		return false
	case "是", "true", "yes", "y", "1", "t":
		return true
	}
	t.v.Add(t.lines[i], t.headerOf(en), "“%s”不是有效的是/否值（应为“是”或“否”）", t.get(i, en))
	return false
}

// splitList splits a list cell on ";", "；" or "、".
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '、' })
	out := make([]string, 0, len(f))
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// fromLabel maps a code or its Chinese or English label to the code; an
// unknown value is returned as typed so validation names it.
func fromLabel[K ~string](s string, labels map[K]pinggu.Label) K {
	if _, ok := labels[K(s)]; ok {
		return K(s)
	}
	for k, l := range labels {
		if s == l.Zh || strings.EqualFold(s, l.En) {
			return k
		}
	}
	return K(strings.ToLower(s))
}

func provinceCode(s string) string {
	if p, ok := pinggu.ProvinceByName(s); ok {
		return p.Code
	}
	return s
}

// ParseOrganisations reads organisations from a CSV file. Problems with
// the file's shape (unknown or missing columns, wrong column counts, bad
// yes/no values) are reported together, by line and column; the records'
// own validation happens when they are imported.
func ParseOrganisations(r io.Reader) ([]pinggu.OrganisationImportRow, error) {
	t, err := readCSV(r, orgColumns)
	if err != nil {
		return nil, err
	}
	out := make([]pinggu.OrganisationImportRow, 0, len(t.rows))
	for i := range t.rows {
		o := pinggu.Organisation{
			Name: t.get(i, "name"), Kind: fromLabel(t.get(i, "kind"), pinggu.OrgKindLabels), USCC: t.get(i, "uscc"),
			Province: provinceCode(t.get(i, "province")), Key: t.bool(i, "key_enterprise"), Address: t.get(i, "address"),
			Note: t.get(i, "note"),
		}
		names, phones, emails := splitList(t.get(i, "contact")), splitList(t.get(i, "phone")), splitList(t.get(i, "email"))
		for j := 0; j < max(len(names), len(phones), len(emails)); j++ {
			o.Contacts = append(o.Contacts, pinggu.Contact{Name: at(names, j), Phone: at(phones, j), Email: at(emails, j)})
		}
		out = append(out, pinggu.OrganisationImportRow{Line: t.lines[i], Org: o, Parent: t.get(i, "parent")})
	}
	if err := t.headerErr(); err != nil {
		return nil, err
	}
	return withRowProblems(t, out, func(r *pinggu.OrganisationImportRow) (int, *[]pinggu.FieldError) { return r.Line, &r.Problems },
		func(line int, p pinggu.FieldError) pinggu.OrganisationImportRow {
			return pinggu.OrganisationImportRow{Line: line, Unreadable: true, Problems: []pinggu.FieldError{p}}
		}), nil
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// ParseServices reads services from a CSV file; see ParseOrganisations.
// Targets holding "://" are web addresses, "app:" marks an app
// listing, anything else is a number.
func ParseServices(r io.Reader) ([]pinggu.ServiceImportRow, error) {
	t, err := readCSV(r, serviceColumns)
	if err != nil {
		return nil, err
	}
	out := make([]pinggu.ServiceImportRow, 0, len(t.rows))
	for i := range t.rows {
		s := pinggu.Service{
			Name: t.get(i, "name"), Category: fromLabel(t.get(i, "category"), pinggu.CategoryLabels),
			Tags: splitList(t.get(i, "tags")), Description: t.get(i, "description"),
		}
		if st := t.get(i, "status"); st != "" {
			s.Status = fromLabel(st, pinggu.ServiceStatusLabels)
		}
		for _, p := range splitList(t.get(i, "provinces")) {
			s.Provinces = append(s.Provinces, provinceCode(p))
		}
		for _, v := range splitList(t.get(i, "targets")) {
			s.Targets = append(s.Targets, parseTarget(v))
		}
		out = append(out, pinggu.ServiceImportRow{Line: t.lines[i], Service: s, Owner: t.get(i, "owner")})
	}
	if err := t.headerErr(); err != nil {
		return nil, err
	}
	return withRowProblems(t, out, func(r *pinggu.ServiceImportRow) (int, *[]pinggu.FieldError) { return r.Line, &r.Problems },
		func(line int, p pinggu.FieldError) pinggu.ServiceImportRow {
			return pinggu.ServiceImportRow{Line: line, Unreadable: true, Problems: []pinggu.FieldError{p}}
		}), nil
}

func parseTarget(v string) pinggu.Target {
	lv := strings.ToLower(v)
	switch {
	case strings.HasPrefix(lv, "app:"):
		return pinggu.Target{Kind: pinggu.TargetAppListing, Value: strings.TrimSpace(v[4:])}
	case strings.Contains(lv, "://"): // validation insists on http(s)
		return pinggu.Target{Kind: pinggu.TargetURL, Value: v}
	}
	return pinggu.Target{Kind: pinggu.TargetNumber, Value: v}
}

func formatTarget(t pinggu.Target) string {
	if t.Kind == pinggu.TargetAppListing {
		return "app:" + t.Value
	}
	return t.Value
}

// csvWriter writes a BOM, CRLF lines and cells safe from Excel formulas.
type csvWriter struct {
	w *csv.Writer
}

func newCSVWriter(w io.Writer, header []string) (*csvWriter, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	cw := &csvWriter{w: csv.NewWriter(w)}
	cw.w.UseCRLF = true
	return cw, cw.w.Write(header)
}

// write escapes cells that Excel would run as formulas (CSV injection) with
// a leading apostrophe, which the parser drops again.
func (c *csvWriter) write(rec []string) error {
	for i, s := range rec {
		if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
			rec[i] = "'" + s
		}
	}
	return c.w.Write(rec)
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

func label[K comparable](k K, labels map[K]pinggu.Label) string {
	if l, ok := labels[k]; ok {
		return l.Zh
	}
	return fmt.Sprint(k)
}

func provinceName(code string) string {
	if p, ok := pinggu.LookupProvince(code); ok {
		return p.Name
	}
	return code
}

func zhHeader(cols []csvColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.zh
	}
	return out
}

// WriteOrganisations writes organisations with the Chinese headers; the
// parent is named by its name.
func WriteOrganisations(w io.Writer, orgs []*pinggu.Organisation) error {
	cw, err := newCSVWriter(w, zhHeader(orgColumns))
	if err != nil {
		return err
	}
	for _, o := range orgs {
		var names, phones, emails []string
		for _, c := range o.Contacts {
			names, phones, emails = append(names, c.Name), append(phones, c.Phone), append(emails, c.Email)
		}
		key := "否"
		if o.Key {
			key = "是"
		}
		if err := cw.write([]string{o.Name, label(o.Kind, pinggu.OrgKindLabels), o.USCC, provinceName(o.Province), o.ParentName, key, o.Address,
			strings.Join(names, ";"), strings.Join(phones, ";"), strings.Join(emails, ";"), o.Note}); err != nil {
			return err
		}
	}
	return cw.flush()
}

// WriteServices writes services with the Chinese headers; the owner is
// named by its name.
func WriteServices(w io.Writer, services []*pinggu.Service) error {
	cw, err := newCSVWriter(w, zhHeader(serviceColumns))
	if err != nil {
		return err
	}
	for _, s := range services {
		provs := make([]string, len(s.Provinces))
		for i, p := range s.Provinces {
			provs[i] = provinceName(p)
		}
		targets := make([]string, len(s.Targets))
		for i, t := range s.Targets {
			targets[i] = formatTarget(t)
		}
		if err := cw.write([]string{s.Name, s.OrgName, label(s.Category, pinggu.CategoryLabels), strings.Join(s.Tags, ";"),
			strings.Join(provs, ";"), label(s.Status, pinggu.ServiceStatusLabels), s.Description, strings.Join(targets, ";")}); err != nil {
			return err
		}
	}
	return cw.flush()
}

// WriteLicences writes licences with the Chinese headers.
func WriteLicences(w io.Writer, licences []*pinggu.Licence) error {
	cw, err := newCSVWriter(w, licenceColumns)
	if err != nil {
		return err
	}
	for _, l := range licences {
		if err := cw.write([]string{l.Number, l.OrgName, strings.Join(l.Categories, ";"), l.Issuer,
			l.ValidFrom.Format("2006-01-02"), l.ValidTo.Format("2006-01-02"), label(l.State, pinggu.LicenceStateLabels), provinceName(l.Province)}); err != nil {
			return err
		}
	}
	return cw.flush()
}
