package store

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pinggu/pinggu"
)

var _ pinggu.CompetitionService = (*DB)(nil)

const competitionCols = `k.id, k.title, k.kind, k.org_id, k.province, k.audience, k.rules, k.criteria, k.quotas, k.reg_opens, k.reg_closes,
	k.judge_from, k.judge_until, k.state, k.reason, k.decided_by, k.approved_by, k.published_at, k.created_by, k.created_at, k.updated_at, k.organiser`

const competitionFrom = "competitions k"

func scanCompetition(r rowScanner) (*pinggu.Competition, error) {
	var k pinggu.Competition
	var kind, state, audience, criteria, quotas string
	var org *int64
	var opens, closes, from, until, published, created, updated tscan
	err := r.Scan(&k.ID, &k.Title, &kind, &org, &k.Province, &audience, &k.Rules, &criteria, &quotas, &opens, &closes,
		&from, &until, &state, &k.Reason, &k.DecidedBy, &k.ApprovedBy, &published, &k.CreatedBy, &created, &updated, &k.OrgName)
	k.Kind, k.State = pinggu.CompetitionKind(kind), pinggu.CompetitionState(state)
	fromJSON(audience, &k.Audience)
	fromJSON(criteria, &k.Criteria)
	fromJSON(quotas, &k.Quotas)
	if org != nil {
		k.OrgID = *org
	}
	k.RegOpens, k.RegCloses, k.JudgeFrom, k.JudgeUntil = opens.T, closes.T, from.T, until.T
	k.PublishedAt, k.CreatedAt, k.UpdatedAt = published.Ptr(), created.T, updated.T
	return &k, err
}

const entryCols = `x.id, x.competition_id, x.org_id, o.name, x.province, x.title, x.summary, x.participants, x.state, x.submitted_at,
	x.score, x.rank, x.award, x.cert_number, x.created_by, x.created_at, x.updated_at`

const entryFrom = "competition_entries x JOIN organisations o ON o.id = x.org_id"

func scanEntry(r rowScanner) (*pinggu.Entry, error) {
	var e pinggu.Entry
	var participants, state, award string
	var submitted, created, updated tscan
	err := r.Scan(&e.ID, &e.CompetitionID, &e.OrgID, &e.OrgName, &e.Province, &e.Title, &e.Summary, &participants, &state, &submitted,
		&e.Score, &e.Rank, &award, &e.CertNumber, &e.CreatedBy, &created, &updated)
	fromJSON(participants, &e.Participants)
	e.State, e.Award = pinggu.EntryState(state), pinggu.Award(award)
	e.SubmittedAt, e.CreatedAt, e.UpdatedAt = submitted.Ptr(), created.T, updated.T
	return &e, err
}

func init() {
	attachmentOwners["competition_entry"] = func(c *conn, id int64) error { _, _, err := c.entryFor(id, ""); return err }
}

// competitionAny loads a competition with its judges, whose access was
// already decided.
func (c *conn) competitionAny(id int64) (*pinggu.Competition, error) {
	k, err := scanCompetition(c.queryRow("SELECT "+competitionCols+" FROM "+competitionFrom+" WHERE k.id = ?", id))
	if err != nil {
		return nil, noRows(err, "竞赛评选")
	}
	k.Judges, err = queryAll(c, func(r rowScanner) (pinggu.Judge, error) {
		var j pinggu.Judge
		var org *string
		err := r.Scan(&j.UserID, &j.Name, &org)
		if org != nil {
			j.Org = *org
		}
		return j, err
	}, `SELECT u.id, u.name, o.name FROM competition_judges j JOIN users u ON u.id = j.user_id
		LEFT JOIN organisations o ON o.id = u.org_id WHERE j.competition_id = ? ORDER BY u.id`, id)
	return k, err
}

// competitionSubject is a competition as the policy sees it for the caller
// now.
func (c *conn) competitionSubject(k *pinggu.Competition) (pinggu.Subject, error) {
	inv, err := c.inAudienceOr(k.Audience, "competition_entries", "competition_id", k.ID)
	return pinggu.CompetitionSubject(k, c.now, inv, k.IsJudge(c.actor.UserID)), err
}

// findCompetition loads a competition the caller may see.
func (c *conn) findCompetition(id int64) (*pinggu.Competition, pinggu.Subject, error) {
	k, err := c.competitionAny(id)
	if err != nil {
		return nil, pinggu.Subject{}, err
	}
	sub, err := c.competitionSubject(k)
	if err != nil {
		return nil, sub, err
	}
	if !pinggu.Allowed(c.actor, pinggu.ActCompetitionView, sub) {
		return nil, sub, notFound("竞赛评选")
	}
	return k, sub, nil
}

