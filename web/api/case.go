package api

import (
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// The handlers of cases shared across departments. Each looks the case up
// through the store, which answers 404 outside the caller's case scope and
// grants, before it reads a body.

// caseList lists the cases the caller sees.
func (s *Handler) caseList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.CaseFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Cases.ListCases(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// caseGet answers one case with what the caller may see of it.
func (s *Handler) caseGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var x *pinggu.Case
	if err == nil {
		x, err = s.svc.Cases.FindCase(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, x)
	return nil
}

// caseCreate opens a case (or, for a partner department, refers one).
func (s *Handler) caseCreate(w http.ResponseWriter, r *http.Request) error {
	var x pinggu.Case
	if err := s.decodeJSON(w, r, &x); err != nil {
		return err
	}
	if err := s.svc.Cases.CreateCase(r.Context(), &x); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &x)
	return nil
}

// caseItemRequest adds a record to a case.
type caseItemRequest struct {
	Ref  pinggu.Ref `json:"ref"`
	Note string     `json:"note,omitempty"`
}

// caseItemAdd adds a record the caller sees to a case.
func (s *Handler) caseItemAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	var req caseItemRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var it *pinggu.CaseItem
	if err == nil {
		it, err = s.svc.Cases.AddCaseItem(r.Context(), id, req.Ref, req.Note)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, it)
	return nil
}

// caseInScope reads the path's case id and answers 404 for a case the
// caller does not see, before any body is read.
func (s *Handler) caseInScope(r *http.Request) (int64, error) {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Cases.FindCase(r.Context(), id)
	}
	return id, err
}

// caseEvidenceUpload attaches a file (multipart fields note and file).
func (s *Handler) caseEvidenceUpload(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	var ev *pinggu.CaseEvidence
	err = httpx.UploadFile(r, []string{"note"}, func(v map[string]string, name string, rd io.Reader) error {
		var err error
		ev, err = s.svc.Cases.AddCaseEvidence(r.Context(), id, name, v["note"], rd)
		return err
	})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, ev)
	return nil
}

// caseEvidenceGet sends a file of a case as an attachment browsers may not
// sniff; a partner department's download is audited by the store.
func (s *Handler) caseEvidenceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	ev, rc, err := s.svc.Cases.OpenCaseEvidence(r.Context(), id)
	if err != nil {
		return err
	}
	defer rc.Close()
	httpx.SendAttachment(w, ev.ContentType, ev.Filename, ev.SHA256, ev.Size)
	if _, err := io.Copy(w, rc); err != nil {
		s.logger.Warn("send case file", "id", id, "err", err)
	}
	return nil
}

// caseShare refers a case to a partner department.
func (s *Handler) caseShare(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	var req pinggu.ShareRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var sh *pinggu.CaseShare
	if err == nil {
		sh, err = s.svc.Cases.ShareCase(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, sh)
	return nil
}

// caseShareSupplement gives a department more of a case.
func (s *Handler) caseShareSupplement(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req pinggu.ShareRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var sh *pinggu.CaseShare
	if err == nil {
		sh, err = s.svc.Cases.SupplementShare(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, sh)
	return nil
}

// reasonRequest carries the reason of a revocation or the note of a
// closure.
type reasonRequest struct {
	Reason string `json:"reason"`
}

// caseShareRevoke ends a department's access to a case.
func (s *Handler) caseShareRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req reasonRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.Cases.RevokeShare(r.Context(), id, req.Reason)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// caseReply records a partner department's reply.
func (s *Handler) caseReply(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	var req pinggu.CaseReplyRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var sh *pinggu.CaseShare
	if err == nil {
		sh, err = s.svc.Cases.ReplyToCase(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, sh)
	return nil
}

// caseClose closes a case with a note (reason).
func (s *Handler) caseClose(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	var req reasonRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.Cases.CloseCase(r.Context(), id, req.Reason)
	}
	if err != nil {
		return err
	}
	x, err := s.svc.Cases.FindCase(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, x)
	return nil
}

// partnerQuery is the query of GET /api/partner-departments.
type partnerQuery struct {
	Province string `json:"province,omitempty"`
}

// partnerDepartments lists the departments a case of the province ("" for
// national) may be referred to by the caller.
func (s *Handler) partnerDepartments(w http.ResponseWriter, r *http.Request) error {
	var q partnerQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	list, err := s.svc.Cases.PartnerDepartments(r.Context(), q.Province)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(list, len(list), pinggu.ListOptions{Limit: max(len(list), 1)}))
	return nil
}
