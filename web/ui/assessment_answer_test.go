package ui_test

import (
	"net/http"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

// TestUIRefusedAnswersAreNotCounted: a form refused for a 不适用 without a
// reason comes back with the error next to that item's reason and with the
// progress of what is stored, not of what was sent.
func TestUIRefusedAnswersAreNotCounted(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	asm := a.AsmA
	form := answersForm(asm, map[pinggu.ItemKey]pinggu.Answer{asm.Items[1].Key: pinggu.AnswerNotApplicable})
	p := a.Login(UserEntAdminA).Post("/assessments/"+ID(asm.ID)+"/answers", form)
	MustPage(t, p, http.StatusUnprocessableEntity, "not applicable without a reason")
	if got := FieldErrorOf(t, p.Body, "reason:"+string(asm.Items[1].Key)); got != "第2项选择不适用时须说明理由" {
		t.Fatalf("error next to item 2's reason = %q", got)
	}
	MustContain(t, p, "progress of what is stored", i18n.T(i18n.ZH, "asm.progress", 0, len(asm.Items)))
}