// competitionFor loads a competition the caller sees and checks act on
// it; one it does not see does not exist.
func (c *conn) competitionFor(id int64, act pinggu.Action) (*pinggu.Competition, error) {
	k, sub, err := c.findCompetition(id)
	if err != nil {
		return nil, err
	}
	return k, pinggu.Authorize(c.actor, act, sub)
}

// FindCompetition returns a competition the caller may see.
func (db *DB) FindCompetition(ctx context.Context, id int64) (*pinggu.Competition, error) {
	k, _, err := db.reader(ctx).findCompetition(id)
	return k, err
}

// ListCompetitions lists the competitions the caller may see, latest
// deadline first: the ministry and support institutions all, a bureau its
// province's and the national ones, invited staff those announced to them.
func (db *DB) ListCompetitions(ctx context.Context, f pinggu.CompetitionFilter) ([]*pinggu.Competition, int, error) {
	c := db.reader(ctx)
	a := c.actor
	opt := f.ListOptions.Normalize()
	w, staff := trainingSight(a, "k", string(pinggu.CompetitionPlanned))
	if f.State != "" {
		w.add("k.state = ?", f.State)
	}
	if f.Kind != "" {
		w.add("k.kind = ?", f.Kind)
	}
	if f.Year != "" {
		from, to, ok := periodBounds(f.Year)
		if !ok {
			return nil, 0, &pinggu.Error{Code: pinggu.EINVALID, Message: "筛选条件有误", Fields: []pinggu.FieldError{{Field: "year", Message: "年份或月份格式应为YYYY或YYYY-MM"}}}
		}
		w.add("k.reg_closes >= ? AND k.reg_closes < ?", tval(from), tval(to))
	}
	order := " ORDER BY k.reg_closes DESC, k.id DESC"
	if !staff {
		total, err := c.count(competitionFrom, w)
		if err != nil {
			return nil, 0, err
		}
		out, err := queryAll(c, scanCompetition, "SELECT "+competitionCols+" FROM "+competitionFrom+w.sql()+order+" LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
		return out, total, err
	}
	all, err := queryAll(c, scanCompetition, "SELECT "+competitionCols+" FROM "+competitionFrom+w.sql()+order, w.args...)
	if err != nil {
		return nil, 0, err
	}
	return keptPage(all, opt, func(k *pinggu.Competition) (bool, error) {
		return c.inAudienceOr(k.Audience, "competition_entries", "competition_id", k.ID)
	})
}

// CreateCompetition plans a competition organised by the caller's
// organisation (or, for the platform, k.OrgID): a bureau's is of its
// province, the ministry's national.
func (db *DB) CreateCompetition(ctx context.Context, k *pinggu.Competition) error {
	return db.inTx(ctx, func(c *conn) error {
		a := c.actor
		if a == nil {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权执行此操作")
		}
		platform := !pinggu.PlaceCompetition(a, k)
		k.State = pinggu.CompetitionPlanned
		if err := pinggu.Authorize(a, pinggu.ActCompetitionOrganise, pinggu.Subject{OrgID: k.OrgID, Province: k.Province}); err != nil {
			return err
		}
		if err := c.nameOrganiser(platform, k.OrgID, &k.Province, &k.OrgName, organiserRule{
			invalid: "竞赛评选信息有误", notOrganiser: "竞赛评选须由部或通信管理局组织"}); err != nil {
			return err
		}
		if err := k.Check(); err != nil {
			return err
		}
		err := c.queryRow(`INSERT INTO competitions (title, kind, org_id, organiser, province, audience, rules, criteria, quotas,
			reg_opens, reg_closes, judge_from, judge_until, state, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			k.Title, string(k.Kind), nullID(k.OrgID), k.OrgName, k.Province, jsonText(k.Audience), k.Rules, jsonText(k.Criteria), jsonText(k.Quotas),
			tval(k.RegOpens), tval(k.RegCloses), tval(k.JudgeFrom), tval(k.JudgeUntil), string(k.State), a.Username, tval(c.now), tval(c.now)).Scan(&k.ID)
		if err != nil {
			return fmt.Errorf("store: insert competition: %w", err)
		}
		saved, err := c.competitionAny(k.ID)
		if err != nil {
			return err
		}
		*k = *saved
		return c.audit(change{action: "competition.create", objectType: "competition", objectID: k.ID, detail: k.Title, after: k})
	})
}

// UpdateCompetition changes a competition's details until it is judged:
// once entries are being judged its criteria and periods stay as they
// were announced.
func (db *DB) UpdateCompetition(ctx context.Context, in *pinggu.Competition) (*pinggu.Competition, error) {
	var out *pinggu.Competition
	err := db.inTx(ctx, func(c *conn) error {
		k, err := c.competitionFor(in.ID, pinggu.ActCompetitionOrganise)
		if err != nil {
			return err
		}
		if err := k.EditableErr(); err != nil {
			return err
		}
		before := *k
		k.Title, k.Kind, k.Audience, k.Rules, k.Criteria, k.Quotas = in.Title, in.Kind, in.Audience, in.Rules, in.Criteria, in.Quotas
		k.RegOpens, k.RegCloses, k.JudgeFrom, k.JudgeUntil = in.RegOpens, in.RegCloses, in.JudgeFrom, in.JudgeUntil
		if k.State != pinggu.CompetitionPlanned && k.Kind != before.Kind {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "竞赛评选信息有误", Fields: []pinggu.FieldError{{Field: "kind", Message: "发布后不能更改类型"}}}
		}
		if err := k.Check(); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE competitions SET title = ?, kind = ?, audience = ?, rules = ?, criteria = ?, quotas = ?, reg_opens = ?,
			reg_closes = ?, judge_from = ?, judge_until = ?, updated_at = ? WHERE id = ?`, k.Title, string(k.Kind), jsonText(k.Audience), k.Rules,
			jsonText(k.Criteria), jsonText(k.Quotas), tval(k.RegOpens), tval(k.RegCloses), tval(k.JudgeFrom), tval(k.JudgeUntil), tval(c.now), k.ID); err != nil {
			return err
		}
		if err := c.syncCompetitionCopies(k); err != nil {
			return err
		}
		if out, err = c.competitionAny(k.ID); err != nil {
			return err
		}
		return c.audit(change{action: "competition.update", objectType: "competition", objectID: k.ID, detail: k.Title, before: &before, after: out})
	})
	return out, err
}

// syncCompetitionCopies writes a competition's state, kind and deadline
// into its entries, so the counters follow in this transaction.
func (c *conn) syncCompetitionCopies(k *pinggu.Competition) error {
	_, err := c.exec("UPDATE competition_entries SET comp_state = ?, comp_kind = ?, comp_at = ? WHERE competition_id = ?",
		string(k.State), string(k.Kind), tval(k.RegCloses), k.ID)
	return err
}

// JudgeCandidates lists the officers the organiser may designate: active
// accounts of the ministry, support institutions and the bureaus whose
// province the competition covers.
func (db *DB) JudgeCandidates(ctx context.Context, id int64) ([]*pinggu.JudgeCandidate, error) {
	c := db.reader(ctx)
	k, err := c.competitionFor(id, pinggu.ActCompetitionOrganise)
	if err != nil {
		return nil, err
	}
	return c.judgeCandidates(k, nil)
}

func (c *conn) judgeCandidates(k *pinggu.Competition, ids []int64) ([]*pinggu.JudgeCandidate, error) {
	roles := pinggu.JudgeRoles()
	var w where
	args := make([]any, len(roles))
	for i, r := range roles {
		args[i] = string(r)
	}
	w.add("u.role IN ("+placeholders(len(roles))+")", args...)
	w.add("NOT u.disabled AND u.confirmed_at IS NOT NULL")
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		w.add("u.id IN ("+placeholders(len(ids))+")", int64Args(ids)...)
	}
	all, err := queryAll(c, func(r rowScanner) (*pinggu.JudgeCandidate, error) {
		var j pinggu.JudgeCandidate
		var role, province string
		var org *string
		err := r.Scan(&j.UserID, &j.Name, &role, &province, &org)
		j.Role = pinggu.Role(role)
		if org != nil {
			j.Org = *org
		}
		if !pinggu.JudgeEligible(j.Role, province, k.Province) {
			return nil, err
		}
		return &j, err
	}, "SELECT u.id, u.name, u.role, u.province, o.name FROM users u LEFT JOIN organisations o ON o.id = u.org_id"+w.sql()+" ORDER BY u.role, u.id", w.args...)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(j *pinggu.JudgeCandidate) bool { return j == nil }), nil
}

