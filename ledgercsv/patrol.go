package ledgercsv

import (
	"io"
	"sort"

	"github.com/pinggu/pinggu"
)

// patrolTargetColumns are the columns of a patrol list file.
var patrolTargetColumns = []csvColumn{
	{"网址", "url", true}, {"类型", "kind", false}, {"名称", "name", false}, {"所属单位", "owner", false},
	{"业务类别", "category", false}, {"标签", "tags", false}, {"备注", "note", false},
}

// PatrolTargetTemplate is the header of a patrol list file, for the
// template officers download.
func PatrolTargetTemplate() []string {
	out := make([]string, len(patrolTargetColumns))
	for i, c := range patrolTargetColumns {
		out[i] = c.zh
	}
	return out
}

// ParsePatrolTargets reads the targets of a patrol list from a CSV file,
// with the ledger files' conventions (encodings, Chinese or English
// headers, codes or labels, lists separated by ";" or "、"). The owner is
// named by credit code or name, or left empty for the ledger to resolve by
// host; the kind defaults to a page. The rows' own validation happens when
// they are imported, all or none.
func ParsePatrolTargets(r io.Reader) ([]pinggu.PatrolTargetImportRow, error) {
	t, err := readCSV(r, patrolTargetColumns)
	if err != nil {
		return nil, err
	}
	out := make([]pinggu.PatrolTargetImportRow, 0, len(t.rows))
	for i := range t.rows {
		pt := pinggu.PatrolTarget{URL: t.get(i, "url"), Name: t.get(i, "name"), Tags: splitList(t.get(i, "tags")), Note: t.get(i, "note")}
		if k := t.get(i, "kind"); k != "" {
			pt.Kind = fromLabel(k, pinggu.PatrolTargetKindLabels)
		}
		if c := t.get(i, "category"); c != "" {
			pt.Category = fromLabel(c, pinggu.CategoryLabels)
		}
		out = append(out, pinggu.PatrolTargetImportRow{Line: t.lines[i], Target: pt, Owner: t.get(i, "owner")})
	}
	if err := t.headerErr(); err != nil {
		return nil, err
	}
	// A patrol list's import has no per-row problems of its own to merge
	// with: rows the reader could not read are named here, all at once.
	if len(t.v.Fields) > 0 {
		sort.SliceStable(t.v.Fields, func(i, j int) bool { return t.v.Fields[i].Line < t.v.Fields[j].Line })
		return nil, t.v.Err("CSV文件有误")
	}
	return out, nil
}
