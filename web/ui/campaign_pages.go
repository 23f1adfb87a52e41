package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type campaignListData struct {
	Items      []*pinggu.Campaign
	Pager      pager
	CanCreate  bool
	National   bool
	Kinds      []option
	Categories []option
	Provinces  []option
	Orgs       []option
}

// campaignList lists special inspections and daily supervision visits, with
// the form that opens one.
func (s *Handler) campaignList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.campaigns")
	if p.Form == nil {
		p.Form = newForm(r.URL.Query())
	}
	return s.renderCampaigns(w, r, p, http.StatusOK)
}

func (s *Handler) renderCampaigns(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "campaigns"
	o := listParams(r)
	items, total, err := s.svc.Campaigns.ListCampaigns(r.Context(), pinggu.CampaignFilter{ListOptions: o})
	if err != nil {
		return err
	}
	j, ok := p.Actor.Jurisdiction()
	d := campaignListData{Items: items, Pager: p.newPager(r, total, o), CanCreate: ok, National: j.National,
		Kinds:      labelOptions(p.Lang, pinggu.CampaignKinds, pinggu.CampaignKindLabels),
		Categories: labelOptions(p.Lang, pinggu.Categories, pinggu.CategoryLabels),
		Provinces:  provinceOptions(p.Lang, false)}
	if ok {
		if d.Orgs, err = s.orgChoices(r, p.Form.V("org_q"), p.Form.V("org_id")); err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, status, "campaign_list", p)
	return nil
}

// campaignCreate opens a campaign from the form; its checklist is drawn
// from the category's standard.
func (s *Handler) campaignCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	f := r.PostForm
	p := s.newPage(w, r, "page.campaigns")
	p.Form = newForm(f)
	c := &pinggu.Campaign{Kind: pinggu.CampaignKind(f.Get("kind")), Title: f.Get("title"), Province: f.Get("province"), Category: pinggu.Category(f.Get("category"))}
	if j, ok := p.Actor.Jurisdiction(); ok && !j.National {
		c.Province = j.Province
	}
	c.OrgID, _ = httpx.ParseID(f.Get("org_id"))
	if c.Kind != pinggu.CampaignDaily {
		c.OrgID = 0
	}
	c.StartsOn, _ = parseDay(f.Get("starts_on"))
	c.EndsOn, _ = parseDay(f.Get("ends_on"))
	c.Inspectors = strings.FieldsFunc(f.Get("inspectors"), func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == '\n' })
	if err := s.svc.Campaigns.CreateCampaign(r.Context(), c); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCampaigns(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/campaigns/"+httpx.FormatID(c.ID), "flash.campaign_created")
	return nil
}

type campaignShowData struct {
	C           *pinggu.Campaign
	Inspections []*pinggu.Inspection
	CanManage   bool
	Orgs        []option
	Results     []option
	Categories  []option
	Today       string
	// Partners are the departments the campaign's inspections may be
	// shared with, when the viewer may invite.
	Partners []pinggu.OrgRef
}