// SetJudges designates the officers who score the entries, before the
// results are worked out; a judge taken off keeps no say in them.
func (db *DB) SetJudges(ctx context.Context, id int64, userIDs []int64) (*pinggu.Competition, error) {
	var out *pinggu.Competition
	err := db.inTx(ctx, func(c *conn) error {
		k, err := c.competitionFor(id, pinggu.ActCompetitionOrganise)
		if err != nil {
			return err
		}
		if k.State == pinggu.CompetitionDecided {
			return pinggu.Errorf(pinggu.ECONFLICT, "评审结果已汇总，不能调整评审人员")
		}
		slices.Sort(userIDs)
		userIDs = slices.Compact(userIDs)
		found, err := c.judgeCandidates(k, userIDs)
		if err != nil {
			return err
		}
		if len(found) != len(userIDs) || len(userIDs) > 30 {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "评审人员有误", Fields: []pinggu.FieldError{{Field: "judges", Message: "评审人员须为部、相关通信管理局或支撑单位的在用账号（不超过30人）"}}}
		}
		before := k.Judges
		if _, err := c.exec("DELETE FROM competition_judges WHERE competition_id = ?", id); err != nil {
			return err
		}
		for _, u := range userIDs {
			if _, err := c.exec("INSERT INTO competition_judges (competition_id, user_id) VALUES (?, ?)", id, u); err != nil {
				return err
			}
		}
		if _, err := c.exec("UPDATE competitions SET updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.competitionAny(id); err != nil {
			return err
		}
		names := make([]string, len(out.Judges))
		for i, j := range out.Judges {
			names[i] = j.Name
		}
		return c.audit(change{action: "competition.judges", objectType: "competition", objectID: id,
			detail: fmt.Sprintf("%s: %s", k.Title, strings.Join(names, "、")), before: before, after: out.Judges})
	})
	return out, err
}

