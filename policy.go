package pinggu

import (
	"slices"
	"sort"
)

// Action is something an actor does to a record, named "module.verb". Every
// action the product knows is decided by one rule of the policy; the store
// enforces it inside the transaction, and the web layers ask it only whether
// to draw a button or a link.
type Action string

// Subject is the record an action is about, as far as the policy needs to
// see it: whose it is (organisation and province), which body is engaged to
// assess it, its kind, its state and, for a move between states, the state
// it goes to. A field that does not matter to an action is left empty.
type Subject struct {
	OrgID         int64
	Province      string
	AssessorOrgID int64
	Kind          string
	State         string
	To            string
	// Level is a level the record carries (an application's); for an
	// assessment, AssessorLevel is the level of the engaged body's
	// certificate in force ("" for none) and RequiredLevel the level the
	// service calls for.
	Level         string
	AssessorLevel string
	RequiredLevel string
	// Invited is set for a record published to an audience (a training
	// event) when the actor is in it; the store works it out with the
	// record's own rule (TrainingAudience.Invites).
	Invited bool
	// Assigned is set when the actor is designated on the record by name
	// (a judge of a competition); the store reads it from the record.
	Assigned bool
}

// Rule decides one action. nil allows it; an EFORBIDDEN error refuses the
// actor and an ECONFLICT error the record's state, each with a message
// people can read. A rule never sees a nil actor.
type Rule func(a *Actor, t Subject) error

// policy is every rule by action. Each module adds its rules as one block
// from its own file (policy_ledger.go, policy_assessment.go, …), so a new
// module adds a file rather than growing a shared switch.
var policy = map[Action]Rule{}

// definePolicy adds a module's block of rules; an action defined twice is a
// programming error found at start-up.
func definePolicy(block map[Action]Rule) {
	for act, r := range block {
		if _, dup := policy[act]; dup {
			panic("pinggu: policy action " + string(act) + " defined twice")
		}
		policy[act] = r
	}
}

// Authorize decides whether a may do act to t. An unknown action and a
// missing actor are refused, so a forgotten rule fails closed.
func Authorize(a *Actor, act Action, t Subject) error {
	r, ok := policy[act]
	if !ok || a == nil {
		return Errorf(EFORBIDDEN, "无权执行此操作")
	}
	return r(a, t)
}

// Allowed is Authorize as yes or no, for showing or hiding what a person
// may use.
func Allowed(a *Actor, act Action, t Subject) bool { return Authorize(a, act, t) == nil }

// Actions lists every action the policy decides, sorted; the policy table
// test checks that each has its rows.
func Actions() []Action {
	out := make([]Action, 0, len(policy))
	for act := range policy {
		out = append(out, act)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// deny is a refusal of the actor.
func deny(format string, args ...any) error { return Errorf(EFORBIDDEN, format, args...) }

// roleIn reports whether a has one of roles.
func roleIn(a *Actor, roles ...Role) bool { return a != nil && slices.Contains(roles, a.Role) }

// only is the rule of an action reserved to some roles, whatever the record.
func only(message string, roles ...Role) Rule {
	return func(a *Actor, _ Subject) error {
		if roleIn(a, roles...) {
			return nil
		}
		return deny(message)
	}
}

// Jurisdiction is the part of the country a regulator supervises: the whole
// of it for the ministry (and the platform itself), one province for a
// bureau.
type Jurisdiction struct {
	National bool
	Province string
}

// Jurisdiction returns the actor's jurisdiction; ok is false for anyone who
// is not a regulator.
func (a *Actor) Jurisdiction() (j Jurisdiction, ok bool) {
	switch {
	case roleIn(a, RoleMinistry, RoleSystem):
		return Jurisdiction{National: true}, true
	case roleIn(a, RoleBureau) && a.Province != "":
		return Jurisdiction{Province: a.Province}, true
	}
	return Jurisdiction{}, false
}

// Covers reports whether a record of the province is inside j.
func (j Jurisdiction) Covers(province string) bool {
	return j.National || (j.Province != "" && j.Province == province)
}

// supervises reports whether a is a regulator whose jurisdiction covers the
// province.
func supervises(a *Actor, province string) bool {
	j, ok := a.Jurisdiction()
	return ok && j.Covers(province)
}

// May is Allowed for an action that does not depend on a record: the
// actor's role alone decides it.
func (a *Actor) May(act Action) bool { return Allowed(a, act, Subject{}) }
