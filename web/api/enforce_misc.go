package api

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// orderNoticePDF answers the formal notice of an order as PDF.
func (s *Handler) orderNoticePDF(w http.ResponseWriter, r *http.Request) error {
	o, err := s.pathOrder(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.OrderPDF(&buf, o, i18n.FromRequest(r)); err != nil {
		return err
	}
	sendFile(w, "application/pdf", fmt.Sprintf("order-%d.pdf", o.ID), buf.Bytes())
	return nil
}

// orderNoticeXLSX answers an order with its problems and answers as a workbook.
func (s *Handler) orderNoticeXLSX(w http.ResponseWriter, r *http.Request) error {
	o, err := s.pathOrder(r)
	if err != nil {
		return err
	}
	lang := i18n.FromRequest(r)
	tb, summary := report.OrderTable(o, lang)
	var buf bytes.Buffer
	if err := tb.WriteXLSX(&buf, pick(lang, "整改通知", "Order"), summary); err != nil {
		return err
	}
	sendFile(w, xlsxType, fmt.Sprintf("order-%d.xlsx", o.ID), buf.Bytes())
	return nil
}

func (s *Handler) pathOrder(r *http.Request) (*pinggu.Order, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Orders.FindOrder(r.Context(), id)
}

// pick is zh or en by lang.
func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// badRecordList searches the register in scope.
func (s *Handler) badRecordList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.BadRecordFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.BadRecords.ListBadRecords(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newCappedList(items, total, f.ListOptions, pinggu.CountCap(f.Query)))
	return nil
}

// badRecordExport exports what the search selects as CSV or XLSX.
func badRecordExport(format string) func(*Handler, http.ResponseWriter, *http.Request) error {
	return func(s *Handler, w http.ResponseWriter, r *http.Request) error {
		var f pinggu.BadRecordFilter
		if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
			return err
		}
		list, err := s.svc.BadRecords.ExportBadRecords(r.Context(), f)
		if err != nil {
			return err
		}
		tb := report.BadRecordsTable(list, i18n.FromRequest(r))
		var buf bytes.Buffer
		if format == "csv" {
			err = tb.WriteCSV(&buf)
			if err == nil {
				sendFile(w, "text/csv; charset=utf-8", "bad-records.csv", buf.Bytes())
			}
			return err
		}
		if err = tb.WriteXLSX(&buf, "", nil); err == nil {
			sendFile(w, xlsxType, "bad-records.xlsx", buf.Bytes())
		}
		return err
	}
}

// badRecordCreate enters a record by hand.
func (s *Handler) badRecordCreate(w http.ResponseWriter, r *http.Request) error {
	var b pinggu.BadRecord
	if err := s.decodeJSON(w, r, &b); err != nil {
		return err
	}
	b.ID, b.State = 0, ""
	if err := s.svc.BadRecords.CreateBadRecord(r.Context(), &b); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, b)
	return nil
}

// badRecordGet answers one entry with its history.
func (s *Handler) badRecordGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	b, err := s.svc.BadRecords.FindBadRecord(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}

// badRecordActionRequest appeals, revokes or repairs an entry.
type badRecordActionRequest struct {
	Action pinggu.BadRecordAction `json:"action"`
	Reason string                 `json:"reason"`
}

// badRecordAct applies an action to an entry.
func (s *Handler) badRecordAct(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.BadRecords.FindBadRecord(r.Context(), id)
	}
	var in badRecordActionRequest
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	b, err := s.svc.BadRecords.ActOnBadRecord(r.Context(), id, in.Action, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}

// campaignList lists the campaigns the caller sees.
func (s *Handler) campaignList(w http.ResponseWriter, r *http.Request) error {
	return serveList(s, w, r, func(f *pinggu.CampaignFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Campaigns.ListCampaigns)
}

// campaignCreate opens a campaign.
func (s *Handler) campaignCreate(w http.ResponseWriter, r *http.Request) error {
	var c pinggu.Campaign
	if err := s.decodeJSON(w, r, &c); err != nil {
		return err
	}
	c.ID = 0
	if err := s.svc.Campaigns.CreateCampaign(r.Context(), &c); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, c)
	return nil
}

