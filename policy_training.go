package pinggu

import "slices"

// Actions of training. The subject of an event is its organiser (OrgID),
// its province ("" for a national event), its state and whether the actor
// is in its audience (Invited).
const (
	// ActTrainingOrganise creates and edits an event, adds its materials and
	// people, and moves it between states, while it is not closed or
	// cancelled.
	ActTrainingOrganise Action = "training.organise"
	// ActTrainingRecord records attendance and test scores of a held event.
	ActTrainingRecord Action = "training.record"
	// ActTrainingView opens an event.
	ActTrainingView Action = "training.view"
	// ActTrainingRegister is invited staff registering themselves for an
	// open event.
	ActTrainingRegister Action = "training.register"
	// ActTrainingCertificate opens an attendee's certificate (Subject.OrgID
	// the attendee's organisation, Province the event's).
	ActTrainingCertificate Action = "training.certificate"
)

func init() {
	definePolicy(map[Action]Rule{
		ActTrainingOrganise:    mayOrganiseTraining,
		ActTrainingRecord:      mayRecordTraining,
		ActTrainingView:        mayViewTraining,
		ActTrainingRegister:    mayRegisterTraining,
		ActTrainingCertificate: mayOpenTrainingCertificate,
	})
}

// organisesTraining: the ministry runs national events, a bureau those of
// its province, a support institution its own.
func organisesTraining(a *Actor, t Subject) bool {
	switch {
	case roleIn(a, RoleSystem):
		return true
	case roleIn(a, RoleMinistry):
		return t.Province == ""
	case roleIn(a, RoleBureau):
		return a.Province != "" && t.Province == a.Province
	case roleIn(a, RoleSupport):
		return a.OrgID != 0 && t.OrgID == a.OrgID && t.Province == ""
	}
	return false
}

func mayOrganiseTraining(a *Actor, t Subject) error {
	if !organisesTraining(a, t) {
		return deny("仅培训的组织单位可管理该培训")
	}
	if TrainingState(t.State).Final() {
		return Errorf(ECONFLICT, "培训处于“%s”状态，不能修改", TrainingStateLabels[TrainingState(t.State)].Zh)
	}
	return nil
}

func mayRecordTraining(a *Actor, t Subject) error {
	if !organisesTraining(a, t) {
		return deny("仅培训的组织单位可登记参训和考试情况")
	}
	if TrainingState(t.State) != TrainingHeld {
		return Errorf(ECONFLICT, "培训举办后、办结前方可登记参训和考试情况")
	}
	return nil
}

// mayViewTraining: the ministry and support institutions see every event, a
// bureau its province's and the national ones, invited staff the events
// published to them.
func mayViewTraining(a *Actor, t Subject) error {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return nil
	case roleIn(a, RoleBureau) && a.Province != "" && (t.Province == "" || t.Province == a.Province):
		return nil
	case roleIn(a, audienceRoles...) && t.Invited && TrainingState(t.State) != TrainingPlanned:
		return nil
	}
	return deny("无权查看该培训")
}

func mayRegisterTraining(a *Actor, t Subject) error {
	if !roleIn(a, audienceRoles...) || !t.Invited {
		return deny("仅受邀单位人员可报名参加培训")
	}
	if TrainingState(t.State) != TrainingOpen {
		return Errorf(ECONFLICT, "培训处于“%s”状态，不能报名", TrainingStateLabels[TrainingState(t.State)].Zh)
	}
	return nil
}

// mayOpenTrainingCertificate: the regulators and support institutions who
// see the event, and the attendee's own organisation.
func mayOpenTrainingCertificate(a *Actor, t Subject) error {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return nil
	case roleIn(a, RoleBureau) && a.Province != "" && (t.Province == "" || t.Province == a.Province):
		return nil
	case roleIn(a, audienceRoles...) && slices.Contains(a.OrgIDs, t.OrgID):
		return nil
	}
	return deny("无权查看该培训证书")
}

// TrainingSubject is an event as the policy sees it; invited says whether
// the actor is in its audience or has people on its list.
func TrainingSubject(e *TrainingEvent, invited bool) Subject {
	return Subject{OrgID: e.OrgID, Province: e.Province, Kind: string(e.Kind), State: string(e.State), Invited: invited}
}

// TrainingAudienceMember reports whether a's role is one an event can
// invite (enterprise and third-party staff).
func TrainingAudienceMember(a *Actor) bool { return roleIn(a, audienceRoles...) }

// TrainingSight is how far an actor sees training events in a list.
type TrainingSight int

// Sights: none, every event, a bureau's province and the national ones,
// the events an actor is invited to (decided per event).
const (
	TrainingSeesNone TrainingSight = iota
	TrainingSeesAll
	TrainingSeesProvince
	TrainingSeesInvited
)

// TrainingSightOf is the actor's sight over events, agreeing with
// mayViewTraining.
func TrainingSightOf(a *Actor) TrainingSight {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return TrainingSeesAll
	case roleIn(a, RoleBureau) && a.Province != "":
		return TrainingSeesProvince
	case roleIn(a, audienceRoles...):
		return TrainingSeesInvited
	}
	return TrainingSeesNone
}

// PlaceTraining sets who organises a new event the actor creates: its
// organisation if the account has one, a bureau's province, national for
// the ministry and support institutions. For the platform it leaves the
// event as given and reports false: the caller names the organiser.
func PlaceTraining(a *Actor, e *TrainingEvent) bool {
	org, province, ok := placeOrganiser(a)
	if ok {
		e.OrgID, e.Province = org, province
	}
	return ok
}

// placeOrganiser is the organisation and province of a record an actor
// organises (a training event, a competition): its own organisation, a
// bureau's province, national otherwise; false for the platform, which
// names the organiser itself.
func placeOrganiser(a *Actor) (orgID int64, province string, ok bool) {
	if roleIn(a, RoleSystem) {
		return 0, "", false
	}
	if roleIn(a, RoleBureau) {
		province = a.Province
	}
	return a.OrgID, province, true
}
