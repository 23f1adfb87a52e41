package ui

import (
	"io"
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// The pages of cases shared across departments.

type caseListData struct {
	Items []*pinggu.Case
	Total int
	Pager pager
	// CanCreate: a regulator opens cases, a partner department refers one.
	CanCreate bool
}

// caseList lists the cases the caller sees.
func (s *Handler) caseList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.coop_cases")
	p.Active = "cooperation"
	q := r.URL.Query()
	p.Form = newForm(q)
	opt := listParams(r)
	f := pinggu.CaseFilter{State: pinggu.CaseState(q.Get("state")), Category: pinggu.CaseCategory(q.Get("category")), Query: q.Get("q"), ListOptions: opt}
	items, total, err := s.svc.Cases.ListCases(r.Context(), f)
	if err != nil {
		return err
	}
	p.Data = caseListData{Items: items, Total: total, Pager: p.newPager(r, total, opt), CanCreate: mayOpenCase(p.Actor)}
	s.render(w, r, http.StatusOK, "case_list", p)
	return nil
}

// mayOpenCase reports whether the actor opens (or refers) cases at all.
func mayOpenCase(a *pinggu.Actor) bool {
	j, ok := a.Jurisdiction()
	return pinggu.Allowed(a, pinggu.ActCaseCreate, pinggu.Subject{Province: j.Province}) && (ok || len(a.Grantees()) > 0)
}

type caseNewData struct {
	Levels     []option
	Categories []option
	Partner    bool // a partner department refers a case to its regulator
}

// caseNew shows the form to open (or refer) a case.
func (s *Handler) caseNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "coop.case_new")
	if !mayOpenCase(p.Actor) {
		return errForbidden
	}
	p.Form = newForm(nil)
	return s.renderCaseNew(w, r, p, http.StatusOK)
}

func (s *Handler) renderCaseNew(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "cooperation"
	d := caseNewData{Levels: jurisdictionOptions(p), Categories: labelOptions(p.Lang, pinggu.CaseCategories, pinggu.CaseCategoryLabels)}
	if len(d.Levels) == 0 {
		d.Partner = true
		d.Levels = []option{{"", p.T("coop.to_ministry")}}
		if org := p.Actor.OrgID; org != 0 {
			if o, err := s.svc.Organisations.FindOrganisation(r.Context(), org); err == nil {
				d.Levels = append(d.Levels, option{o.Province, p.ProvinceName(o.Province) + p.T("coop.bureau_suffix")})
			}
		}
	}
	p.Data = d
	s.render(w, r, status, "case_new", p)
	return nil
}

// caseCreate opens the case and shows it.
func (s *Handler) caseCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "coop.case_new")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	x := &pinggu.Case{Title: r.PostForm.Get("title"), Category: pinggu.CaseCategory(r.PostForm.Get("category")),
		Summary: r.PostForm.Get("summary"), Province: r.PostForm.Get("province")}
	if err := s.svc.Cases.CreateCase(r.Context(), x); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCaseNew(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, caseLink(x.ID), "flash.coop_case_created")
	return nil
}

func caseLink(id int64) string { return "/cases/" + strconv.FormatInt(id, 10) }

type caseShowData struct {
	C *pinggu.Case
	// Whole: the caller sees the whole case (its regulator).
	Whole                       bool
	CanEdit, CanShare, CanClose bool
	CanAttach, CanRevoke        bool
	Partners                    []pinggu.OrgRef
	Fields                      []option
	RefKinds                    []option
	Own                         *pinggu.CaseShare // the caller's department's share
	Replies                     []option
	MaxMiB                      int
}