// StepCompetition moves a competition: announce it, close entries and
// start judging (a judge designated), work out the results from the
// scores, send them back, approve and publish them (numbering the award
// certificates) or cancel with a reason.
func (db *DB) StepCompetition(ctx context.Context, id int64, step pinggu.CompetitionStep, reason string) (*pinggu.Competition, error) {
	var out *pinggu.Competition
	err := db.inTx(ctx, func(c *conn) error {
		k, err := c.competitionFor(id, pinggu.ActCompetitionOrganise)
		if err != nil {
			return err
		}
		if _, ok := pinggu.CompetitionStepLabels[step]; !ok {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "操作有误", Fields: []pinggu.FieldError{{Field: "step", Message: fmt.Sprintf("操作“%s”不存在", step)}}}
		}
		to, err := pinggu.CompetitionTransition(k.State, step)
		if err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if step == pinggu.CompetitionStepCancel && (reason == "" || utf8.RuneCountInString(reason) > 500) {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "操作有误", Fields: []pinggu.FieldError{{Field: "reason", Message: "取消须说明理由（不超过500字）"}}}
		}
		before := *k
		set, args := "state = ?, reason = ?, updated_at = ?", []any{string(to), reason, tval(c.now)}
		switch step {
		case pinggu.CompetitionStepJudge:
			if len(k.Judges) == 0 {
				return pinggu.Errorf(pinggu.ECONFLICT, "开始评审前须指定评审人员")
			}
		case pinggu.CompetitionStepDecide:
			if err := c.decideCompetition(k); err != nil {
				return err
			}
			set, args = set+", decided_by = ?", append(args, c.actor.Username)
		case pinggu.CompetitionStepReturn:
			if _, err := c.exec("UPDATE competition_entries SET score = NULL, rank = 0, award = '', updated_at = ? WHERE competition_id = ?", tval(c.now), id); err != nil {
				return err
			}
			set += ", decided_by = ''"
		case pinggu.CompetitionStepPublish:
			set, args = set+", approved_by = ?, published_at = ?", append(args, c.actor.Username, tval(c.now))
			if err := c.issueCompetitionCerts(k); err != nil {
				return err
			}
		}
		if _, err := c.exec("UPDATE competitions SET "+set+" WHERE id = ?", append(args, id)...); err != nil {
			return err
		}
		k.State = to
		if err := c.syncCompetitionCopies(k); err != nil {
			return err
		}
		if out, err = c.competitionAny(id); err != nil {
			return err
		}
		return c.audit(change{action: "competition.step", objectType: "competition", objectID: id,
			detail: fmt.Sprintf("%s: %s %s", k.Title, pinggu.CompetitionStepLabels[step].Zh, reason), before: &before, after: out})
	})
	return out, err
}

