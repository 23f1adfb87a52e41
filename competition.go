package pinggu

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Competitions (技能竞赛) and best-practice selections (最佳评估实践评选):
// the ministry (nationally) or a bureau (for its province) announces one
// with its rules and weighted criteria to an audience, invited
// enterprises and third-party bodies enter until the registration
// deadline, the officers it designates as judges score each entry per
// criterion, the organiser works out the results (weighted score, rank
// and awards), approves and publishes them, and each winner receives a
// numbered award certificate. Published results are final; the audience
// sees the winners, an entrant its own scores and rank.

// CompetitionKind is a skill competition or a best-practice selection.
type CompetitionKind string

// Kinds of competition.
const (
	CompetitionSkill    CompetitionKind = "skill"    // 技能竞赛
	CompetitionPractice CompetitionKind = "practice" // 最佳评估实践评选
)

// CompetitionKinds lists the kinds.
var CompetitionKinds = []CompetitionKind{CompetitionSkill, CompetitionPractice}

// CompetitionState is a competition's place in its lifecycle.
type CompetitionState string

// States: planned → open (entries) → judging → decided (results awaiting
// approval) → published; decided → judging again when the results are sent
// back; planned, open or judging → cancelled.
const (
	CompetitionPlanned   CompetitionState = "planned"
	CompetitionOpen      CompetitionState = "open"
	CompetitionJudging   CompetitionState = "judging"
	CompetitionDecided   CompetitionState = "decided"
	CompetitionPublished CompetitionState = "published"
	CompetitionCancelled CompetitionState = "cancelled"
	// CompetitionEntriesClosed is not stored: it is an open competition
	// past its registration deadline, whose entries are locked
	// (Competition.Phase).
	CompetitionEntriesClosed CompetitionState = "entries_closed"
)

// CompetitionStates lists the stored states in lifecycle order.
var CompetitionStates = []CompetitionState{CompetitionPlanned, CompetitionOpen, CompetitionJudging, CompetitionDecided,
	CompetitionPublished, CompetitionCancelled}

// Final reports whether a competition in s can no longer change.
func (s CompetitionState) Final() bool { return s == CompetitionPublished || s == CompetitionCancelled }

// Editable reports whether a competition's details (title, rules,
// criteria, quotas, dates, audience) may still change in s: until its
// registration closes and judging starts.
func (s CompetitionState) Editable() bool { return s == CompetitionPlanned || s == CompetitionOpen }

// EditableErr is nil while c's details may change, else the conflict
// that says why not.
func (c *Competition) EditableErr() error {
	if c.State.Editable() {
		return nil
	}
	return Errorf(ECONFLICT, "竞赛评选处于“%s”状态，不能修改", CompetitionStateLabels[c.State].Zh)
}

// Launched reports whether a competition in s was announced and not
// cancelled, so it counts.
func (s CompetitionState) Launched() bool {
	return s == CompetitionOpen || s == CompetitionJudging || s == CompetitionDecided || s == CompetitionPublished
}

// CompetitionStep moves a competition between states.
type CompetitionStep string

// Steps of a competition.
const (
	CompetitionStepOpen    CompetitionStep = "open"    // 发布通知、开始报名
	CompetitionStepJudge   CompetitionStep = "judge"   // 截止报名、开始评审
	CompetitionStepDecide  CompetitionStep = "decide"  // 汇总评审结果
	CompetitionStepReturn  CompetitionStep = "return"  // 退回重新评审
	CompetitionStepPublish CompetitionStep = "publish" // 审定并公布结果
	CompetitionStepCancel  CompetitionStep = "cancel"
)

// CompetitionSteps lists the steps in the order a page offers them.
var CompetitionSteps = []CompetitionStep{CompetitionStepOpen, CompetitionStepJudge, CompetitionStepDecide, CompetitionStepReturn,
	CompetitionStepPublish, CompetitionStepCancel}

