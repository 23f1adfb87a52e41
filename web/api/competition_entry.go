package api

import (
	"context"
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// entryRequest is an entry as its organisation writes it; org_id picks a
// subsidiary (the caller's own organisation when zero).
type entryRequest struct {
	OrgID        int64                `json:"org_id,omitempty"`
	Title        string               `json:"title"`
	Summary      string               `json:"summary,omitempty"`
	Participants []pinggu.Participant `json:"participants,omitempty"`
}

// competitionEntries lists the entries of a competition the caller sees.
func (s *Handler) competitionEntries(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	out, err := s.svc.Competitions.ListEntries(r.Context(), k.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// competitionEntryCreate starts an entry of the caller's organisation.
func (s *Handler) competitionEntryCreate(w http.ResponseWriter, r *http.Request) error {
	k, err := s.competition(r)
	if err != nil {
		return err
	}
	var in entryRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := &pinggu.Entry{OrgID: in.OrgID, Title: in.Title, Summary: in.Summary, Participants: in.Participants}
	if err := s.svc.Competitions.CreateEntry(r.Context(), k.ID, e); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, e)
	return nil
}

// entry loads the entry {id} names, or its 404.
func (s *Handler) entry(r *http.Request) (*pinggu.Entry, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Competitions.FindEntry(r.Context(), id)
}

// entryGet returns one entry with its evidence and the scores the caller
// may see.
func (s *Handler) entryGet(w http.ResponseWriter, r *http.Request) error {
	e, err := s.entry(r)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, e)
	return nil
}

// entryUpdate changes a draft or withdrawn entry.
func (s *Handler) entryUpdate(w http.ResponseWriter, r *http.Request) error {
	e, err := s.entry(r)
	if err != nil {
		return err
	}
	var in entryRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e.Title, e.Summary, e.Participants = in.Title, in.Summary, in.Participants
	out, err := s.svc.Competitions.UpdateEntry(r.Context(), e)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

// entryEvidence adds an evidence file (multipart field "file").
func (s *Handler) entryEvidence(w http.ResponseWriter, r *http.Request) error {
	e, err := s.entry(r)
	if err != nil {
		return err
	}
	a, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Competitions.AttachEntryEvidence(r.Context(), e.ID, name, rd)
	})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}

// entrySubmit submits an entry before the deadline.
func (s *Handler) entrySubmit(w http.ResponseWriter, r *http.Request) error {
	return s.entryMove(w, r, s.svc.Competitions.SubmitEntry)
}

// entryWithdraw withdraws a submitted entry before the deadline.
func (s *Handler) entryWithdraw(w http.ResponseWriter, r *http.Request) error {
	return s.entryMove(w, r, s.svc.Competitions.WithdrawEntry)
}

func (s *Handler) entryMove(w http.ResponseWriter, r *http.Request, move func(context.Context, int64) (*pinggu.Entry, error)) error {
	e, err := s.entry(r)
	if err != nil {
		return err
	}
	out, err := move(r.Context(), e.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
