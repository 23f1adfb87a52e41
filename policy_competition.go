package pinggu

import (
	"slices"
	"time"
)

// Actions of competitions and best-practice selections. The subject of a
// competition is its organiser (OrgID), its province ("" for a national
// one), its phase (Competition.Phase: an open competition past its
// deadline is entries_closed), whether the actor is in its audience or has
// entries in it (Invited) and whether the actor is one of its judges
// (Assigned). The subject of an entry is the entrant (OrgID), the
// competition's province and, for ActCompetitionEntryView the entry's
// state, for ActCompetitionScores and ActCompetitionCertificate the
// competition's.
const (
	// ActCompetitionOrganise creates and edits a competition, designates
	// its judges and moves it between states, until it is published or
	// cancelled.
	ActCompetitionOrganise Action = "competition.organise"
	// ActCompetitionView opens a competition.
	ActCompetitionView Action = "competition.view"
	// ActCompetitionEnter is invited staff entering, editing, submitting
	// and withdrawing their organisation's entries while registration is
	// open.
	ActCompetitionEnter Action = "competition.enter"
	// ActCompetitionJudge is a designated judge scoring entries while the
	// competition is being judged.
	ActCompetitionJudge Action = "competition.judge"
	// ActCompetitionEntryView opens an entry with its description,
	// participants and evidence.
	ActCompetitionEntryView Action = "competition.entry_view"
	// ActCompetitionScores sees an entry's scores and rank.
	ActCompetitionScores Action = "competition.scores"
	// ActCompetitionCertificate opens an award certificate of published
	// results.
	ActCompetitionCertificate Action = "competition.certificate"
)

func init() {
	definePolicy(map[Action]Rule{
		ActCompetitionOrganise:    mayOrganiseCompetition,
		ActCompetitionView:        mayViewCompetition,
		ActCompetitionEnter:       mayEnterCompetition,
		ActCompetitionJudge:       mayJudgeCompetition,
		ActCompetitionEntryView:   mayViewEntry,
		ActCompetitionScores:      maySeeScores,
		ActCompetitionCertificate: mayOpenCompetitionCertificate,
	})
}

// organisesCompetition: the ministry runs national competitions, a bureau
// those of its province.
func organisesCompetition(a *Actor, t Subject) bool {
	switch {
	case roleIn(a, RoleSystem):
		return true
	case roleIn(a, RoleMinistry):
		return t.Province == ""
	case roleIn(a, RoleBureau):
		return a.Province != "" && t.Province == a.Province
	}
	return false
}

// overseesCompetition: the regulators and support institutions who see a
// competition whole, as for training events.
func overseesCompetition(a *Actor, t Subject) bool {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return true
	case roleIn(a, RoleBureau):
		return a.Province != "" && (t.Province == "" || t.Province == a.Province)
	}
	return false
}

func mayOrganiseCompetition(a *Actor, t Subject) error {
	if !organisesCompetition(a, t) {
		return deny("仅竞赛评选的组织单位可管理该竞赛评选")
	}
	if st := CompetitionState(t.State); st.Final() {
		return Errorf(ECONFLICT, "竞赛评选处于“%s”状态，不能修改", CompetitionStateLabels[st].Zh)
	}
	return nil
}

// mayViewCompetition: the regulators and support institutions as for
// training; invited staff once it is announced.
func mayViewCompetition(a *Actor, t Subject) error {
	switch {
	case overseesCompetition(a, t):
		return nil
	case roleIn(a, audienceRoles...) && t.Invited && CompetitionState(t.State) != CompetitionPlanned:
		return nil
	}
	return deny("无权查看该竞赛评选")
}

func mayEnterCompetition(a *Actor, t Subject) error {
	if !roleIn(a, audienceRoles...) || !t.Invited {
		return deny("仅受邀单位人员可报名参赛")
	}
	if st := CompetitionState(t.State); st != CompetitionOpen {
		return Errorf(ECONFLICT, "竞赛评选处于“%s”状态，参赛信息不能报名或修改", CompetitionStateLabels[st].Zh)
	}
	return nil
}