// CompetitionTransition is the state a step leads to from a state, or an
// ECONFLICT error.
func CompetitionTransition(from CompetitionState, step CompetitionStep) (CompetitionState, error) {
	switch {
	case step == CompetitionStepOpen && from == CompetitionPlanned:
		return CompetitionOpen, nil
	case step == CompetitionStepJudge && from == CompetitionOpen:
		return CompetitionJudging, nil
	case step == CompetitionStepDecide && from == CompetitionJudging:
		return CompetitionDecided, nil
	case step == CompetitionStepReturn && from == CompetitionDecided:
		return CompetitionJudging, nil
	case step == CompetitionStepPublish && from == CompetitionDecided:
		return CompetitionPublished, nil
	case step == CompetitionStepCancel && (from == CompetitionPlanned || from == CompetitionOpen || from == CompetitionJudging):
		return CompetitionCancelled, nil
	}
	return "", Errorf(ECONFLICT, "竞赛评选处于“%s”状态，不能%s", CompetitionStateLabels[from].Zh, CompetitionStepLabels[step].Zh)
}

// Award is a prize of a competition or a selection.
type Award string

// Awards: a competition's first, second and third prizes and merit
// awards; a selection's best and excellent practices.
const (
	AwardFirst     Award = "first"     // 一等奖
	AwardSecond    Award = "second"    // 二等奖
	AwardThird     Award = "third"     // 三等奖
	AwardMerit     Award = "merit"     // 优秀奖
	AwardBest      Award = "best"      // 最佳实践
	AwardExcellent Award = "excellent" // 优秀实践
)

// AwardsOf lists the awards of a kind, highest first.
func AwardsOf(k CompetitionKind) []Award {
	if k == CompetitionPractice {
		return []Award{AwardBest, AwardExcellent}
	}
	return []Award{AwardFirst, AwardSecond, AwardThird, AwardMerit}
}

// Criterion is one scoring criterion with its weight in per cent; judges
// score each out of 100.
type Criterion struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
	Note   string  `json:"note,omitempty"`
}

// AwardQuota is how many entries receive an award.
type AwardQuota struct {
	Award Award `json:"award"`
	Count int   `json:"count"`
}

