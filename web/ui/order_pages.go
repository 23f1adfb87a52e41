package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

type orderListData struct {
	Items     []*pinggu.Order
	Pager     pager
	States    filterSelect
	Levels    filterSelect
	Query     string
	CanCreate bool
}

// orderList is a bureau's orders or an enterprise's inbox of orders.
func (s *Handler) orderList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.orders")
	p.Active = "enforcement"
	q := r.URL.Query()
	f := pinggu.OrderFilter{State: pinggu.OrderState(q.Get("state")), Level: q.Get("level"), Query: q.Get("q"), ListOptions: listParams(r, "due_at", "created_at", "doc_number")}
	if f.State != "" && !f.State.Valid() {
		f.State = ""
	}
	if f.Level != "" && !pinggu.EscalationStep(f.Level).Valid() {
		f.Level = ""
	}
	items, total, err := s.svc.Orders.ListOrders(r.Context(), f)
	if err != nil {
		return err
	}
	states := pinggu.OrderStates
	if !pinggu.SeesDraftOrders(p.Actor) {
		states = states[1:]
	}
	p.Data = orderListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), Query: f.Query,
		States:    p.Filter("enf.state", "state", labelOptions(p.Lang, states, pinggu.OrderStateLabels)),
		Levels:    p.Filter("enf.level", "level", labelOptions(p.Lang, pinggu.Ladder, pinggu.StepLabels)),
		CanCreate: p.Actor.May(pinggu.ActEnforcementView)}
	s.render(w, r, http.StatusOK, "order_list", p)
	return nil
}

type orderNewData struct {
	Orgs       []option
	OrgQuery   string
	Severities []option
	Rows       []int
}

// orderNew is the form of a new order: an enterprise found by name, the
// title, the legal basis and up to five problems.
func (s *Handler) orderNew(w http.ResponseWriter, r *http.Request) error {
	if !p0(r).May(pinggu.ActEnforcementView) {
		return errForbidden
	}
	p := s.newPage(w, r, "page.order_new")
	p.Form = newForm(r.URL.Query())
	return s.renderOrderNew(w, r, p, http.StatusOK)
}

// p0 is the actor of a request.
func p0(r *http.Request) *pinggu.Actor { return pinggu.ActorFrom(r.Context()) }

func (s *Handler) renderOrderNew(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "enforcement"
	d := orderNewData{OrgQuery: strings.TrimSpace(p.Form.V("org_q")), Rows: []int{1, 2, 3, 4, 5},
		Severities: labelOptions(p.Lang, []string{pinggu.SeverityHigh, pinggu.SeverityMedium, pinggu.SeverityLow}, pinggu.SeverityLabels)}
	orgs, err := s.orgChoices(r, d.OrgQuery, p.Form.V("org_id"))
	if err != nil {
		return err
	}
	d.Orgs = orgs
	p.Data = d
	s.render(w, r, status, "order_new", p)
	return nil
}

// orgChoices lists enterprises in scope whose names match q (at most 50),
// keeping the one already chosen.
func (s *Handler) orgChoices(r *http.Request, q, chosen string) ([]option, error) {
	f := pinggu.OrganisationFilter{Query: q, ListOptions: pinggu.ListOptions{Limit: 50}}
	list, _, err := s.svc.Organisations.ListOrganisations(r.Context(), f)
	if err != nil {
		return nil, err
	}
	var out []option
	seen := false
	for _, o := range list {
		if o.Kind == pinggu.OrgBureau || o.Kind == pinggu.OrgMinistry {
			continue
		}
		id := strconv.FormatInt(o.ID, 10)
		seen = seen || id == chosen
		out = append(out, option{id, o.Name + " · " + provinceName(i18n.FromRequest(r), o.Province)})
	}
	if id, ok := httpx.ParseID(chosen); ok && !seen {
		if o, err := s.svc.Organisations.FindOrganisation(r.Context(), id); err == nil {
			out = append([]option{{chosen, o.Name + " · " + provinceName(i18n.FromRequest(r), o.Province)}}, out...)
		}
	}
	return out, nil
}

