package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
)

var _ pinggu.AssessmentService = (*DB)(nil)

const asmCols = `a.id, a.service_id, a.org_id, a.province, a.kind, a.state, a.title, a.standards, a.standards_reason,
	a.assessor_org_id, a.ordered_by_org_id, a.due_at, a.version, a.score, a.review_summary, a.accept_reason, a.submitted_at, a.reviewed_at,
	a.created_at, a.updated_at, s.name, s.category, o.name, ao.name`

const asmFrom = `assessments a JOIN services s ON s.id = a.service_id JOIN organisations o ON o.id = a.org_id
	LEFT JOIN organisations ao ON ao.id = a.assessor_org_id`

func scanAssessment(sc interface{ Scan(...any) error }) (*pinggu.Assessment, error) {
	var a pinggu.Assessment
	var kind, state, stds, score, cat string
	var assessor, orderedBy sql.NullInt64
	var assessorName sql.NullString
	var due, submitted, reviewed, created, updated tscan
	if err := sc.Scan(&a.ID, &a.ServiceID, &a.OrgID, &a.Province, &kind, &state, &a.Title, &stds, &a.StandardsReason,
		&assessor, &orderedBy, &due, &a.Version, &score, &a.ReviewSummary, &a.AcceptReason, &submitted, &reviewed,
		&created, &updated, &a.ServiceName, &cat, &a.OrgName, &assessorName); err != nil {
		return nil, err
	}
	a.Kind, a.State, a.Category = pinggu.AssessmentKind(kind), pinggu.AssessmentState(state), pinggu.Category(cat)
	fromJSON(stds, &a.Standards)
	if score != "" {
		a.Score = &pinggu.Score{}
		fromJSON(score, a.Score)
	}
	a.AssessorOrgID, a.OrderedByOrgID, a.AssessorName = assessor.Int64, orderedBy.Int64, assessorName.String
	a.DueAt, a.SubmittedAt, a.ReviewedAt = due.Ptr(), submitted.Ptr(), reviewed.Ptr()
	a.CreatedAt, a.UpdatedAt = created.T, updated.T
	return &a, nil
}

// findAssessment loads an assessment, without its items, inside the actor's
// scope; anything else is not found.
func (c *conn) findAssessment(id int64) (*pinggu.Assessment, error) {
	var w where
	w.add("a.id = ?", id)
	w.assessmentScope(c.actor, "a.org_id", "a.province", "a.assessor_org_id")
	a, err := scanAssessment(c.queryRow("SELECT "+asmCols+" FROM "+asmFrom+w.sql(), w.args...))
	if err != nil {
		return nil, noRows(err, "评估")
	}
	a.AssessorLevel, err = c.certLevelOf(a.AssessorOrgID)
	return a, err
}

// pinnedItems lists the items of an assessment's pinned standard versions
// in order, with the texts the assessor needs and no answers yet.
func pinnedItems(lib *standards.Library, refs []pinggu.StandardRef) ([]*pinggu.AssessmentItem, error) {
	var out []*pinggu.AssessmentItem
	for _, ref := range refs {
		s := lib.Get(ref.ID, ref.Version)
		if s == nil {
			return nil, fmt.Errorf("store: assessment pins %s@%s, which the library lacks", ref.ID, ref.Version)
		}
		for _, sec := range s.Sections {
			for _, it := range sec.Items {
				out = append(out, &pinggu.AssessmentItem{
					Key: itemKey(s.ID, it.ID), N: len(out) + 1, StandardID: s.ID, Section: sec.Title.Zh,
					Requirement: it.Requirement, Title: it.RequirementEn, Guidance: it.Guidance,
					Evidence: slices.Clone(it.Evidence), Risks: slices.Clone(it.Risks),
					Severity: string(it.Severity), Weight: it.Weight,
				})
			}
		}
	}
	return out, nil
}

func itemKey(standardID, itemID string) pinggu.ItemKey {
	return pinggu.ItemKey(standardID + "/" + itemID)
}

