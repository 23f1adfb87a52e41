package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/pinggu/pinggu"
)

// todo is the work waiting for the signed-in user: drafts and returned
// assessments to finish, and periodic reviews due or overdue.
type todo struct {
	Drafts, Returned []*pinggu.Assessment
	Due              []*pinggu.ReviewDue
}

type assessmentListData struct {
	Todo       *todo
	List       []*pinggu.Assessment
	Kinds      []option
	States     []option
	Pager      pager
	ExportHref string
	ExportXLSX string
	IsRegular  bool
}

// assessmentFilter reads the list's filters under the API's parameter names.
func assessmentFilter(q url.Values) pinggu.AssessmentFilter {
	f := pinggu.AssessmentFilter{Query: q.Get("q"), Province: q.Get("province")}
	if k := pinggu.AssessmentKind(q.Get("kind")); k.Valid() {
		f.Kind = k
	}
	if st := pinggu.AssessmentState(q.Get("state")); st.Valid() {
		f.State = st
	}
	f.Submitted, f.Reviewed, f.Timely = q.Get("submitted"), q.Get("reviewed"), q.Get("timely")
	f.Overdue, _ = strconv.ParseBool(q.Get("overdue"))
	f.ServiceID, _ = strconv.ParseInt(q.Get("service_id"), 10, 64)
	f.OrgID, _ = strconv.ParseInt(q.Get("org_id"), 10, 64)
	return f
}

// assessmentList is the assessment index: the to-do list of those who
// answer assessments, then every assessment in scope with filters.
func (s *Handler) assessmentList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.assessments")
	p.Active = "assessment"
	q := r.URL.Query()
	f := assessmentFilter(q)
	f.ListOptions = listParams(r)
	d := assessmentListData{Kinds: asmKindOptions(p), States: asmStateOptions(p), IsRegular: p.Actor.May(pinggu.ActReviewsView),
		ExportHref: exportHref("/api/assessments/export.csv", q), ExportXLSX: exportHref("/api/assessments/export.xlsx", q)}
	if pinggu.AnswersAssessments(p.Actor) {
		t, err := s.todoFor(r)
		if err != nil {
			return err
		}
		d.Todo = t
	}
	list, total, err := s.svc.Assessments.ListAssessments(r.Context(), f)
	if err != nil {
		return err
	}
	d.List = list
	d.Pager = p.newPager(r, total, f.ListOptions)
	p.Form = newForm(q)
	p.Data = d
	s.render(w, r, http.StatusOK, "assessment_list", p)
	return nil
}

// todoFor gathers the caller's open work.
func (s *Handler) todoFor(r *http.Request) (*todo, error) {
	ctx := r.Context()
	page := pinggu.ListOptions{Limit: 50}
	t := &todo{}
	var err error
	if t.Drafts, _, err = s.svc.Assessments.ListAssessments(ctx, pinggu.AssessmentFilter{State: pinggu.AssessDraft, ListOptions: page}); err != nil {
		return nil, err
	}
	if t.Returned, _, err = s.svc.Assessments.ListAssessments(ctx, pinggu.AssessmentFilter{State: pinggu.AssessReturned, ListOptions: page}); err != nil {
		return nil, err
	}
	for _, st := range []pinggu.ReviewStatus{pinggu.ReviewOverdue, pinggu.ReviewDueSoon} {
		due, _, err := s.svc.Assessments.ReviewsDue(ctx, st, page)
		if err != nil {
			return nil, err
		}
		t.Due = append(t.Due, due...)
	}
	return t, nil
}
