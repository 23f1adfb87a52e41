package api

import (
	"io"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// orderList lists the rectification orders in the caller's scope: a
// bureau's orders, or an enterprise's inbox.
func (s *Handler) orderList(w http.ResponseWriter, r *http.Request) error {
	return serveList(s, w, r, func(f *pinggu.OrderFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Orders.ListOrders)
}

// orderCreate drafts an order with its problems.
func (s *Handler) orderCreate(w http.ResponseWriter, r *http.Request) error {
	var o pinggu.Order
	if err := s.decodeJSON(w, r, &o); err != nil {
		return err
	}
	o.ID, o.State, o.DocNumber = 0, "", ""
	if err := s.svc.Orders.CreateOrder(r.Context(), &o); err != nil {
		return err
	}
	full, err := s.svc.Orders.FindOrder(r.Context(), o.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, full)
	return nil
}

// orderFromSourceRequest builds an order from another record's findings.
type orderFromSourceRequest struct {
	AssessmentID int64     `json:"assessment_id"`
	DueAt        time.Time `json:"due_at"`
}

// orderFromAssessment drafts an order from an assessment's findings.
func (s *Handler) orderFromAssessment(w http.ResponseWriter, r *http.Request) error {
	var in orderFromSourceRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	o, err := s.svc.Orders.OrderFromFindings(r.Context(), in.AssessmentID, in.DueAt)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, o)
	return nil
}

// orderGet answers one order, whole.
func (s *Handler) orderGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Orders.FindOrder(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, o)
	return nil
}

// orderIssue numbers and issues a draft.
func (s *Handler) orderIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Orders.IssueOrder(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, o)
	return nil
}

// orderRevoke withdraws an order with a reason.
func (s *Handler) orderRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Orders.FindOrder(r.Context(), id)
	}
	var in reasonRequest
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	o, err := s.svc.Orders.RevokeOrder(r.Context(), id, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, o)
	return nil
}

// orderExtension requests more time.
func (s *Handler) orderExtension(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Orders.FindOrder(r.Context(), id)
	}
	var in pinggu.ExtensionInput
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	x, err := s.svc.Orders.RequestExtension(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, x)
	return nil
}

// extensionDecide grants or refuses a request for more time.
func (s *Handler) extensionDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var in pinggu.DecisionInput
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	x, err := s.svc.Orders.DecideExtension(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, x)
	return nil
}

// problemAnswer records an answer with its evidence (multipart: report, file…).
func (s *Handler) problemAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in pinggu.AnswerInput
	cleanup := func() {}
	if httpx.IsJSON(r) {
		err = s.decodeJSON(w, r, &in)
	} else {
		in, cleanup, err = httpx.AnswerForm(r)
	}
	defer cleanup()
	if err != nil {
		return err
	}
	a, err := s.svc.Orders.AnswerProblem(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}

// answerVerify accepts or rejects an answer.
func (s *Handler) answerVerify(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var in pinggu.VerifyInput
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	a, err := s.svc.Orders.VerifyAnswer(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}

// answerRecheck queues another re-fetch of a patrol problem's target.
func (s *Handler) answerRecheck(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Orders.RecheckAnswer(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}

// orderEvidenceGet downloads an answer's evidence file.
func (s *Handler) orderEvidenceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	e, rc, err := s.svc.Orders.OpenOrderEvidence(r.Context(), id)
	if err != nil {
		return err
	}
	defer rc.Close()
	httpx.SendAttachment(w, e.ContentType, e.Filename, e.SHA256, e.Size)
	if _, err := io.Copy(w, rc); err != nil {
		s.logger.Warn("send evidence", "id", id, "err", err)
	}
	return nil
}

// escalationList lists the ladder's steps in scope, proposals first.
func (s *Handler) escalationList(w http.ResponseWriter, r *http.Request) error {
	var q escalationQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	q.ListOptions = q.ListOptions.Normalize()
	items, total, err := s.svc.Orders.ListEscalations(r.Context(), q.State, q.ListOptions)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, q.ListOptions))
	return nil
}

// escalationQuery is the query of GET /api/escalations.
type escalationQuery struct {
	State pinggu.EscalationState `json:"state,omitempty"`
	pinggu.ListOptions
}

// escalationDecide takes or declines a proposed step.
func (s *Handler) escalationDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var in pinggu.EscalationDecision
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	e, err := s.svc.Orders.DecideEscalation(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, e)
	return nil
}

// docPrefix is the caller's document-number prefix.
type docPrefix struct {
	Prefix string `json:"prefix"`
}

// docPrefixGet answers the caller's prefix.
func (s *Handler) docPrefixGet(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Orders.DocPrefix(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, docPrefix{Prefix: p})
	return nil
}

// docPrefixSet sets the caller's prefix.
func (s *Handler) docPrefixSet(w http.ResponseWriter, r *http.Request) error {
	var in docPrefix
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.svc.Orders.SetDocPrefix(r.Context(), in.Prefix); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, in)
	return nil
}