// caseShow shows a case with what the caller may see of it and the forms
// it may use.
func (s *Handler) caseShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.coop_cases")
	p.Form = newForm(nil)
	return s.renderCase(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderCase(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	x, err := s.svc.Cases.FindCase(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active, p.Title = "cooperation", x.Title
	t := pinggu.CaseSubject(x)
	d := caseShowData{C: x, Whole: p.Actor.CaseScope().Covers(0, x.Province),
		CanEdit: pinggu.Allowed(p.Actor, pinggu.ActCaseEdit, t), CanShare: pinggu.Allowed(p.Actor, pinggu.ActCaseShare, t),
		CanClose: pinggu.Allowed(p.Actor, pinggu.ActCaseClose, t), CanRevoke: pinggu.Allowed(p.Actor, pinggu.ActCaseRevoke, t),
		Fields:   labelOptions(p.Lang, pinggu.CaseFields, pinggu.CaseFieldLabels),
		RefKinds: []option{{"assessment", p.T("coop.ref_assessment")}, {"service", p.T("coop.ref_service")}, {"organisation", p.T("coop.ref_organisation")}},
		MaxMiB:   pinggu.MaxEvidenceSize >> 20}
	if !d.Whole {
		for _, sh := range x.Shares {
			if sh.State.Live() {
				d.Own = sh
				t.OrgID = sh.PartnerOrgID
				for _, rp := range pinggu.RepliesFrom(sh.State) {
					if pinggu.MayReplyCase(p.Actor, x, sh, rp) {
						d.Replies = append(d.Replies, option{string(rp), p.CaseReplyLabel(rp)})
					}
				}
			}
		}
	}
	d.CanAttach = pinggu.Allowed(p.Actor, pinggu.ActCaseAttach, t)
	if d.CanShare {
		if d.Partners, err = s.svc.Cases.PartnerDepartments(r.Context(), x.Province); err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, status, "case_show", p)
	return nil
}

// caseAction is a form posted from a case's page: it runs do and returns
// to the case, or shows the case again with the form's errors.
func (s *Handler) caseAction(w http.ResponseWriter, r *http.Request, caseID int64, flash string, do func() error) error {
	return s.postAction(w, r, caseLink(caseID), flash, do, func(p *page) error {
		return s.renderCase(w, r, p, caseID, http.StatusUnprocessableEntity)
	})
}

// caseInScope reads the path's case id; a case the caller does not see is
// not found before the form is read.
func (s *Handler) caseInScope(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.svc.Cases.FindCase(r.Context(), id)
	}
	return id, err
}

// caseItemAdd adds a record to the case.
func (s *Handler) caseItemAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	ref := pinggu.Ref{Kind: r.PostForm.Get("ref_kind"), ID: formID(r.PostForm.Get("ref_id"))}
	return s.caseAction(w, r, id, "flash.coop_item_added", func() error {
		_, err := s.svc.Cases.AddCaseItem(r.Context(), id, ref, r.PostForm.Get("note"))
		return err
	})
}

// caseEvidenceUpload attaches a file to the case.
func (s *Handler) caseEvidenceUpload(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	return s.caseAction(w, r, id, "flash.coop_file_added", func() error {
		err := httpx.UploadFile(r, []string{"note"}, func(v map[string]string, name string, rd io.Reader) error {
			_, err := s.svc.Cases.AddCaseEvidence(r.Context(), id, name, v["note"], rd)
			return err
		})
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE {
			return pinggu.Errorf(pinggu.EINVALID, "%s", pinggu.ErrorMessage(err))
		}
		return err
	})
}

// caseEvidenceGet downloads a file of a case.
func (s *Handler) caseEvidenceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, rc, err := s.svc.Cases.OpenCaseEvidence(r.Context(), id)
	if err != nil {
		return err
	}
	defer rc.Close()
	httpx.SendAttachment(w, ev.ContentType, ev.Filename, ev.SHA256, ev.Size)
	_, _ = io.Copy(w, rc)
	return nil
}