// orderCreate drafts an order from the form.
func (s *Handler) orderCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	f := r.PostForm
	p := s.newPage(w, r, "page.order_new")
	p.Form = newForm(f)
	o := &pinggu.Order{Title: f.Get("title"), Basis: f.Get("basis"), RecordAsBad: f.Get("record_as_bad") == "1"}
	o.OrgID, _ = httpx.ParseID(f.Get("org_id"))
	o.ServiceID, _ = httpx.ParseID(f.Get("service_id"))
	for i := 1; i <= 5; i++ {
		n := strconv.Itoa(i)
		desc, req := strings.TrimSpace(f.Get("description_"+n)), strings.TrimSpace(f.Get("requirement_"+n))
		if desc == "" && req == "" {
			continue
		}
		pr := &pinggu.OrderProblem{Description: desc, Requirement: req, Severity: f.Get("severity_" + n)}
		pr.DueAt, _ = parseDay(f.Get("due_" + n))
		o.Problems = append(o.Problems, pr)
	}
	if err := s.svc.Orders.CreateOrder(r.Context(), o); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderOrderNew(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/orders/"+httpx.FormatID(o.ID), "flash.order_created")
	return nil
}

// orderFromAssessment drafts an order from an assessment's findings.
func (s *Handler) orderFromAssessment(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.order_new")
	p.Form = newForm(r.PostForm)
	id, _ := httpx.ParseID(r.PostForm.Get("assessment_id"))
	due, _ := parseDay(r.PostForm.Get("due_at"))
	o, err := s.svc.Orders.OrderFromFindings(r.Context(), id, due)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderOrderNew(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/orders/"+httpx.FormatID(o.ID), "flash.order_created")
	return nil
}

type orderShowData struct {
	O             *pinggu.Order
	CanIssue      bool
	CanRevoke     bool
	CanExtend     bool
	CanDecideStep bool
	Answerable    map[int64]bool // problems the viewer may answer
	Verifiable    map[int64]bool // problems with an answer the viewer may verify
	Severities    []option
	Ladder        []pinggu.EscalationStep
}

// orderShow is one order: the notice's facts, each problem with its
// answers and the forms the viewer may use, extensions and the ladder.
func (s *Handler) orderShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.order")
	return s.renderOrder(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderOrder(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	o, err := s.svc.Orders.FindOrder(r.Context(), id)
	if err != nil {
		return err
	}
	if p.Form == nil {
		p.Form = newForm(nil)
	}
	p.Active = "enforcement"
	p.Title = o.Title
	sub := pinggu.OrderSubject(o)
	d := orderShowData{O: o, Answerable: map[int64]bool{}, Verifiable: map[int64]bool{}, Ladder: pinggu.Ladder,
		CanIssue:   pinggu.Allowed(p.Actor, pinggu.ActOrderIssue, sub),
		CanRevoke:  pinggu.Allowed(p.Actor, pinggu.ActOrderRevoke, sub),
		CanExtend:  pinggu.Allowed(p.Actor, pinggu.ActOrderExtend, sub),
		Severities: labelOptions(p.Lang, []string{pinggu.SeverityHigh, pinggu.SeverityMedium, pinggu.SeverityLow}, pinggu.SeverityLabels),
	}
	for _, pr := range o.Problems {
		ps := pinggu.ProblemSubject(o, pr)
		d.Answerable[pr.ID] = o.State.Open() && pinggu.Allowed(p.Actor, pinggu.ActOrderAnswer, ps)
		d.Verifiable[pr.ID] = pinggu.Allowed(p.Actor, pinggu.ActOrderVerify, ps)
	}
	step := sub
	step.State = string(pinggu.EscalationProposed)
	d.CanDecideStep = pinggu.Allowed(p.Actor, pinggu.ActEscalationDecide, step)
	p.Data = d
	s.render(w, r, status, "order_show", p)
	return nil
}

// orderAction runs one action from the order page and returns to it, or
// shows the page again with the action's error.
func (s *Handler) orderAction(w http.ResponseWriter, r *http.Request, orderID int64, flash string, act func() error) error {
	p := s.newPage(w, r, "page.order")
	p.Form = newForm(r.PostForm)
	if err := act(); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderOrder(w, r, p, orderID, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/orders/"+httpx.FormatID(orderID), flash)
	return nil
}

// formOrderID is the order a sub-record's form returns to; the store
// decides by the record itself, so the field only chooses the page.
func formOrderID(r *http.Request) int64 {
	id, _ := httpx.ParseID(r.FormValue("order_id"))
	return id
}

// orderIssue issues a draft.
func (s *Handler) orderIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, id, "flash.order_issued", func() error {
		_, err := s.svc.Orders.IssueOrder(r.Context(), id)
		return err
	})
}

// orderRevoke withdraws an order.
func (s *Handler) orderRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, id, "flash.order_revoked", func() error {
		_, err := s.svc.Orders.RevokeOrder(r.Context(), id, r.PostForm.Get("reason"))
		return err
	})
}