// campaignGet answers one campaign with its progress.
func (s *Handler) campaignGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Campaigns.FindCampaign(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, c)
	return nil
}

// campaignClose ends a campaign.
func (s *Handler) campaignClose(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Campaigns.CloseCampaign(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, c)
	return nil
}

// countResponse says how many records an action made.
type countResponse struct {
	Count int `json:"count"`
}

// campaignSpecialAssessments orders special assessments of a category at once.
func (s *Handler) campaignSpecialAssessments(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindCampaign(r.Context(), id)
	}
	var in pinggu.SpecialOrder
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	n, err := s.svc.Campaigns.OrderSpecialAssessments(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, countResponse{Count: n})
	return nil
}

// checklistQuery is the query of GET /api/checklist.
type checklistQuery struct {
	Category pinggu.Category `json:"category"`
}

// checklistGet draws a checklist from the standards of a category.
func (s *Handler) checklistGet(w http.ResponseWriter, r *http.Request) error {
	var q checklistQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	items, err := s.svc.Campaigns.Checklist(r.Context(), q.Category)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: len(items)}))
	return nil
}

// inspectionList lists inspection records in scope.
func (s *Handler) inspectionList(w http.ResponseWriter, r *http.Request) error {
	return serveList(s, w, r, func(f *pinggu.InspectionFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Campaigns.ListInspections)
}

// inspectionCreate records one enterprise's results in a campaign.
func (s *Handler) inspectionCreate(w http.ResponseWriter, r *http.Request) error {
	var in pinggu.Inspection
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	in.ID, in.OrderID = 0, 0
	if err := s.svc.Campaigns.RecordInspection(r.Context(), &in); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, in)
	return nil
}

// inspectionGet answers one record with its items.
func (s *Handler) inspectionGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in, err := s.svc.Campaigns.FindInspection(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, in)
	return nil
}

// dueRequest names a deadline.
type dueRequest struct {
	DueAt time.Time `json:"due_at"`
}

// inspectionOrder drafts an order from an inspection's failed items.
func (s *Handler) inspectionOrder(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindInspection(r.Context(), id)
	}
	var in dueRequest
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	o, err := s.svc.Campaigns.OrderFromInspection(r.Context(), id, in.DueAt)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, o)
	return nil
}

// annualOpenRequest opens a province's annual inspection.
type annualOpenRequest struct {
	Province string `json:"province"`
	Year     int    `json:"year"`
}

// annualOpen opens the year's dossiers.
func (s *Handler) annualOpen(w http.ResponseWriter, r *http.Request) error {
	var in annualOpenRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	n, err := s.svc.Annual.OpenAnnual(r.Context(), in.Province, in.Year)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, countResponse{Count: n})
	return nil
}

// annualBoard answers the year's board with a page of dossiers.
func (s *Handler) annualBoard(w http.ResponseWriter, r *http.Request) error {
	b, err := s.board(r, false)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}

// board reads the board the query asks for; all takes every dossier.
func (s *Handler) board(r *http.Request, all bool) (*pinggu.Board, error) {
	var f pinggu.BoardFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return nil, err
	}
	if all {
		f.Limit = pinggu.MaxLimit
		var items []*pinggu.Dossier
		for {
			b, err := s.svc.Annual.AnnualBoard(r.Context(), f)
			if err != nil {
				return nil, err
			}
			items = append(items, b.Items...)
			if len(b.Items) < f.Limit || len(items) >= 100000 {
				b.Items = items
				return b, nil
			}
			f.Offset += f.Limit
		}
	}
	return s.svc.Annual.AnnualBoard(r.Context(), f)
}

