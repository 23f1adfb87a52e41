package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// organisationEdit shows the form to change an organisation.
func (s *Handler) organisationEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "org.edit")
	p.Active = "organisations"
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		return errForbidden
	}
	p.Form = newEditForm(orgValues(o), o.UpdatedAt)
	self := "/organisations/" + strconv.FormatInt(id, 10)
	return s.renderOrgForm(w, r, p, self, self, id, o.Kind)
}
