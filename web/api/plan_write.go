package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// planCreateRequest starts a plan: a province's ("" for the national
// plan), of a year, with its goals.
type planCreateRequest struct {
	Province string   `json:"province"`
	Year     int      `json:"year"`
	Goals    []string `json:"goals"`
}

// planCreate drafts the plan of a year.
func (s *Handler) planCreate(w http.ResponseWriter, r *http.Request) error {
	var in planCreateRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	p := &pinggu.Plan{Province: in.Province, Year: in.Year, Goals: in.Goals}
	if err := s.svc.Plans.CreatePlan(r.Context(), p); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, p)
	return nil
}

// planUpdate changes a plan's goals (with a reason once published).
func (s *Handler) planUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := s.foundPlan(r)
	if err != nil {
		return err
	}
	var e pinggu.PlanEdit
	if err := s.decodeJSON(w, r, &e); err != nil {
		return err
	}
	p, err := s.svc.Plans.EditPlan(r.Context(), id, e)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}

// foundPlan is the plan the path names, if the caller reads it: a body is
// not read for a plan that does not exist for the caller.
func (s *Handler) foundPlan(r *http.Request) (int64, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return 0, err
	}
	_, err = s.svc.Plans.FindPlan(r.Context(), id)
	return id, err
}

// planPublish publishes a draft plan.
func (s *Handler) planPublish(w http.ResponseWriter, r *http.Request) error {
	id, err := s.foundPlan(r)
	if err != nil {
		return err
	}
	p, err := s.svc.Plans.PublishPlan(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}

// planTaskRequest is a task with the reason a published plan's change
// needs.
type planTaskRequest struct {
	Title      string              `json:"title"`
	Kind       pinggu.PlanTaskKind `json:"kind"`
	OwnerID    int64               `json:"owner_id"`
	Target     int                 `json:"target"`
	Measure    string              `json:"measure"`
	Deadline   time.Time           `json:"deadline"`
	CampaignID int64               `json:"campaign_id,omitempty"`
	RecordIDs  []int64             `json:"record_ids,omitempty"`
	Link       string              `json:"link,omitempty"`
	Reason     string              `json:"reason,omitempty"`
}

func (in planTaskRequest) task(id int64) *pinggu.PlanTask {
	return &pinggu.PlanTask{ID: id, Title: in.Title, Kind: in.Kind, OwnerID: in.OwnerID, Target: in.Target, Measure: in.Measure,
		Deadline: in.Deadline, CampaignID: in.CampaignID, RecordIDs: in.RecordIDs, Link: in.Link}
}

// planTaskCreate adds a task to a plan.
func (s *Handler) planTaskCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := s.foundPlan(r)
	if err != nil {
		return err
	}
	var in planTaskRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.svc.Plans.SaveTask(r.Context(), id, in.task(0), in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, p)
	return nil
}

// foundTask is the task the path names, if the caller reads its plan.
func (s *Handler) foundTask(r *http.Request) (*pinggu.PlanTask, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Plans.FindTask(r.Context(), id)
}

// planTaskGet answers a task with its progress.
func (s *Handler) planTaskGet(w http.ResponseWriter, r *http.Request) error {
	t, err := s.foundTask(r)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, t)
	return nil
}

// planTaskUpdate changes a task (with a reason once its plan is published).
func (s *Handler) planTaskUpdate(w http.ResponseWriter, r *http.Request) error {
	t, err := s.foundTask(r)
	if err != nil {
		return err
	}
	var in planTaskRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.svc.Plans.SaveTask(r.Context(), t.PlanID, in.task(t.ID), in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}

// planTaskRemove removes a task (with a reason once its plan is published).
func (s *Handler) planTaskRemove(w http.ResponseWriter, r *http.Request) error {
	t, err := s.foundTask(r)
	if err != nil {
		return err
	}
	var in reasonRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.svc.Plans.RemoveTask(r.Context(), t.ID, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}

// taskProgressRequest is progress reported by hand.
type taskProgressRequest struct {
	Done int    `json:"done"`
	Note string `json:"note,omitempty"`
}

// planTaskProgress reports a task's progress by hand.
func (s *Handler) planTaskProgress(w http.ResponseWriter, r *http.Request) error {
	t, err := s.foundTask(r)
	if err != nil {
		return err
	}
	var in taskProgressRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := s.svc.Plans.ReportTask(r.Context(), t.ID, in.Done, in.Note)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, p)
	return nil
}
