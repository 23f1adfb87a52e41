package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// licenceNew shows the form to record a licence of an organisation.
func (s *Handler) licenceNew(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	org, err := s.svc.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "licence.new")
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		return errForbidden
	}
	p.Form = newForm(nil)
	s.renderLicenceForm(w, r, p, org, "/organisations/"+strconv.FormatInt(id, 10)+"/licences")
	return nil
}