// decideCompetition works out the results of the submitted entries from
// the current judges' scores; every entry must be scored in full by one
// judge at least.
func (c *conn) decideCompetition(k *pinggu.Competition) error {
	ids, err := queryAll(c, scanID, "SELECT id FROM competition_entries WHERE competition_id = ? AND state = ? ORDER BY id", k.ID, string(pinggu.EntrySubmitted))
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return pinggu.Errorf(pinggu.ECONFLICT, "没有已提交的参赛作品，不能汇总结果")
	}
	scores, err := c.competitionScores(k.ID, "")
	if err != nil {
		return err
	}
	scores = slices.DeleteFunc(scores, func(s *pinggu.EntryScore) bool { return !k.IsJudge(s.JudgeID) })
	results, unscored := pinggu.RankEntries(k, ids, scores)
	if len(unscored) > 0 {
		return pinggu.Errorf(pinggu.ECONFLICT, "尚有%d个参赛作品未完成评分，不能汇总结果", len(unscored))
	}
	for _, r := range results {
		if _, err := c.exec("UPDATE competition_entries SET score = ?, rank = ?, award = ?, updated_at = ? WHERE id = ?",
			r.Score, r.Rank, string(r.Award), tval(c.now), r.EntryID); err != nil {
			return err
		}
	}
	return nil
}

// issueCompetitionCerts numbers the certificate of each awarded entry.
func (c *conn) issueCompetitionCerts(k *pinggu.Competition) error {
	ids, err := queryAll(c, scanID, "SELECT id FROM competition_entries WHERE competition_id = ? AND award <> '' AND cert_number = '' ORDER BY id", k.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := c.exec("UPDATE competition_entries SET cert_number = ?, updated_at = ? WHERE id = ?",
			pinggu.CompetitionCertNumber(k, c.now, id), tval(c.now), id); err != nil {
			return err
		}
	}
	return nil
}

// competitionScores reads the scores of a competition's entries; extra
// (with its args) narrows them, e.g. to one entry.
func (c *conn) competitionScores(competitionID int64, extra string, args ...any) ([]*pinggu.EntryScore, error) {
	return queryAll(c, func(r rowScanner) (*pinggu.EntryScore, error) {
		var s pinggu.EntryScore
		var at tscan
		err := r.Scan(&s.EntryID, &s.JudgeID, &s.JudgeName, &s.Criterion, &s.Score, &s.Comment, &at)
		s.ScoredAt = at.T
		return &s, err
	}, `SELECT s.entry_id, s.judge_id, u.name, s.criterion, s.score, s.comment, s.scored_at FROM competition_scores s
		JOIN competition_entries x ON x.id = s.entry_id JOIN users u ON u.id = s.judge_id
		WHERE x.competition_id = ?`+extra+` ORDER BY s.entry_id, s.judge_id, s.criterion`, append([]any{competitionID}, args...)...)
}

// entryFor loads an entry the caller sees (its competition seen too) and,
// when act is given, checks it on the competition: an entrant acts only
// for its own organisations.
func (c *conn) entryFor(id int64, act pinggu.Action) (*pinggu.Entry, *pinggu.Competition, error) {
	e, err := scanEntry(c.queryRow("SELECT "+entryCols+" FROM "+entryFrom+" WHERE x.id = ?", id))
	if err != nil {
		return nil, nil, noRows(err, "参赛信息")
	}
	k, sub, err := c.findCompetition(e.CompetitionID)
	if err != nil {
		return nil, nil, notFound("参赛信息")
	}
	if !pinggu.Allowed(c.actor, pinggu.ActCompetitionEntryView, pinggu.EntrySubject(k, e)) {
		return nil, nil, notFound("参赛信息")
	}
	if act != "" {
		if err := pinggu.Authorize(c.actor, act, sub); err != nil {
			return nil, nil, err
		}
		if !slices.Contains(c.actor.OrgIDs, e.OrgID) {
			return nil, nil, pinggu.Errorf(pinggu.EFORBIDDEN, "仅参赛单位可修改参赛信息")
		}
	}
	return e, k, c.fillEntry(k, e)
}

