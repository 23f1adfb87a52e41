package ui

import (
	"context"
	"io"
	"net/http"
	"slices"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type entryShowData struct {
	Entry       *pinggu.Entry
	Competition *pinggu.Competition
	// CanEdit: the entrant may still change it (a draft or withdrawn entry
	// while registration is open); CanWithdraw: it is submitted and
	// registration is open.
	CanEdit     bool
	CanWithdraw bool
	// Rows are the participant rows of the form, at least five.
	Rows []pinggu.Participant
}

// entryShow shows an entry: its description, participants, evidence and
// the scores the caller may see, with the entrant's forms while
// registration is open.
func (s *Handler) entryShow(w http.ResponseWriter, r *http.Request) error {
	e, k, err := s.entry(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.competition_entry")
	p.Form = newForm(nil)
	return s.renderEntry(w, r, p, e, k, http.StatusOK)
}

func (s *Handler) entry(r *http.Request) (*pinggu.Entry, *pinggu.Competition, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, nil, err
	}
	e, err := s.svc.Competitions.FindEntry(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	k, err := s.svc.Competitions.FindCompetition(r.Context(), e.CompetitionID)
	return e, k, err
}

func (s *Handler) renderEntry(w http.ResponseWriter, r *http.Request, p *page, e *pinggu.Entry, k *pinggu.Competition, status int) error {
	p.Active = "training"
	own := pinggu.TrainingAudienceMember(p.Actor) && slices.Contains(p.Actor.OrgIDs, e.OrgID)
	enter := own && pinggu.Allowed(p.Actor, pinggu.ActCompetitionEnter, competitionSubject(p.Actor, k))
	d := entryShowData{Entry: e, Competition: k, CanEdit: enter && e.State != pinggu.EntrySubmitted, CanWithdraw: enter && e.State == pinggu.EntrySubmitted}
	d.Rows = append(d.Rows, e.Participants...)
	for len(d.Rows) < 5 {
		d.Rows = append(d.Rows, pinggu.Participant{})
	}
	p.Data = d
	s.render(w, r, status, "competition_entry", p)
	return nil
}

// entryFailed shows the entry again with the error of a form.
func (s *Handler) entryFailed(w http.ResponseWriter, r *http.Request, e *pinggu.Entry, k *pinggu.Competition, err error) error {
	p := s.newPage(w, r, "page.competition_entry")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Competitions.FindEntry(r.Context(), e.ID); ferr == nil {
		e = fresh
	}
	return s.renderEntry(w, r, p, e, k, http.StatusUnprocessableEntity)
}

// entryUpdate saves the entry's title, description and participants.
func (s *Handler) entryUpdate(w http.ResponseWriter, r *http.Request) error {
	e, k, err := s.entry(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	in := entryFromForm(r)
	in.ID = e.ID
	if _, err := s.svc.Competitions.UpdateEntry(r.Context(), in); err != nil {
		return s.entryFailed(w, r, e, k, err)
	}
	s.redirectFlash(w, r, entryHref(e.ID), "flash.entry_saved")
	return nil
}

// entryEvidence uploads an evidence file.
func (s *Handler) entryEvidence(w http.ResponseWriter, r *http.Request) error {
	e, k, err := s.entry(r)
	if err != nil {
		return err
	}
	if _, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Competitions.AttachEntryEvidence(r.Context(), e.ID, name, rd)
	}); err != nil {
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE {
			return err
		}
		return s.entryFailed(w, r, e, k, err)
	}
	s.redirectFlash(w, r, entryHref(e.ID), "flash.asm_evidence_added")
	return nil
}

// entrySubmit submits the entry.
func (s *Handler) entrySubmit(w http.ResponseWriter, r *http.Request) error {
	return s.entryMove(w, r, s.svc.Competitions.SubmitEntry, "flash.entry_submitted")
}

// entryWithdraw withdraws the entry.
func (s *Handler) entryWithdraw(w http.ResponseWriter, r *http.Request) error {
	return s.entryMove(w, r, s.svc.Competitions.WithdrawEntry, "flash.entry_withdrawn")
}

func (s *Handler) entryMove(w http.ResponseWriter, r *http.Request, move func(context.Context, int64) (*pinggu.Entry, error), flash string) error {
	e, k, err := s.entry(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := move(r.Context(), e.ID); err != nil {
		return s.entryFailed(w, r, e, k, err)
	}
	s.redirectFlash(w, r, entryHref(e.ID), flash)
	return nil
}
