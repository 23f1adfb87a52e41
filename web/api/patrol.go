package api

import (
	"context"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// Route tags of patrol; Enabled leaves them out while the server has no
// patrol service.
const (
	tagPatrol    = "patrol"
	tagWarnings  = "patrol warnings"
	tagBulletins = "patrol bulletins"
)

// patrolList answers a list of patrol records: the query decoded into the
// filter F, whose embedded ListOptions opts returns.
func patrolList[F any, T any](s *Handler, w http.ResponseWriter, r *http.Request, opts func(*F) *pinggu.ListOptions,
	list func(context.Context, F) ([]T, int, error)) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	var f F
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	o := opts(&f)
	*o = o.Normalize()
	items, total, err := list(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, *o))
	return nil
}

// patrolGet answers one patrol record named by {id}.
func patrolGet[T any](s *Handler, w http.ResponseWriter, r *http.Request, find func(context.Context, int64) (T, error)) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	v, err := find(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, v)
	return nil
}

// patrolAct runs an action on the record named by {id} with the JSON body
// B (nil for none) and answers its result.
func patrolAct[B any, T any](s *Handler, w http.ResponseWriter, r *http.Request, status int, act func(context.Context, int64, B) (T, error)) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var body B
	if r.ContentLength != 0 {
		if err := s.decodeJSON(w, r, &body); err != nil {
			return err
		}
	}
	v, err := act(r.Context(), id, body)
	if err != nil {
		return err
	}
	s.writeJSON(w, status, v)
	return nil
}

// patrolListRequest is the body that creates or renames a patrol list.
type patrolListRequest struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Province makes a national role's list provincial; a bureau's list is
	// always of its own province.
	Province string `json:"province,omitempty"`
}

// patrolAckRequest is the body of an acknowledgement.
type patrolAckRequest struct {
	Note string `json:"note,omitempty"`
}

// PatrolMeta names patrol's enumerations for clients.
type PatrolMeta struct {
	TargetKinds    map[pinggu.PatrolTargetKind]pinggu.Label   `json:"target_kinds"`
	Levels         map[pinggu.WarningLevel]pinggu.Label       `json:"levels"`
	WarningStates  map[pinggu.WarningState]pinggu.Label       `json:"warning_states"`
	Disposals      map[pinggu.Disposal]pinggu.Label           `json:"disposals"`
	FindingStates  map[pinggu.PatrolFindingState]pinggu.Label `json:"finding_states"`
	RunStates      map[pinggu.PatrolRunState]pinggu.Label     `json:"run_states"`
	Categories     map[string]pinggu.Label                    `json:"harm_categories"`
	RulePacks      map[string]pinggu.Label                    `json:"rule_packs"`
	Priorities     map[pinggu.PatrolPriority]pinggu.Label     `json:"priorities"`
	Frequencies    map[int]pinggu.Label                       `json:"frequencies"`
	ScoreThreshold int                                        `json:"warning_score_threshold"`
}
