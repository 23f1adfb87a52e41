package ui

import (
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// itemView is one item as the answering and review screens show it.
type itemView struct {
	*pinggu.AssessmentItem
	// Previous is the answer in the submission before the latest, when it
	// differs from the latest (the review comparison).
	Previous *pinggu.ItemState
	Changed  bool
}

// sectionView is a run of items of one section of one standard.
type sectionView struct {
	StandardID string
	Standard   string // title of the standard
	Section    string
	Items      []itemView
}

// progress counts answered items.
type progress struct {
	Answered, Total, Percent int
	NonCompliant             int
}

// asmFilter is which items the answering screen shows.
const (
	showAll          = ""
	showUnanswered   = "unanswered"
	showNonCompliant = "non_compliant"
)

// groupItems groups the assessment's items by standard and section, keeping
// their order and leaving out those the filter hides.
func groupItems(a *pinggu.Assessment, show string) []sectionView {
	titles := map[string]string{}
	for _, ref := range a.Standards {
		titles[ref.ID] = ref.Title
	}
	var out []sectionView
	for _, it := range a.Items {
		switch show {
		case showUnanswered:
			if it.Answer != "" {
				continue
			}
		case showNonCompliant:
			if it.Answer != pinggu.AnswerNonCompliant && it.Answer != pinggu.AnswerPartial {
				continue
			}
		}
		if n := len(out); n == 0 || out[n-1].StandardID != it.StandardID || out[n-1].Section != it.Section {
			title := titles[it.StandardID]
			if title == "" {
				title = it.StandardID
			}
			out = append(out, sectionView{StandardID: it.StandardID, Standard: title, Section: it.Section})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, itemView{AssessmentItem: it})
	}
	return out
}

// ProgressFormat is the progress line with "%d" for the count answered,
// which the autosave script fills in as the server reports it.
func (p *page) ProgressFormat(total int) string {
	const mark = 987654321 // a count no assessment has
	return strings.Replace(p.T("asm.progress", mark, total), strconv.Itoa(mark), "%d", 1)
}

// progressOf counts the answered and non-compliant items.
func progressOf(a *pinggu.Assessment) progress {
	pr := progress{Total: len(a.Items)}
	for _, it := range a.Items {
		if it.Answer != "" {
			pr.Answered++
		}
		if it.Answer == pinggu.AnswerNonCompliant {
			pr.NonCompliant++
		}
	}
	if pr.Total > 0 {
		pr.Percent = pr.Answered * 100 / pr.Total
	}
	return pr
}
