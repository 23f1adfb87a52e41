package api

import (
	"bytes"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// The handlers of emergency response. Each looks the incident up first, so
// an incident outside the caller's scope answers 404 before a body is read.

// incidentList lists the incidents the caller sees.
func (s *Handler) incidentList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.IncidentFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Incidents.ListIncidents(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// incidentFigures answers the response times of the incidents the caller
// sees, for the statistics.
func (s *Handler) incidentFigures(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.IncidentFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	items, err := s.svc.Incidents.IncidentFigures(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: max(len(items), 1)}))
	return nil
}

// incidentInScope reads the path's incident id and answers 404 for one
// the caller does not see.
func (s *Handler) incidentInScope(r *http.Request) (*pinggu.Incident, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Incidents.FindIncident(r.Context(), id)
}

// incidentGet answers one incident with what the caller may see of it.
func (s *Handler) incidentGet(w http.ResponseWriter, r *http.Request) error {
	x, err := s.incidentInScope(r)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, x)
	return nil
}

// incidentDeclare declares an incident and notifies its parties.
func (s *Handler) incidentDeclare(w http.ResponseWriter, r *http.Request) error {
	var x pinggu.Incident
	if err := s.decodeJSON(w, r, &x); err != nil {
		return err
	}
	if err := s.svc.Incidents.DeclareIncident(r.Context(), &x); err != nil {
		return err
	}
	out, err := s.svc.Incidents.FindIncident(r.Context(), x.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, out)
	return nil
}

// responseRequest carries a party's response or a note.
type responseRequest struct {
	Text string `json:"text"`
}

// incidentStep runs one step on an incident in scope with the request's
// text and answers the incident as it then is.
func (s *Handler) incidentStep(w http.ResponseWriter, r *http.Request, step func(id int64, text string) error) error {
	x, err := s.incidentInScope(r)
	var req responseRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = step(x.ID, req.Text)
	}
	if err == nil {
		x, err = s.svc.Incidents.FindIncident(r.Context(), x.ID)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, x)
	return nil
}

// incidentAcknowledge records the caller's party's acknowledgement.
func (s *Handler) incidentAcknowledge(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, func(id int64, t string) error { return s.svc.Incidents.AcknowledgeIncident(r.Context(), id, t) })
}

// incidentRespond records a response of the caller's party.
func (s *Handler) incidentRespond(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, func(id int64, t string) error { return s.svc.Incidents.RespondIncident(r.Context(), id, t) })
}

// incidentContain records that the risk is under control.
func (s *Handler) incidentContain(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, func(id int64, t string) error { return s.svc.Incidents.ContainIncident(r.Context(), id, t) })
}

// incidentClose closes the response with its summary.
func (s *Handler) incidentClose(w http.ResponseWriter, r *http.Request) error {
	return s.incidentStep(w, r, func(id int64, t string) error { return s.svc.Incidents.CloseIncident(r.Context(), id, t) })
}

// incidentTaskAdd issues a task to a party.
func (s *Handler) incidentTaskAdd(w http.ResponseWriter, r *http.Request) error {
	x, err := s.incidentInScope(r)
	var req pinggu.TaskRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var t *pinggu.IncidentTask
	if err == nil {
		t, err = s.svc.Incidents.AddIncidentTask(r.Context(), x.ID, req)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, t)
	return nil
}

// incidentTaskDone marks a task of the caller's party done.
func (s *Handler) incidentTaskDone(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req responseRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.Incidents.CompleteIncidentTask(r.Context(), id, req.Text)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// incidentReportPDF answers the incident's closure report as PDF.
func (s *Handler) incidentReportPDF(w http.ResponseWriter, r *http.Request) error {
	x, err := s.incidentInScope(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.IncidentPDF(&buf, x, i18n.FromRequest(r)); err != nil {
		return err
	}
	sendFile(w, "application/pdf", "incident-"+httpx.FormatID(x.ID)+".pdf", buf.Bytes())
	return nil
}
