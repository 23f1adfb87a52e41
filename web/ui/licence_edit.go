package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// licenceEdit shows the form to change a licence.
func (s *Handler) licenceEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	l, err := s.svc.Licences.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	org, err := s.svc.Organisations.FindOrganisation(r.Context(), l.OrgID)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "licence.edit")
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		return errForbidden
	}
	p.Form = newEditForm(licenceValues(l), l.UpdatedAt)
	s.renderLicenceForm(w, r, p, org, "/licences/"+strconv.FormatInt(id, 10))
	return nil
}
