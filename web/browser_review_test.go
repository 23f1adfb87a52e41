package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
)

// actorOf is the actor of a seeded account, as a session resolves it.
func actorOf(a *App, username string, orgIDs ...int64) context.Context {
	u := a.Users[username]
	return pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: u.ID, Username: u.Username, Name: u.Name,
		Role: u.Role, OrgID: u.OrgID, Province: u.Province, OrgIDs: orgIDs})
}

// riskyUnderReview is an assessment of a new converged-communication service
// of tenant A, submitted at 00:16 UTC (08:16 in Beijing) with every item
// compliant except one high-severity item not met and one partly met, and
// taken into review by the Guangdong bureau.
func riskyUnderReview(t *testing.T, a *App) (asm *pinggu.Assessment, gap, partial *pinggu.AssessmentItem) {
	t.Helper()
	sys := SysCtx()
	svc := &pinggu.Service{OrgID: a.OrgA.ID, Name: "甲云总机", Category: pinggu.CatConverged}
	if err := a.DB.CreateService(sys, svc); err != nil {
		t.Fatal(err)
	}
	ent := actorOf(a, UserEntAdminA, a.OrgA.ID, a.OrgASub.ID)
	asm = &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.KindPreLaunch, Title: "甲云总机上线前安全评估"}
	if err := a.DB.CreateAssessment(ent, asm); err != nil {
		t.Fatal(err)
	}
	asm, err := a.DB.FindAssessment(ent, asm.ID)
	if err != nil {
		t.Fatal(err)
	}
	var in []pinggu.ItemAnswer
	for _, it := range asm.Items {
		ans := pinggu.AnswerCompliant
		switch {
		case gap == nil && it.Severity == pinggu.SeverityHigh:
			gap, ans = it, pinggu.AnswerNonCompliant
		case partial == nil && it.Severity != pinggu.SeverityHigh:
			partial, ans = it, pinggu.AnswerPartial
		}
		in = append(in, pinggu.ItemAnswer{Key: it.Key, Answer: &ans})
	}
	if _, err := a.DB.SaveAnswers(ent, asm.ID, in); err != nil {
		t.Fatal(err)
	}
	real := a.DB.Now
	a.DB.Now = func() time.Time { return time.Date(2024, 2, 20, 0, 16, 0, 0, time.UTC) }
	_, err = a.DB.Submit(ent, asm.ID)
	a.DB.Now = real
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.DB.StartReview(actorOf(a, UserBureauGD), asm.ID); err != nil {
		t.Fatal(err)
	}
	return asm, gap, partial
}