// campaignShow is one campaign: its checklist, the enterprises inspected,
// the form to record one, and the bulk ordering of special assessments.
func (s *Handler) campaignShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.campaign")
	p.Form = newForm(r.URL.Query())
	return s.renderCampaign(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderCampaign(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	c, err := s.svc.Campaigns.FindCampaign(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active = "campaigns"
	p.Title = c.Title
	ins, _, err := s.svc.Campaigns.ListInspections(r.Context(), pinggu.InspectionFilter{CampaignID: id, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	d := campaignShowData{C: c, Inspections: ins, Today: time.Now().In(pinggu.ChinaTime).Format("2006-01-02"),
		CanManage:  c.State == pinggu.CampaignOpen && pinggu.Allowed(p.Actor, pinggu.ActCampaignManage, pinggu.Subject{Province: c.Province}),
		Results:    labelOptions(p.Lang, []pinggu.CheckResult{pinggu.CheckPass, pinggu.CheckFail, pinggu.CheckNA}, pinggu.CheckResultLabels),
		Categories: labelOptions(p.Lang, pinggu.Categories, pinggu.CategoryLabels)}
	if s.svc.JointInspections != nil && s.svc.Cases != nil && len(ins) > 0 &&
		pinggu.Allowed(p.Actor, pinggu.ActJointInvite, pinggu.Subject{Kind: pinggu.JointOfInspection, Province: c.Province, State: string(c.State)}) {
		j, _ := p.Actor.Jurisdiction()
		if d.Partners, err = s.svc.Cases.PartnerDepartments(r.Context(), j.Province); err != nil {
			return err
		}
	}
	if d.CanManage {
		if c.OrgID != 0 {
			d.Orgs = []option{{strconv.FormatInt(c.OrgID, 10), c.OrgName}}
		} else if d.Orgs, err = s.orgChoices(r, p.Form.V("org_q"), p.Form.V("org_id")); err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, status, "campaign_show", p)
	return nil
}

// campaignAction runs an action of the campaign page and returns to it.
func (s *Handler) campaignAction(w http.ResponseWriter, r *http.Request, id int64, act func(p *page) (string, int, error)) error {
	p := s.newPage(w, r, "page.campaign")
	p.Form = newForm(r.PostForm)
	to, n, err := act(p)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderCampaign(w, r, p, id, http.StatusUnprocessableEntity)
	}
	if to == "" {
		to = "/campaigns/" + httpx.FormatID(id)
	}
	s.redirectFlash(w, r, to, "flash.campaign_done", n)
	return nil
}

// inspectionRecord records one enterprise's results (result:KEY and
// note:KEY fields for each checklist item).
func (s *Handler) inspectionRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	return s.campaignAction(w, r, id, func(*page) (string, int, error) {
		in := &pinggu.Inspection{CampaignID: id, Inspector: f.Get("inspector"), Summary: f.Get("summary")}
		in.OrgID, _ = httpx.ParseID(f.Get("org_id"))
		in.InspectedOn, _ = parseDay(f.Get("inspected_on"))
		for name, vals := range f {
			if key, ok := strings.CutPrefix(name, "result:"); ok {
				in.Items = append(in.Items, &pinggu.InspectionItem{Key: pinggu.ItemKey(key), Result: pinggu.CheckResult(first(vals)), Note: f.Get("note:" + key)})
			}
		}
		if err := s.svc.Campaigns.RecordInspection(r.Context(), in); err != nil {
			return "", 0, err
		}
		return "/inspections/" + httpx.FormatID(in.ID), in.Failed, nil
	})
}

// campaignSpecial orders special assessments of a category at once.
func (s *Handler) campaignSpecial(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.campaignAction(w, r, id, func(*page) (string, int, error) {
		o := pinggu.SpecialOrder{Category: pinggu.Category(r.PostForm.Get("category"))}
		o.DueAt, _ = parseDay(r.PostForm.Get("due_at"))
		n, err := s.svc.Campaigns.OrderSpecialAssessments(r.Context(), id, o)
		return "", n, err
	})
}

// campaignClose ends a campaign.
func (s *Handler) campaignClose(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.campaignAction(w, r, id, func(*page) (string, int, error) {
		_, err := s.svc.Campaigns.CloseCampaign(r.Context(), id)
		return "", 0, err
	})
}

type inspectionShowData struct {
	I        *pinggu.Inspection
	CanOrder bool
	// Joint is the joint inspection: departments taking part, forms.
	Joint *jointWork
}

// inspectionShow is one enterprise's inspection record, with the step that
// turns its failed items into an order.
func (s *Handler) inspectionShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.inspection")
	p.Form = newForm(nil)
	return s.renderInspection(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderInspection(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	in, err := s.svc.Campaigns.FindInspection(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active = "campaigns"
	joint, err := s.inspectionJoint(r, p, in)
	if err != nil {
		return err
	}
	p.Data = inspectionShowData{I: in, Joint: joint, CanOrder: in.Failed > 0 && in.OrderID == 0 &&
		pinggu.Allowed(p.Actor, pinggu.ActOrderCreate, pinggu.Subject{OrgID: in.OrgID, Province: in.Province})}
	s.render(w, r, status, "inspection_show", p)
	return nil
}

// inspectionOrder drafts an order from the failed items in one step.
func (s *Handler) inspectionOrder(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p := s.newPage(w, r, "page.inspection")
	p.Form = newForm(r.PostForm)
	due, _ := parseDay(r.PostForm.Get("due_at"))
	o, err := s.svc.Campaigns.OrderFromInspection(r.Context(), id, due)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderInspection(w, r, p, id, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/orders/"+httpx.FormatID(o.ID), "flash.order_created")
	return nil
}