// orderExtend requests a later deadline.
func (s *Handler) orderExtend(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, id, "flash.order_extension_requested", func() error {
		in := pinggu.ExtensionInput{Reason: r.PostForm.Get("reason")}
		in.ProblemID, _ = httpx.ParseID(r.PostForm.Get("problem_id"))
		in.RequestedDue, _ = parseDay(r.PostForm.Get("requested_due"))
		_, err := s.svc.Orders.RequestExtension(r.Context(), id, in)
		return err
	})
}

// problemAnswer records the enterprise's answer with its evidence files.
func (s *Handler) problemAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in, cleanup, ferr := httpx.AnswerForm(r)
	defer cleanup()
	return s.orderAction(w, r, formOrderID(r), "flash.order_answered", func() error {
		// The store is asked even with a broken form, so a problem out of
		// scope is not found before anything is said about the form.
		_, err := s.svc.Orders.AnswerProblem(r.Context(), id, in)
		if ferr != nil && pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
			return ferr
		}
		return err
	})
}

// answerVerify accepts or rejects an answer.
func (s *Handler) answerVerify(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, formOrderID(r), "flash.order_verified", func() error {
		_, err := s.svc.Orders.VerifyAnswer(r.Context(), id, pinggu.VerifyInput{Decision: pinggu.AnswerVerdict(r.PostForm.Get("decision")), Reason: r.PostForm.Get("reason")})
		return err
	})
}

// answerRecheck queues another re-fetch of a patrol problem's target.
func (s *Handler) answerRecheck(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, formOrderID(r), "flash.order_rechecked", func() error {
		_, err := s.svc.Orders.RecheckAnswer(r.Context(), id)
		return err
	})
}

// extensionDecide grants or refuses a request for more time.
func (s *Handler) extensionDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.orderAction(w, r, formOrderID(r), "flash.order_extension_decided", func() error {
		_, err := s.svc.Orders.DecideExtension(r.Context(), id, pinggu.DecisionInput{Grant: r.PostForm.Get("grant") == "1", Reason: r.PostForm.Get("reason")})
		return err
	})
}

// escalationDecide takes a proposed step with its record, or declines it.
func (s *Handler) escalationDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	d := pinggu.EscalationDecision{Take: f.Get("take") == "1", Note: f.Get("note"), Detail: &pinggu.StepDetail{
		Place: f.Get("place"), Attendees: f.Get("attendees"), Minutes: f.Get("minutes"), Commitments: f.Get("commitments"),
		Circular: f.Get("circular"), LegalBasis: f.Get("legal_basis"), Measure: f.Get("measure"), DecisionNumber: f.Get("decision_number"),
		Message: f.Get("message"),
	}}
	if t, ok := parseStamp(f.Get("interview_at")); ok {
		d.Detail.InterviewAt = &t
	}
	if t, ok := parseDay(f.Get("decision_date")); ok {
		d.Detail.DecisionDate = &t
	}
	d.Detail.AmountYuan, _ = strconv.ParseInt(strings.TrimSpace(f.Get("amount_yuan")), 10, 64)
	d.Detail.AppealDays, _ = strconv.Atoi(strings.TrimSpace(f.Get("appeal_days")))
	return s.orderAction(w, r, formOrderID(r), "flash.escalation_decided", func() error {
		_, err := s.svc.Orders.DecideEscalation(r.Context(), id, d)
		return err
	})
}

type escalationListData struct {
	Items  []*pinggu.Escalation
	Pager  pager
	States filterSelect
}

// escalationList is the ladder: proposed steps waiting for an officer
// first, then the decisions.
func (s *Handler) escalationList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.escalations")
	p.Active = "escalations"
	st := pinggu.EscalationState(r.URL.Query().Get("state"))
	if _, ok := pinggu.EscalationStateLabels[st]; !ok {
		st = ""
	}
	o := listParams(r)
	items, total, err := s.svc.Orders.ListEscalations(r.Context(), st, o)
	if err != nil {
		return err
	}
	p.Data = escalationListData{Items: items, Pager: p.newPager(r, total, o),
		States: p.Filter("enf.state", "state", labelOptions(p.Lang, []pinggu.EscalationState{pinggu.EscalationProposed, pinggu.EscalationTaken, pinggu.EscalationDeclined}, pinggu.EscalationStateLabels))}
	s.render(w, r, http.StatusOK, "escalation_list", p)
	return nil
}
