package web

import (
	"net/http"
	"testing"
)

func TestUISmoke(t *testing.T) {
	a := newApp(t)
	c := a.login(uBureauGD)
	for _, path := range []string{"/dashboard", "/organisations", "/services", "/licences", "/organisations/" + id(a.orgA.ID), "/services/" + id(a.svcA.ID), "/organisations/new", "/services/new", "/modules/patrol", "/account/password", "/account/tokens"} {
		p := c.get(path)
		mustPage(t, p, http.StatusOK, path)
	}
}