// annualBoardExport exports the whole board as CSV, XLSX or PDF.
func annualBoardExport(format string) func(*Handler, http.ResponseWriter, *http.Request) error {
	return func(s *Handler, w http.ResponseWriter, r *http.Request) error {
		b, err := s.board(r, true)
		if err != nil {
			return err
		}
		lang := i18n.FromRequest(r)
		tb, summary := report.BoardTable(b, lang)
		var buf bytes.Buffer
		name := fmt.Sprintf("annual-%d", b.Year)
		switch format {
		case "csv":
			if err = tb.WriteCSV(&buf); err == nil {
				sendFile(w, "text/csv; charset=utf-8", name+".csv", buf.Bytes())
			}
		case "pdf":
			if err = report.TablePDF(&buf, fmt.Sprintf(pick(lang, "%d年度电信业务经营许可证年检看板", "Annual licence inspection board %d"), b.Year), summary, tb, lang); err == nil {
				sendFile(w, "application/pdf", name+".pdf", buf.Bytes())
			}
		default:
			if err = tb.WriteXLSX(&buf, pick(lang, "年检进度", "Progress"), summary); err == nil {
				sendFile(w, xlsxType, name+".xlsx", buf.Bytes())
			}
		}
		return err
	}
}

// dossierGet answers one dossier.
func (s *Handler) dossierGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	d, err := s.svc.Annual.FindDossier(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, d)
	return nil
}

// dossierAssemble reassembles an undecided dossier.
func (s *Handler) dossierAssemble(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	d, err := s.svc.Annual.AssembleDossier(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, d)
	return nil
}

// dossierDecide records or overrides the verdict.
func (s *Handler) dossierDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Annual.FindDossier(r.Context(), id)
	}
	var in pinggu.DossierDecision
	if err == nil {
		err = s.decodeJSON(w, r, &in)
	}
	if err != nil {
		return err
	}
	d, err := s.svc.Annual.DecideDossier(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, d)
	return nil
}

// dossierReport answers a dossier as PDF or XLSX.
func dossierReport(format string) func(*Handler, http.ResponseWriter, *http.Request) error {
	return func(s *Handler, w http.ResponseWriter, r *http.Request) error {
		id, err := httpx.PathID(r)
		if err != nil {
			return err
		}
		d, err := s.svc.Annual.FindDossier(r.Context(), id)
		if err != nil {
			return err
		}
		lang := i18n.FromRequest(r)
		summary := report.DossierSummary(d, lang)
		var buf bytes.Buffer
		name := fmt.Sprintf("dossier-%d", d.ID)
		if format == "pdf" {
			title := fmt.Sprintf(pick(lang, "%d年度电信业务经营许可证年检档案", "Annual licence inspection dossier %d"), d.Year)
			if err = report.TablePDF(&buf, title, summary, nil, lang); err == nil {
				sendFile(w, "application/pdf", name+".pdf", buf.Bytes())
			}
			return err
		}
		tb := &report.Table{Title: pick(lang, "关联记录", "Linked records"), Header: []string{pick(lang, "类型", "Kind"), pick(lang, "编号", "ID")}, Widths: []float64{20, 12}}
		for _, l := range d.Links {
			tb.Rows = append(tb.Rows, []any{pinggu.LabelIn(pinggu.RefKindLabels, l.Kind, lang), l.ID})
		}
		if err = tb.WriteXLSX(&buf, pick(lang, "年检档案", "Dossier"), summary); err == nil {
			sendFile(w, xlsxType, name+".xlsx", buf.Bytes())
		}
		return err
	}
}

// serveList answers a plain list request: the filter F from the query,
// its list options (reached through opts) normalised, and one page of list.
func serveList[F any, T any](s *Handler, w http.ResponseWriter, r *http.Request, opts func(*F) *pinggu.ListOptions,
	list func(context.Context, F) ([]T, int, error)) error {
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