// loadItems fills a.Items: texts from the pinned standards, answers and
// evidence from the database.
func (c *conn) loadItems(a *pinggu.Assessment) error {
	e, err := c.library()
	if err != nil {
		return err
	}
	items, err := pinnedItems(e.lib, a.Standards)
	if err != nil {
		return err
	}
	byKey := make(map[pinggu.ItemKey]*pinggu.AssessmentItem, len(items))
	for _, it := range items {
		byKey[it.Key] = it
	}
	rows, err := c.query("SELECT key, answer, reason, notes, reviewer_comment FROM assessment_items WHERE assessment_id = ?", a.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var key, answer, reason, notes, comment string
		if err := rows.Scan(&key, &answer, &reason, &notes, &comment); err != nil {
			rows.Close()
			return err
		}
		if it := byKey[pinggu.ItemKey(key)]; it != nil {
			it.Answer, it.Reason, it.Notes, it.ReviewerComment = pinggu.Answer(answer), reason, notes, comment
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ev, err := c.listEvidence(a.ID)
	if err != nil {
		return err
	}
	for _, x := range ev {
		if it := byKey[x.Key]; it != nil {
			it.EvidenceFiles = append(it.EvidenceFiles, x)
		}
	}
	a.Items = items
	return nil
}

// fullAssessment loads an assessment with its items, in scope.
func (c *conn) fullAssessment(id int64) (*pinggu.Assessment, error) {
	a, err := c.findAssessment(id)
	if err != nil {
		return nil, err
	}
	return a, c.loadItems(a)
}

// FindAssessment returns an assessment with its items and evidence.
// A partner department's view of a joint assessment is audited.
func (db *DB) FindAssessment(ctx context.Context, id int64) (*pinggu.Assessment, error) {
	var out *pinggu.Assessment
	err := db.viewed(ctx, func(c *conn) (change, error) {
		a, err := c.fullAssessment(id)
		out = a
		return change{action: "assessment.view", objectType: "assessment", objectID: id, detail: "协作部门查看联合评估"}, err
	})
	return out, err
}

var asmSorts = map[string]string{
	"updated_at": "a.updated_at", "created_at": "a.created_at", "state": "a.state", "kind": "a.kind",
	"title": "a.title", "province": "a.province", "due_at": "a.due_at", "submitted_at": "a.submitted_at", "id": "a.id",
}

// ListAssessments lists assessments in scope, without items, most recently
// changed first unless asked otherwise.
func (db *DB) ListAssessments(ctx context.Context, f pinggu.AssessmentFilter) ([]*pinggu.Assessment, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	if opt.Sort == "" {
		opt.Sort, opt.Desc = "updated_at", true
	}
	var w where
	w.assessmentScope(c.actor, "a.org_id", "a.province", "a.assessor_org_id")
	if f.ServiceID != 0 {
		w.add("a.service_id = ?", f.ServiceID)
	}
	if f.OrgID != 0 {
		w.add("a.org_id = ?", f.OrgID)
	}
	if f.Province != "" {
		w.add("a.province = ?", f.Province)
	}
	if f.Kind != "" {
		w.add("a.kind = ?", string(f.Kind))
	}
	if f.State != "" {
		w.add("a.state = ?", string(f.State))
	}
	if err := c.assessmentPeriodFilters(&w, f); err != nil {
		return nil, 0, err
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// Assessments are few beside services: a plain substring match on
		// the title, the service and the owner is enough.
		like := "%" + likeEscape(q) + "%"
		w.add("lower(a.title) LIKE ? OR lower(s.name) LIKE ? OR lower(o.name) LIKE ?", like, like, like)
	}
	from := "assessments a JOIN services s ON s.id = a.service_id JOIN organisations o ON o.id = a.org_id"
	total, err := c.count(from, w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanAssessment, "SELECT "+asmCols+" FROM "+asmFrom+w.sql()+orderBy(asmSorts, opt, "updated_at", "a.id")+" LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// lockAssessment serialises the mutations of one assessment on PostgreSQL,
// so that two partial saves cannot undo each other's fields and a state is
// read and changed as one step. SQLite has a single writer already.
func (c *conn) lockAssessment(id int64) error {
	if !c.db.d.pg() {
		return nil
	}
	var x int64
	err := c.queryRow("SELECT id FROM assessments WHERE id = ? FOR UPDATE", id).Scan(&x)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

// editable loads an assessment the actor may answer (or submit: act) in its
// current state.
func (c *conn) editable(id int64, act pinggu.Action) (*pinggu.Assessment, error) {
	if err := c.lockAssessment(id); err != nil {
		return nil, err
	}
	a, err := c.findAssessment(id)
	if err != nil {
		return nil, err
	}
	return a, pinggu.Authorize(c.actor, act, pinggu.AssessmentSubject(a))
}

// touch records that an assessment changed.
func (c *conn) touch(id int64) error {
	_, err := c.exec("UPDATE assessments SET updated_at = ? WHERE id = ?", tval(c.now), id)
	return err
}

func scoreText(s *pinggu.Score) string {
	if s == nil {
		return ""
	}
	b, _ := json.Marshal(s)
	return string(b)
}