// shareRequest reads the share form.
func shareRequest(r *http.Request) pinggu.ShareRequest {
	_ = r.ParseForm()
	v := r.PostForm
	req := pinggu.ShareRequest{PartnerOrgID: formID(v.Get("partner_org_id")), ItemIDs: formIDs(v["item_id"]),
		EvidenceIDs: formIDs(v["evidence_id"]), Message: v.Get("message")}
	for _, f := range v["field"] {
		req.Fields = append(req.Fields, pinggu.CaseField(f))
	}
	if due := formTime(v.Get("due_at")); !due.IsZero() {
		req.DueAt = &due
	}
	return req
}

// caseShare refers the case to a partner department.
func (s *Handler) caseShare(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	req := shareRequest(r)
	return s.caseAction(w, r, id, "flash.coop_shared", func() error {
		_, err := s.svc.Cases.ShareCase(r.Context(), id, req)
		return err
	})
}

// shareCase finds the case of a share the caller sees (404 otherwise).
func (s *Handler) shareCase(r *http.Request) (shareID, caseID int64, err error) {
	shareID, err = pathID(r)
	if err != nil {
		return 0, 0, err
	}
	caseID = formID(r.FormValue("case_id"))
	x, err := s.svc.Cases.FindCase(r.Context(), caseID)
	if err != nil {
		return 0, 0, errNotFound
	}
	for _, sh := range x.Shares {
		if sh.ID == shareID {
			return shareID, caseID, nil
		}
	}
	return 0, 0, errNotFound
}

// caseShareSupplement gives the department more of the case.
func (s *Handler) caseShareSupplement(w http.ResponseWriter, r *http.Request) error {
	shareID, caseID, err := s.shareCase(r)
	if err != nil {
		return err
	}
	req := shareRequest(r)
	return s.caseAction(w, r, caseID, "flash.coop_supplemented", func() error {
		_, err := s.svc.Cases.SupplementShare(r.Context(), shareID, req)
		return err
	})
}

// caseShareRevoke ends the department's access.
func (s *Handler) caseShareRevoke(w http.ResponseWriter, r *http.Request) error {
	shareID, caseID, err := s.shareCase(r)
	if err != nil {
		return err
	}
	return s.caseAction(w, r, caseID, "flash.coop_revoked", func() error {
		return s.svc.Cases.RevokeShare(r.Context(), shareID, r.PostForm.Get("reason"))
	})
}

// caseReply records the partner department's reply.
func (s *Handler) caseReply(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	v := r.PostForm
	req := pinggu.CaseReplyRequest{Reply: pinggu.CaseReply(v.Get("reply")), Message: v.Get("message"), Measures: v.Get("measures"), Result: v.Get("result")}
	return s.caseAction(w, r, id, "flash.coop_replied", func() error {
		_, err := s.svc.Cases.ReplyToCase(r.Context(), id, req)
		return err
	})
}

// caseClose closes the case.
func (s *Handler) caseClose(w http.ResponseWriter, r *http.Request) error {
	id, err := s.caseInScope(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.caseAction(w, r, id, "flash.coop_closed", func() error {
		return s.svc.Cases.CloseCase(r.Context(), id, r.PostForm.Get("note"))
	})
}

// RefHref is the page of a record a case or incident refers to, for a
// viewer who can open it; "" shows the reference as text.
func (p *page) RefHref(whole bool, r pinggu.Ref) string {
	if !whole {
		return ""
	}
	switch r.Kind {
	case "assessment":
		return "/assessments/" + strconv.FormatInt(r.ID, 10)
	case "service":
		return "/services/" + strconv.FormatInt(r.ID, 10)
	case "organisation":
		return "/organisations/" + strconv.FormatInt(r.ID, 10)
	case "patrol_warning":
		return "/patrol/warnings/" + strconv.FormatInt(r.ID, 10)
	case "patrol_snapshot":
		return "/patrol/snapshots/" + strconv.FormatInt(r.ID, 10)
	case "patrol_target":
		return "/patrol/targets/" + strconv.FormatInt(r.ID, 10)
	}
	return ""
}
