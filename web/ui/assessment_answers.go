package ui

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// answersFromForm reads the answering form: one hidden "key" per item shown,
// with its answer:KEY radio, reason:KEY and notes:KEY. An item left without
// a choice keeps its answer (unanswered stays unanswered); its texts are
// saved as they stand, so nothing typed is lost.
func answersFromForm(v map[string][]string) []pinggu.ItemAnswer {
	var out []pinggu.ItemAnswer
	seen := map[string]bool{}
	for _, key := range v["key"] {
		key = strings.TrimSpace(key)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		ia := pinggu.ItemAnswer{Key: pinggu.ItemKey(key)}
		if a := first(v["answer:"+key]); a != "" {
			ans := pinggu.Answer(a)
			ia.Answer = &ans
		}
		if vals, ok := v["reason:"+key]; ok {
			r := strings.TrimSpace(first(vals))
			ia.Reason = &r
		}
		if vals, ok := v["notes:"+key]; ok {
			n := strings.TrimSpace(first(vals))
			ia.Notes = &n
		}
		out = append(out, ia)
	}
	return out
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// assessmentAnswers saves the whole answering form. On an error the page
// comes back with everything the user sent, not what was stored.
func (s *Handler) assessmentAnswers(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return httpx.AsDomainError(err)
	}
	answers := answersFromForm(r.PostForm)
	_, err = s.svc.Assessments.SaveAnswers(r.Context(), id, answers)
	back := "/assessments/" + httpx.FormatID(id)
	if show := r.URL.Query().Get("show"); show == showUnanswered || show == showNonCompliant {
		back += "?show=" + show
	}
	if err == nil {
		s.redirectFlash(w, r, back, "flash.asm_saved")
		return nil
	}
	p := s.newPage(w, r, "page.assessment")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	itemErrors(p, answers, err)
	a, ferr := s.svc.Assessments.FindAssessment(r.Context(), id)
	if ferr != nil {
		return ferr
	}
	stored := progressOf(a)
	overlayAnswers(a, answers)
	s.renderAssessmentWith(w, r, p, a, stored, http.StatusUnprocessableEntity)
	return nil
}

// answerFieldRE matches the store's name for a field of one answer.
var answerFieldRE = regexp.MustCompile(`^answers\[(\d+)\]\.(answer|reason|notes)$`)

// itemErrors puts the store's errors about answers[i] next to that item's
// field on the answering screen (reason:KEY …), where the user looks.
func itemErrors(p *page, answers []pinggu.ItemAnswer, err error) {
	for _, fe := range pinggu.ErrorFields(err) {
		m := answerFieldRE.FindStringSubmatch(fe.Field)
		if m == nil {
			continue
		}
		if i, _ := strconv.Atoi(m[1]); i < len(answers) {
			p.Form.Errors[m[2]+":"+string(answers[i].Key)] = fe.In(p.Lang)
		}
	}
}

// overlayAnswers puts the answers the user sent over the stored ones, for
// showing a refused form again.
func overlayAnswers(a *pinggu.Assessment, answers []pinggu.ItemAnswer) {
	byKey := map[pinggu.ItemKey]*pinggu.AssessmentItem{}
	for _, it := range a.Items {
		byKey[it.Key] = it
	}
	for _, ia := range answers {
		it := byKey[ia.Key]
		if it == nil {
			continue
		}
		if ia.Answer != nil {
			it.Answer = *ia.Answer
		}
		if ia.Reason != nil {
			it.Reason = *ia.Reason
		}
		if ia.Notes != nil {
			it.Notes = *ia.Notes
		}
	}
}