// mayJudgeCompetition: the officers the organiser designated, while the
// competition is being judged.
func mayJudgeCompetition(a *Actor, t Subject) error {
	if !roleIn(a, judgeRoles...) || !t.Assigned {
		return deny("仅组织单位指定的评审人员可评分")
	}
	if st := CompetitionState(t.State); st != CompetitionJudging {
		return Errorf(ECONFLICT, "竞赛评选处于“%s”状态，不能评分", CompetitionStateLabels[st].Zh)
	}
	return nil
}

// mayViewEntry: the entrant's own organisation always; those who oversee
// the competition once the entry was submitted (a draft is the entrant's
// own working copy).
func mayViewEntry(a *Actor, t Subject) error {
	switch {
	case roleIn(a, audienceRoles...) && slices.Contains(a.OrgIDs, t.OrgID):
		return nil
	case overseesCompetition(a, t) && EntryState(t.State) != EntryDraft:
		return nil
	}
	return deny("无权查看该参赛信息")
}

// maySeeScores: those who oversee the competition while it is judged and
// after; the entrant its own once the results are published. Others never
// see an entry's scores.
func maySeeScores(a *Actor, t Subject) error {
	st := CompetitionState(t.State)
	switch {
	case overseesCompetition(a, t) && (st == CompetitionJudging || st == CompetitionDecided || st == CompetitionPublished):
		return nil
	case roleIn(a, audienceRoles...) && slices.Contains(a.OrgIDs, t.OrgID) && st == CompetitionPublished:
		return nil
	}
	return deny("无权查看该参赛评分")
}

// mayOpenCompetitionCertificate: the regulators who oversee the
// competition and the winner's own organisation, once published.
func mayOpenCompetitionCertificate(a *Actor, t Subject) error {
	if CompetitionState(t.State) != CompetitionPublished {
		return Errorf(ECONFLICT, "竞赛评选结果公布后方可查看获奖证书")
	}
	switch {
	case overseesCompetition(a, t):
		return nil
	case roleIn(a, audienceRoles...) && slices.Contains(a.OrgIDs, t.OrgID):
		return nil
	}
	return deny("无权查看该获奖证书")
}

// judgeRoles are the officers who may be designated as judges.
var judgeRoles = []Role{RoleMinistry, RoleBureau, RoleSupport}

// JudgeEligible reports whether an officer of role in province may judge
// a competition of the given province: the ministry's and support
// institutions' officers any, a bureau's its own province's and the
// national ones.
func JudgeEligible(role Role, province string, competitionProvince string) bool {
	switch role {
	case RoleMinistry, RoleSupport:
		return true
	case RoleBureau:
		return province != "" && (competitionProvince == "" || competitionProvince == province)
	}
	return false
}

// JudgeRoles are the roles of officers who may judge, for the store's
// query of candidates.
func JudgeRoles() []Role { return slices.Clone(judgeRoles) }

// CompetitionSubject is a competition as the policy sees it at now for an
// actor who is (or is not) invited and (or not) one of its judges.
func CompetitionSubject(c *Competition, now time.Time, invited, judge bool) Subject {
	return Subject{OrgID: c.OrgID, Province: c.Province, Kind: string(c.Kind), State: string(c.Phase(now)), Invited: invited, Assigned: judge}
}

// EntrySubject is an entry as the policy sees it for ActCompetitionEntryView.
func EntrySubject(c *Competition, e *Entry) Subject {
	return Subject{OrgID: e.OrgID, Province: c.Province, Kind: string(c.Kind), State: string(e.State)}
}

// EntryResultSubject is an entry as the policy sees it for
// ActCompetitionScores and ActCompetitionCertificate.
func EntryResultSubject(c *Competition, e *Entry) Subject {
	return Subject{OrgID: e.OrgID, Province: c.Province, Kind: string(c.Kind), State: string(c.State)}
}

// PlaceCompetition sets who organises a new competition the actor creates:
// its organisation, a bureau's province, national for the ministry. For
// the platform it leaves the competition as given and reports false.
func PlaceCompetition(a *Actor, c *Competition) bool {
	org, province, ok := placeOrganiser(a)
	if ok {
		c.OrgID, c.Province = org, province
	}
	return ok
}