// TestBrowserReviewOfARiskyAssessment: the reviewer narrows a long
// assessment to its non-compliant items, the decision stays in reach while
// the items scroll, accepting a rated-high assessment is refused next to the
// reason field until a reason is written, and the history shows the
// submission's time in China Standard Time with the submitter's name and
// the reason.
func TestBrowserReviewOfARiskyAssessment(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	asm, gap, partial := riskyUnderReview(t, a)
	review := base + "/assessments/" + ID(asm.ID) + "/review"
	must := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\npage: %.1500s", what, err, bodyText(t, ctx))
		}
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+sel+"`"+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}

	browserLogin(t, ctx, base, UserBureauGD)
	must("open the review", chromedp.Navigate(review), chromedp.WaitVisible(chromedp.CSS(`#accept_reason`)))
	if n := count(`article.asm-item`); n != len(asm.Items) {
		t.Fatalf("the review shows %d items, want all %d", n, len(asm.Items))
	}
	// The history shows 00:16 UTC as 08:16, and who submitted.
	history, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`table.history`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(history, "2024-02-20 08:16") || strings.Contains(history, "00:16") {
		t.Fatalf("the history does not show the submission in China Standard Time:\n%s", history)
	}
	if u := a.Users[UserEntAdminA]; !strings.Contains(history, u.Name) || strings.Contains(history, "system") {
		t.Fatalf("the history does not name the submitter %s:\n%s", u.Name, history)
	}
	// The decision panel is in the window at the top of the page already.
	inView, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function () {
		var r = document.getElementById("decision").getBoundingClientRect();
		return getComputedStyle(document.getElementById("decision")).position === "sticky" && r.top < window.innerHeight && r.bottom <= window.innerHeight + 1;
	})()`))
	if err != nil || !inView {
		t.Fatalf("the decision panel is not in reach at the top of a long review (%v)", err)
	}

	// The filter leaves the two items not fully met.
	must("filter", chromedp.Click(chromedp.CSS(`a[href$="/review?show=non_compliant"]`)), chromedp.WaitVisible(chromedp.CSS(`a.active[href$="?show=non_compliant"]`)))
	if n := count(`article.asm-item`); n != 2 {
		t.Fatalf("the filter shows %d items, want 2", n)
	}
	for _, it := range []*pinggu.AssessmentItem{gap, partial} {
		if count(`#item-`+ID(int64(it.N))) != 1 {
			t.Fatalf("the filter hides item %d (%s)", it.N, it.Answer)
		}
	}

	// Accepting without a reason is refused at the reason field, with the
	// summary typed kept; with a reason it is accepted.
	must("accept without a reason",
		chromedp.SendKeys(chromedp.CSS(`#summary`), "材料基本齐全"),
		chromedp.Click(chromedp.CSS(`button[name=decision][value=accepted]`)),
		chromedp.WaitVisible(chromedp.CSS(`#accept_reason + .field-error`)),
	)
	html := pageHTML(t, ctx)
	if got := FieldErrorOf(t, html, "accept_reason"); !strings.Contains(got, "接受风险的理由") {
		t.Fatalf("the error next to the reason is %q", got)
	}
	if !strings.Contains(html, "材料基本齐全") {
		t.Fatal("the summary typed was lost")
	}
	if n := count(`article.asm-item`); n != 2 {
		t.Fatalf("the refused form lost the filter: %d items", n)
	}
	if got, _ := a.DB.FindAssessment(SysCtx(), asm.ID); got.State != pinggu.AssessUnderReview {
		t.Fatalf("a refused acceptance moved the assessment to %s", got.State)
	}
	reason := "主叫号码核验已有临时人工复核措施，企业承诺三十日内完成技术整改并报送材料。"
	must("accept with a reason",
		chromedp.SendKeys(chromedp.CSS(`#accept_reason`), reason),
		chromedp.Click(chromedp.CSS(`button[name=decision][value=accepted]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	history, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`table.history`)))
	if err != nil || !strings.Contains(history, reason) || !strings.Contains(history, "已通过") {
		t.Fatalf("the history lacks the acceptance and its reason (%v):\n%s", err, history)
	}
}

// TestBrowserAutosaveKeepsARefusalInView: an item the server refuses (不适用
// without a reason) is said to be unsaved next to it and in the status line,
// even after other items save, and the progress counts only what is saved.
func TestBrowserAutosaveKeepsARefusalInView(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	path := base + "/assessments/" + ID(a.AsmA.ID)
	must := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\npage: %.1500s", what, err, bodyText(t, ctx))
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	progress := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("asm-progress").value`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	browserLogin(t, ctx, base, UserEntAdminA)
	// The script counts the answers it has had from the server in
	// data-saves, so the test waits for each save to come back.
	saved := func(n int) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`#answers[data-saves="` + ID(int64(n)) + `"]`))
	}
	must("open", chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS(`#item-2 input[value=not_applicable]`)))
	must("item 1 compliant", chromedp.Click(chromedp.CSS(`#item-1 input[value=compliant]`)), saved(1))
	if got := text(`.autosave-status`); !strings.Contains(got, "已自动保存") {
		t.Fatalf("status after a good save: %q", got)
	}
	must("item 2 not applicable without a reason",
		chromedp.Click(chromedp.CSS(`#item-2 input[value=not_applicable]`)),
		saved(2),
	)
	if got := text(`#item-2 .item-error`); got != "第2项选择不适用时须说明理由" {
		t.Fatalf("the error next to item 2 is %q", got)
	}
	// Another item saves meanwhile: the status still says item 2 is not saved.
	must("notes on item 3", chromedp.SendKeys(chromedp.CSS(`#notes-3`), "已核查"), saved(3))
	if got, _ := a.DB.FindAssessment(SysCtx(), a.AsmA.ID); got.Items[2].Notes != "已核查" {
		t.Fatalf("item 3's notes were not saved: %q", got.Items[2].Notes)
	}
	if got := text(`.autosave-status`); strings.Contains(got, "已自动保存") || !strings.Contains(got, "第2项选择不适用时须说明理由") {
		t.Fatalf("status after another item saved, with item 2 refused: %q", got)
	}
	if got := progress(); got != 1 {
		t.Fatalf("progress counts %d answers, want the 1 saved", got)
	}
	// With a reason, item 2 saves and the status says so.
	must("a reason for item 2",
		chromedp.SendKeys(chromedp.CSS(`#reason-2`), "本业务不涉及该功能"),
		// Leaving item 3's notes saves it again (change), then item 2 saves.
		chromedp.WaitVisible(chromedp.CSS(`#item-2:not(.unsaved)`)),
	)
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#item-2 .item-error").length`)); n != 0 {
		got, _ := a.DB.FindAssessment(SysCtx(), a.AsmA.ID)
		t.Fatalf("the error stays next to item 2 after it saved: status %q, item 2 stored %q %q", text(`.autosave-status`), got.Items[1].Answer, got.Items[1].Reason)
	}
	if got := text(`.autosave-status`); !strings.Contains(got, "已自动保存") {
		t.Fatalf("status after item 2 saved: %q", got)
	}
	if got := progress(); got != 2 {
		t.Fatalf("progress counts %d answers, want 2", got)
	}
}
