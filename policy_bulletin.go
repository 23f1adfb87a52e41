package pinggu

import "slices"

// Actions of bulletins and typical cases.
const (
	// ActBulletinDraft drafts a bulletin from the data and edits a draft
	// (Subject.State the bulletin's).
	ActBulletinDraft Action = "bulletin.draft"
	// ActBulletinStep moves a bulletin (Subject.To the step).
	ActBulletinStep Action = "bulletin.step"
	// ActTypicalWrite writes a typical case while a draft.
	ActTypicalWrite Action = "typical_case.write"
	// ActTypicalPublish publishes a typical case.
	ActTypicalPublish Action = "typical_case.publish"
)

func init() {
	definePolicy(map[Action]Rule{
		ActBulletinDraft: func(a *Actor, t Subject) error {
			if !roleIn(a, RoleMinistry, RoleSupport, RoleSystem) {
				return deny("仅部级监管人员和支撑单位可起草统计通报")
			}
			if s := BulletinState(t.State); s != "" && s != BulletinDraft {
				return Errorf(ECONFLICT, "通报处于“%s”状态，不能修改", BulletinStateLabels[s])
			}
			return nil
		},
		ActBulletinStep: mayStepBulletin,
		ActTypicalWrite: func(a *Actor, t Subject) error {
			if !roleIn(a, RoleMinistry, RoleSupport, RoleSystem) {
				return deny("仅部级监管人员和支撑单位可编写典型案例")
			}
			if s := TypicalState(t.State); s != "" && s != TypicalDraft {
				return Errorf(ECONFLICT, "案例已发布，不能修改")
			}
			return nil
		},
		ActTypicalPublish: func(a *Actor, t Subject) error {
			if !roleIn(a, RoleMinistry, RoleSystem) {
				return deny("仅部级监管人员可发布典型案例")
			}
			if TypicalState(t.State) != TypicalDraft {
				return Errorf(ECONFLICT, "案例已发布")
			}
			return nil
		},
	})
}

// mayStepBulletin: the drafters submit; the ministry returns, approves
// and publishes; the bulletin must be in the state the step starts from.
func mayStepBulletin(a *Actor, t Subject) error {
	step := BulletinStep(t.To)
	drafters := []Role{RoleMinistry, RoleSupport, RoleSystem}
	if step != BulletinSubmit {
		drafters = []Role{RoleMinistry, RoleSystem}
	}
	if !roleIn(a, drafters...) {
		return deny("无权%s统计通报", BulletinStepLabels[step])
	}
	_, err := BulletinNext(BulletinState(t.State), step)
	return err
}

// Audience is what of the published records of this issue (bulletins,
// typical cases) an actor sees: everything, or a province's part, or some
// organisations' part. None is set for those who see none of it.
type Audience struct {
	All      bool
	Province string
	OrgIDs   []int64
	None     bool
}

// BulletinAudience says which lines of published bulletins the actor sees:
// the ministry and support institutions every line (and every draft), a
// bureau its province's, an enterprise its own organisations'.
func (a *Actor) BulletinAudience() Audience {
	switch {
	case roleIn(a, RoleMinistry, RoleSupport, RoleSystem):
		return Audience{All: true}
	case roleIn(a, RoleBureau) && a.Province != "":
		return Audience{Province: a.Province}
	case roleIn(a, RoleEntAdmin, RoleEntAssess) && len(a.OrgIDs) > 0:
		return Audience{OrgIDs: a.OrgIDs}
	}
	return Audience{None: true}
}

// Sees reports whether a line of a published bulletin is in the audience.
func (au Audience) Sees(l *BulletinLine) bool {
	switch {
	case au.None:
		return false
	case au.All:
		return true
	case au.Province != "":
		return l.Province == au.Province
	}
	return l.Kind == LineEnterprise && slices.Contains(au.OrgIDs, l.OrgID)
}

// TypicalAudience says which typical cases the actor sees: drafts and all for
// the ministry and support institutions, every published one for a bureau,
// and for an enterprise the published ones about it or anonymised.
// The audience is the bulletins' one; SeesTypical applies it to cases.
func (a *Actor) TypicalAudience() Audience { return a.BulletinAudience() }

// SeesTypical reports whether the audience sees a case.
func (au Audience) SeesTypical(c *TypicalCase) bool {
	switch {
	case au.None:
		return false
	case au.All:
		return true
	case c.State != TypicalPublished:
		return false
	case au.Province != "":
		return true
	}
	return c.Anonymised || slices.Contains(au.OrgIDs, c.OrgID)
}