// Competition is a skill competition or a best-practice selection.
type Competition struct {
	ID    int64           `json:"id"`
	Title string          `json:"title"`
	Kind  CompetitionKind `json:"kind"`
	// OrgID is the organiser (the ministry or a bureau); Province the
	// bureau's, empty for a national competition.
	OrgID    int64            `json:"org_id"`
	Province string           `json:"province"`
	Audience TrainingAudience `json:"audience"`
	// Rules are the competition's rules or the selection's call for
	// entries.
	Rules    string       `json:"rules,omitempty"`
	Criteria []Criterion  `json:"criteria"`
	Quotas   []AwardQuota `json:"quotas"`
	// Registration runs from RegOpens to RegCloses; judging from
	// JudgeFrom to JudgeUntil.
	RegOpens   time.Time        `json:"reg_opens"`
	RegCloses  time.Time        `json:"reg_closes"`
	JudgeFrom  time.Time        `json:"judge_from"`
	JudgeUntil time.Time        `json:"judge_until"`
	State      CompetitionState `json:"state"`
	Reason     string           `json:"reason,omitempty"`
	// Judges are the officers designated to score (user IDs and names).
	Judges []Judge `json:"judges,omitempty"`
	// DecidedBy worked out the results; ApprovedBy approved and published
	// them, at PublishedAt.
	DecidedBy   string     `json:"decided_by,omitempty"`
	ApprovedBy  string     `json:"approved_by,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	// Read-only, filled by the store.
	OrgName   string    `json:"org_name,omitempty"`
	CreatedBy string    `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Judge is an officer designated to score a competition's entries.
type Judge struct {
	UserID int64  `json:"user_id"`
	Name   string `json:"name"`
	Org    string `json:"org,omitempty"`
}

// Phase is the competition's state as its entrants meet it at now: an
// open competition past its registration deadline has its entries locked.
func (c *Competition) Phase(now time.Time) CompetitionState {
	if c.State == CompetitionOpen && !now.Before(c.RegCloses) {
		return CompetitionEntriesClosed
	}
	return c.State
}

// IsJudge reports whether userID is one of the competition's judges.
func (c *Competition) IsJudge(userID int64) bool {
	return userID != 0 && slices.ContainsFunc(c.Judges, func(j Judge) bool { return j.UserID == userID })
}

// CriterionByKey returns the criterion of key, or nil.
func (c *Competition) CriterionByKey(key string) *Criterion {
	for i := range c.Criteria {
		if c.Criteria[i].Key == key {
			return &c.Criteria[i]
		}
	}
	return nil
}

// Check validates a competition's own fields, numbering criteria that
// have no key yet (c1, c2, …).
func (c *Competition) Check() error {
	var v Validation
	c.Title, c.Rules = strings.TrimSpace(c.Title), strings.TrimSpace(c.Rules)
	if c.Title == "" || utf8.RuneCountInString(c.Title) > 200 {
		v.Add(0, "title", "竞赛评选名称不能为空且不得超过200字")
	}
	if !slices.Contains(CompetitionKinds, c.Kind) {
		v.Add(0, "kind", "类型须为技能竞赛或最佳评估实践评选")
	}
	if utf8.RuneCountInString(c.Rules) > 8000 {
		v.Add(0, "rules", "规则和评选标准不得超过8000字")
	}
	switch {
	case c.RegOpens.IsZero() || c.RegCloses.IsZero():
		v.Add(0, "reg_closes", "须填写报名起止时间")
	case !c.RegCloses.After(c.RegOpens):
		v.Add(0, "reg_closes", "报名截止时间须晚于报名开始时间")
	}
	switch {
	case c.JudgeFrom.IsZero() || c.JudgeUntil.IsZero():
		v.Add(0, "judge_until", "须填写评审起止时间")
	case c.JudgeUntil.Before(c.JudgeFrom):
		v.Add(0, "judge_until", "评审结束时间不得早于开始时间")
	case !c.RegCloses.IsZero() && c.JudgeFrom.Before(c.RegCloses.Add(-24*time.Hour)):
		v.Add(0, "judge_from", "评审须在报名截止后开始")
	}
	if len(c.Criteria) == 0 || len(c.Criteria) > 12 {
		v.Add(0, "criteria", "须设置1至12项评分标准")
	}
	var sum float64
	keys := map[string]bool{}
	for i := range c.Criteria {
		cr := &c.Criteria[i]
		cr.Name, cr.Note, cr.Key = strings.TrimSpace(cr.Name), strings.TrimSpace(cr.Note), strings.TrimSpace(cr.Key)
		if cr.Key == "" {
			cr.Key = fmt.Sprintf("c%d", i+1)
		}
		if keys[cr.Key] {
			v.Add(0, fieldIndex("criteria", i, "key"), "评分标准编号“%s”重复", cr.Key)
		}
		keys[cr.Key] = true
		if cr.Name == "" || utf8.RuneCountInString(cr.Name) > 100 {
			v.Add(0, fieldIndex("criteria", i, "name"), "评分标准名称不能为空且不得超过100字")
		}
		if cr.Weight <= 0 || cr.Weight > 100 {
			v.Add(0, fieldIndex("criteria", i, "weight"), "权重应在0至100之间")
		}
		sum += cr.Weight
	}
	if len(c.Criteria) > 0 && math.Abs(sum-100) > 0.001 {
		v.Add(0, "criteria", "各项评分标准权重之和须为100（现为%s）", trimFloat(sum))
	}
	awards := AwardsOf(c.Kind)
	seen := map[Award]bool{}
	total := 0
	for i, q := range c.Quotas {
		if !slices.Contains(awards, q.Award) || seen[q.Award] {
			v.Add(0, fieldIndex("quotas", i, "award"), "奖项“%s”不适用于该类型或重复", q.Award)
		}
		seen[q.Award] = true
		if q.Count < 0 || q.Count > 1000 {
			v.Add(0, fieldIndex("quotas", i, "count"), "获奖名额应在0至1000之间")
		}
		total += q.Count
	}
	if total == 0 {
		v.Add(0, "quotas", "须至少设置一个获奖名额")
	}
	for _, r := range c.Audience.Roles {
		if !slices.Contains(audienceRoles, r) {
			v.Add(0, "audience.roles", "参赛对象角色“%s”无效", r)
		}
	}
	for _, p := range c.Audience.Provinces {
		if _, ok := LookupProvince(p); !ok {
			v.Add(0, "audience.provinces", "省份代码“%s”无效", p)
		}
	}
	return v.Err("竞赛评选信息有误")
}

// trimFloat shows a number without a needless decimal.
func trimFloat(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.2f", f)
}

// EntryState is an entry's place in its lifecycle.
type EntryState string

// Entry states: draft → submitted → withdrawn; a withdrawn entry may be
// submitted again while registration is open.
const (
	EntryDraft     EntryState = "draft"
	EntrySubmitted EntryState = "submitted"
	EntryWithdrawn EntryState = "withdrawn"
)

// EntryStates lists the states of an entry.
var EntryStates = []EntryState{EntryDraft, EntrySubmitted, EntryWithdrawn}

// Participant is a person of an entry: a contestant of a competition's
// team, or a contact of a selection's entry.
type Participant struct {
	Name     string `json:"name"`
	Position string `json:"position,omitempty"`
}

// Entry is an organisation's entry: for a competition its contestants,
// for a selection a description of its assessment practice with evidence
// files.
type Entry struct {
	ID            int64         `json:"id"`
	CompetitionID int64         `json:"competition_id"`
	OrgID         int64         `json:"org_id"`
	OrgName       string        `json:"org_name,omitempty"`
	Province      string        `json:"province"`
	Title         string        `json:"title"`
	Summary       string        `json:"summary,omitempty"`
	Participants  []Participant `json:"participants,omitempty"`
	State         EntryState    `json:"state"`
	SubmittedAt   *time.Time    `json:"submitted_at,omitempty"`
	// Results, once worked out: the weighted score out of 100, the rank
	// (1 the best, ties sharing it), the award and the certificate's
	// number (issued when the results are published).
	Score      *float64 `json:"score,omitempty"`
	Rank       int      `json:"rank,omitempty"`
	Award      Award    `json:"award,omitempty"`
	CertNumber string   `json:"cert_number,omitempty"`
	// Read-only, filled by the store for those who may see them.
	Evidence  []*Attachment `json:"evidence,omitempty"`
	Scores    []*EntryScore `json:"scores,omitempty"`
	CreatedBy string        `json:"created_by,omitempty"`
	CreatedAt time.Time     `json:"created_at"`
	UpdatedAt time.Time     `json:"updated_at"`
}

// Check validates an entry's own fields for a competition of kind.
func (e *Entry) Check(kind CompetitionKind) error {
	var v Validation
	e.Title, e.Summary = strings.TrimSpace(e.Title), strings.TrimSpace(e.Summary)
	if e.Title == "" || utf8.RuneCountInString(e.Title) > 200 {
		v.Add(0, "title", "参赛作品（队伍）名称不能为空且不得超过200字")
	}
	if utf8.RuneCountInString(e.Summary) > 8000 {
		v.Add(0, "summary", "说明不得超过8000字")
	}
	if len(e.Participants) > 10 {
		v.Add(0, "participants", "参赛人员不得超过10人")
	}
	var kept []Participant
	for i, p := range e.Participants {
		p.Name, p.Position = strings.TrimSpace(p.Name), strings.TrimSpace(p.Position)
		if p.Name == "" && p.Position == "" {
			continue
		}
		if p.Name == "" || utf8.RuneCountInString(p.Name) > 50 || utf8.RuneCountInString(p.Position) > 100 {
			v.Add(0, fieldIndex("participants", i, "name"), "参赛人员姓名不能为空且不得超过50字")
		}
		kept = append(kept, p)
	}
	e.Participants = kept
	return v.Err("参赛信息有误")
}

// CheckSubmission is what an entry needs before it is submitted: the
// contestants of a competition, the description (and, for a selection,
// at least one evidence file) of a practice.
func (e *Entry) CheckSubmission(kind CompetitionKind) error {
	var v Validation
	switch kind {
	case CompetitionSkill:
		if len(e.Participants) == 0 {
			v.Add(0, "participants", "提交前须填写参赛人员")
		}
	case CompetitionPractice:
		if e.Summary == "" {
			v.Add(0, "summary", "提交前须填写评估实践情况说明")
		}
		if len(e.Evidence) == 0 {
			v.Add(0, "evidence", "提交前须上传至少一份证明材料")
		}
	}
	return v.Err("参赛信息不完整，不能提交")
}

// EntryScore is one judge's score of an entry on one criterion, out of
// 100.
type EntryScore struct {
	EntryID   int64     `json:"entry_id"`
	JudgeID   int64     `json:"judge_id"`
	JudgeName string    `json:"judge_name,omitempty"`
	Criterion string    `json:"criterion"`
	Score     float64   `json:"score"`
	Comment   string    `json:"comment,omitempty"`
	ScoredAt  time.Time `json:"scored_at"`
}

// ScoreMark is a judge's score of an entry on a criterion as the judge
// enters it.
type ScoreMark struct {
	EntryID   int64   `json:"entry_id"`
	Criterion string  `json:"criterion"`
	Score     float64 `json:"score"`
	Comment   string  `json:"comment,omitempty"`
}

// Result is an entry's outcome as RankEntries works it out.
type Result struct {
	EntryID int64
	Score   float64
	Rank    int
	Award   Award
}

// RankEntries works out the results of a competition's entries from the
// judges' scores: an entry's score is the mean, over the judges who scored
// it on every criterion, of the weighted sum of their scores; entries rank
// by score (equal scores share a rank, the next rank skipped); awards go
// down the ranking in the order of AwardsOf, each to its quota, and an
// entry tied with the last winner of an award receives it too. An entry no
// judge scored fully is returned in unscored.
func RankEntries(c *Competition, entryIDs []int64, scores []*EntryScore) (results []Result, unscored []int64) {
	// per entry, per judge, per criterion
	by := map[int64]map[int64]map[string]float64{}
	for _, s := range scores {
		if by[s.EntryID] == nil {
			by[s.EntryID] = map[int64]map[string]float64{}
		}
		if by[s.EntryID][s.JudgeID] == nil {
			by[s.EntryID][s.JudgeID] = map[string]float64{}
		}
		by[s.EntryID][s.JudgeID][s.Criterion] = s.Score
	}
	for _, id := range entryIDs {
		var sum float64
		n := 0
		for _, crit := range by[id] {
			if len(crit) < len(c.Criteria) {
				continue
			}
			var w float64
			complete := true
			for _, cr := range c.Criteria {
				s, ok := crit[cr.Key]
				if !ok {
					complete = false
					break
				}
				w += s * cr.Weight / 100
			}
			if complete {
				sum += w
				n++
			}
		}
		if n == 0 {
			unscored = append(unscored, id)
			continue
		}
		results = append(results, Result{EntryID: id, Score: math.Round(sum/float64(n)*100) / 100})
	}
	sort.SliceStable(results, func(i, j int) bool {
		if results[i].Score != results[j].Score {
			return results[i].Score > results[j].Score
		}
		return results[i].EntryID < results[j].EntryID
	})
	quota := map[Award]int{}
	for _, q := range c.Quotas {
		quota[q.Award] = q.Count
	}
	awards := AwardsOf(c.Kind)
	ai, given := 0, 0
	for i := range results {
		r := &results[i]
		r.Rank = i + 1
		if i > 0 && results[i-1].Score == r.Score {
			r.Rank = results[i-1].Rank
			// A tie with the previous entry shares its award.
			r.Award = results[i-1].Award
			if r.Award != "" {
				continue
			}
		}
		for ai < len(awards) && given >= quota[awards[ai]] {
			ai, given = ai+1, 0
		}
		if ai < len(awards) {
			r.Award = awards[ai]
			given++
		}
	}
	return results, unscored
}

// CompetitionCertNumber is the number of an award certificate: the year of
// publication in China Standard Time, the competition and the entry.
func CompetitionCertNumber(c *Competition, published time.Time, entryID int64) string {
	prefix := "JS"
	if c.Kind == CompetitionPractice {
		prefix = "SJ"
	}
	return fmt.Sprintf("%s%d-%04d-%05d", prefix, published.In(ChinaTime).Year(), c.ID, entryID)
}

// CompetitionFilter selects competitions.
type CompetitionFilter struct {
	State string `json:"state,omitempty"`
	Kind  string `json:"kind,omitempty"`
	// Year keeps competitions whose registration closes in that year
	// ("2026") in China Standard Time.
	Year string `json:"year,omitempty"`
	ListOptions
}

// CompetitionCertificate is what an award certificate shows.
type CompetitionCertificate struct {
	Competition *Competition `json:"competition"`
	Entry       *Entry       `json:"entry"`
}

// CompetitionResults is a competition with the entries the caller sees,
// ranked: the organisers and regulators see every submitted entry with
// its score; an entrant its own; the audience of published results the
// winners, without their scores.
type CompetitionResults struct {
	Competition *Competition `json:"competition"`
	Entries     []*Entry     `json:"entries"`
}

// JudgeCandidate is an officer who may be designated as a judge.
type JudgeCandidate struct {
	UserID int64  `json:"user_id"`
	Name   string `json:"name"`
	Role   Role   `json:"role"`
	Org    string `json:"org,omitempty"`
}

// CompetitionService keeps competitions and selections, their entries,
// the judges' scores and the results.
type CompetitionService interface {
	CreateCompetition(ctx context.Context, c *Competition) error
	UpdateCompetition(ctx context.Context, c *Competition) (*Competition, error)
	FindCompetition(ctx context.Context, id int64) (*Competition, error)
	ListCompetitions(ctx context.Context, f CompetitionFilter) ([]*Competition, int, error)
	StepCompetition(ctx context.Context, id int64, step CompetitionStep, reason string) (*Competition, error)
	// SetJudges designates the judges (user IDs of eligible officers).
	SetJudges(ctx context.Context, id int64, userIDs []int64) (*Competition, error)
	// JudgeCandidates lists the officers the organiser may designate.
	JudgeCandidates(ctx context.Context, id int64) ([]*JudgeCandidate, error)
	// ListEntries lists the entries the caller sees (drafts only to their
	// own organisation).
	ListEntries(ctx context.Context, competitionID int64) ([]*Entry, error)
	CreateEntry(ctx context.Context, competitionID int64, e *Entry) error
	FindEntry(ctx context.Context, id int64) (*Entry, error)
	UpdateEntry(ctx context.Context, e *Entry) (*Entry, error)
	AttachEntryEvidence(ctx context.Context, id int64, filename string, r io.Reader) (*Attachment, error)
	SubmitEntry(ctx context.Context, id int64) (*Entry, error)
	WithdrawEntry(ctx context.Context, id int64) (*Entry, error)
	// ScoreEntries records the calling judge's scores.
	ScoreEntries(ctx context.Context, competitionID int64, marks []ScoreMark) error
	// CompetitionResults returns the ranked entries the caller may see.
	CompetitionResults(ctx context.Context, id int64) (*CompetitionResults, error)
	// FindCompetitionCertificate returns an award certificate (id the
	// entry) to the regulators and the entrant.
	FindCompetitionCertificate(ctx context.Context, entryID int64) (*CompetitionCertificate, error)
}