// fillEntry adds an entry's evidence and, for those who may see them, its
// scores (judges named only to the regulators); others see no score, rank
// or award before the results are published.
func (c *conn) fillEntry(k *pinggu.Competition, e *pinggu.Entry) error {
	var err error
	if e.Evidence, err = c.attachments("competition_entry", e.ID); err != nil {
		return err
	}
	if !pinggu.Allowed(c.actor, pinggu.ActCompetitionScores, pinggu.EntryResultSubject(k, e)) {
		e.Score, e.Rank, e.Award = nil, 0, ""
		return nil
	}
	if e.Scores, err = c.competitionScores(k.ID, " AND s.entry_id = ?", e.ID); err != nil {
		return err
	}
	if pinggu.TrainingAudienceMember(c.actor) {
		for _, s := range e.Scores {
			s.JudgeID, s.JudgeName = 0, ""
		}
	}
	return nil
}

// FindEntry returns an entry the caller sees: its own organisation's, or
// a submitted one for those who oversee the competition.
func (db *DB) FindEntry(ctx context.Context, id int64) (*pinggu.Entry, error) {
	e, _, err := db.reader(ctx).entryFor(id, "")
	return e, err
}

// ListEntries lists a competition's entries the caller sees.
func (db *DB) ListEntries(ctx context.Context, competitionID int64) ([]*pinggu.Entry, error) {
	c := db.reader(ctx)
	k, _, err := c.findCompetition(competitionID)
	if err != nil {
		return nil, err
	}
	all, err := queryAll(c, scanEntry, "SELECT "+entryCols+" FROM "+entryFrom+" WHERE x.competition_id = ? ORDER BY o.name, x.id", competitionID)
	if err != nil {
		return nil, err
	}
	out := []*pinggu.Entry{}
	for _, e := range all {
		if !pinggu.Allowed(c.actor, pinggu.ActCompetitionEntryView, pinggu.EntrySubject(k, e)) {
			continue
		}
		if err := c.fillEntry(k, e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// CreateEntry starts an entry of one of the caller's organisations (its
// own by default) while registration is open. A selection takes one entry
// of an organisation.
func (db *DB) CreateEntry(ctx context.Context, competitionID int64, e *pinggu.Entry) error {
	return db.inTx(ctx, func(c *conn) error {
		k, err := c.competitionFor(competitionID, pinggu.ActCompetitionEnter)
		if err != nil {
			return err
		}
		if e.OrgID == 0 {
			e.OrgID = c.actor.OrgID
		}
		if !slices.Contains(c.actor.OrgIDs, e.OrgID) {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "参赛信息有误", Fields: []pinggu.FieldError{{Field: "org_id", Message: "仅可代表本单位（含下属单位）参赛"}}}
		}
		if err := e.Check(k.Kind); err != nil {
			return err
		}
		if k.Kind == pinggu.CompetitionPractice {
			var n int
			if err := c.queryRow("SELECT count(*) FROM competition_entries WHERE competition_id = ? AND org_id = ?", k.ID, e.OrgID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return pinggu.Errorf(pinggu.ECONFLICT, "本单位已填报该评选，请修改已有的参评信息")
			}
		}
		if err := c.queryRow("SELECT province FROM organisations WHERE id = ?", e.OrgID).Scan(&e.Province); err != nil {
			return noRows(err, "单位")
		}
		e.CompetitionID, e.State = k.ID, pinggu.EntryDraft
		err = c.queryRow(`INSERT INTO competition_entries (competition_id, org_id, province, title, summary, participants, state,
			comp_state, comp_kind, comp_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			k.ID, e.OrgID, e.Province, e.Title, e.Summary, jsonText(e.Participants), string(e.State), string(k.State), string(k.Kind),
			tval(k.RegCloses), c.actor.Username, tval(c.now), tval(c.now)).Scan(&e.ID)
		if err != nil {
			return fmt.Errorf("store: insert entry: %w", err)
		}
		saved, _, err := c.entryFor(e.ID, "")
		if err != nil {
			return err
		}
		*e = *saved
		return c.audit(change{action: "competition.entry_create", objectType: "competition_entry", objectID: e.ID,
			detail: fmt.Sprintf("%s: %s", k.Title, e.Title), after: e})
	})
}

// editableEntry loads an entry its organisation may still change: a draft
// or a withdrawn entry while registration is open.
func (c *conn) editableEntry(id int64) (*pinggu.Entry, *pinggu.Competition, error) {
	e, k, err := c.entryFor(id, pinggu.ActCompetitionEnter)
	if err != nil {
		return nil, nil, err
	}
	if e.State == pinggu.EntrySubmitted {
		return nil, nil, pinggu.Errorf(pinggu.ECONFLICT, "参赛信息已提交，撤回后方可修改")
	}
	return e, k, nil
}

// UpdateEntry changes a draft or withdrawn entry while registration is
// open.
func (db *DB) UpdateEntry(ctx context.Context, in *pinggu.Entry) (*pinggu.Entry, error) {
	var out *pinggu.Entry
	err := db.inTx(ctx, func(c *conn) error {
		e, k, err := c.editableEntry(in.ID)
		if err != nil {
			return err
		}
		before := *e
		e.Title, e.Summary, e.Participants = in.Title, in.Summary, in.Participants
		if err := e.Check(k.Kind); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE competition_entries SET title = ?, summary = ?, participants = ?, updated_at = ? WHERE id = ?",
			e.Title, e.Summary, jsonText(e.Participants), tval(c.now), e.ID); err != nil {
			return err
		}
		if out, _, err = c.entryFor(e.ID, ""); err != nil {
			return err
		}
		return c.audit(change{action: "competition.entry_update", objectType: "competition_entry", objectID: e.ID,
			detail: fmt.Sprintf("%s: %s", k.Title, e.Title), before: &before, after: out})
	})
	return out, err
}

// AttachEntryEvidence adds an evidence file to a draft or withdrawn entry.
func (db *DB) AttachEntryEvidence(ctx context.Context, id int64, filename string, r io.Reader) (*pinggu.Attachment, error) {
	filename, data, err := readUpload(filename, r)
	if err != nil {
		return nil, err
	}
	var out *pinggu.Attachment
	err = db.inTx(ctx, func(c *conn) error {
		e, k, err := c.editableEntry(id)
		if err != nil {
			return err
		}
		if out, err = c.attach("competition_entry", id, filename, data); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE competition_entries SET updated_at = ? WHERE id = ?", tval(c.now), id); err != nil {
			return err
		}
		return c.audit(change{action: "competition.entry_file", objectType: "competition_entry", objectID: id,
			detail: fmt.Sprintf("%s: %s: %s sha256:%s", k.Title, e.Title, out.Filename, out.SHA256), after: out})
	})
	return out, err
}

// SubmitEntry submits a complete draft or withdrawn entry before the
// deadline.
func (db *DB) SubmitEntry(ctx context.Context, id int64) (*pinggu.Entry, error) {
	return db.moveEntry(ctx, id, pinggu.EntrySubmitted, "competition.entry_submit", "提交")
}

// WithdrawEntry takes a submitted entry back before the deadline.
func (db *DB) WithdrawEntry(ctx context.Context, id int64) (*pinggu.Entry, error) {
	return db.moveEntry(ctx, id, pinggu.EntryWithdrawn, "competition.entry_withdraw", "撤回")
}

func (db *DB) moveEntry(ctx context.Context, id int64, to pinggu.EntryState, action, verb string) (*pinggu.Entry, error) {
	var out *pinggu.Entry
	err := db.inTx(ctx, func(c *conn) error {
		e, k, err := c.entryFor(id, pinggu.ActCompetitionEnter)
		if err != nil {
			return err
		}
		var at any
		switch {
		case to == pinggu.EntrySubmitted && e.State != pinggu.EntrySubmitted:
			if err := e.CheckSubmission(k.Kind); err != nil {
				return err
			}
			at = tval(c.now)
		case to == pinggu.EntryWithdrawn && e.State == pinggu.EntrySubmitted:
		default:
			return pinggu.Errorf(pinggu.ECONFLICT, "参赛信息处于“%s”状态，不能%s", pinggu.EntryStateLabels[e.State].Zh, verb)
		}
		before := *e
		if _, err := c.exec("UPDATE competition_entries SET state = ?, submitted_at = ?, updated_at = ? WHERE id = ?", string(to), at, tval(c.now), id); err != nil {
			return err
		}
		if out, _, err = c.entryFor(id, ""); err != nil {
			return err
		}
		return c.audit(change{action: action, objectType: "competition_entry", objectID: id,
			detail: fmt.Sprintf("%s: %s", k.Title, e.Title), before: &before, after: out})
	})
	return out, err
}

// ScoreEntries records the calling judge's scores of submitted entries,
// replacing the judge's earlier score of the same entry and criterion.
func (db *DB) ScoreEntries(ctx context.Context, competitionID int64, marks []pinggu.ScoreMark) error {
	return db.inTx(ctx, func(c *conn) error {
		k, err := c.competitionFor(competitionID, pinggu.ActCompetitionJudge)
		if err != nil {
			return err
		}
		submitted, err := queryAll(c, scanID, "SELECT id FROM competition_entries WHERE competition_id = ? AND state = ?", k.ID, string(pinggu.EntrySubmitted))
		if err != nil {
			return err
		}
		var v pinggu.Validation
		for i, m := range marks {
			if !slices.Contains(submitted, m.EntryID) {
				v.Add(i, "entry_id", "参赛作品不存在或未提交")
			}
			if k.CriterionByKey(m.Criterion) == nil {
				v.Add(i, "criterion", "评分标准“%s”不存在", m.Criterion)
			}
			if m.Score < 0 || m.Score > 100 {
				v.Add(i, "score", "评分应在0至100分之间")
			}
			if utf8.RuneCountInString(m.Comment) > 1000 {
				v.Add(i, "comment", "评语不得超过1000字")
			}
		}
		if err := v.Err("评分有误"); err != nil {
			return err
		}
		for _, m := range marks {
			if _, err := c.exec("DELETE FROM competition_scores WHERE entry_id = ? AND judge_id = ? AND criterion = ?", m.EntryID, c.actor.UserID, m.Criterion); err != nil {
				return err
			}
			if _, err := c.exec("INSERT INTO competition_scores (entry_id, judge_id, criterion, score, comment, scored_at) VALUES (?, ?, ?, ?, ?, ?)",
				m.EntryID, c.actor.UserID, m.Criterion, m.Score, strings.TrimSpace(m.Comment), tval(c.now)); err != nil {
				return err
			}
		}
		return c.audit(change{action: "competition.score", objectType: "competition", objectID: k.ID,
			detail: fmt.Sprintf("%s: %d项评分", k.Title, len(marks)), after: marks})
	})
}

// CompetitionResults returns the submitted entries the caller sees,
// ranked: whole to those who oversee it and to the entrant (scores as the
// policy allows), and, once published, the winners to the audience
// without their scores.
func (db *DB) CompetitionResults(ctx context.Context, id int64) (*pinggu.CompetitionResults, error) {
	c := db.reader(ctx)
	k, _, err := c.findCompetition(id)
	if err != nil {
		return nil, err
	}
	all, err := queryAll(c, scanEntry, "SELECT "+entryCols+" FROM "+entryFrom+" WHERE x.competition_id = ? AND x.state = ? ORDER BY x.id",
		id, string(pinggu.EntrySubmitted))
	if err != nil {
		return nil, err
	}
	out := &pinggu.CompetitionResults{Competition: k, Entries: []*pinggu.Entry{}}
	for _, e := range all {
		switch {
		case pinggu.Allowed(c.actor, pinggu.ActCompetitionEntryView, pinggu.EntrySubject(k, e)):
			if err := c.fillEntry(k, e); err != nil {
				return nil, err
			}
		case k.State == pinggu.CompetitionPublished && e.Award != "":
			e = &pinggu.Entry{ID: e.ID, CompetitionID: e.CompetitionID, OrgID: e.OrgID, OrgName: e.OrgName, Province: e.Province,
				Title: e.Title, State: e.State, Rank: e.Rank, Award: e.Award}
		default:
			continue
		}
		out.Entries = append(out.Entries, e)
	}
	sort.SliceStable(out.Entries, func(i, j int) bool {
		a, b := out.Entries[i].Rank, out.Entries[j].Rank
		if (a == 0) != (b == 0) {
			return b == 0
		}
		return a < b
	})
	return out, nil
}

// FindCompetitionCertificate returns an award certificate of published
// results to the regulators and the winner's organisation.
func (db *DB) FindCompetitionCertificate(ctx context.Context, entryID int64) (*pinggu.CompetitionCertificate, error) {
	c := db.reader(ctx)
	e, err := scanEntry(c.queryRow("SELECT "+entryCols+" FROM "+entryFrom+" WHERE x.id = ?", entryID))
	if err != nil {
		return nil, noRows(err, "获奖证书")
	}
	k, err := c.competitionAny(e.CompetitionID)
	if err != nil {
		return nil, notFound("获奖证书")
	}
	if e.CertNumber == "" || !pinggu.Allowed(c.actor, pinggu.ActCompetitionCertificate, pinggu.EntryResultSubject(k, e)) {
		return nil, notFound("获奖证书")
	}
	return &pinggu.CompetitionCertificate{Competition: k, Entry: e}, nil
}
