package pinggu

// ViewAction is the policy's action of opening a record of kind:
// "<kind>.view". Each module that has pages for a kind of record defines
// its rule, and the UI draws a link to such a record only when the rule
// allows it.
func ViewAction(kind string) Action { return Action(kind + ".view") }

// MayOpen reports whether a may open the record ref, whose owner is t (its
// organisation and province, and for an assessment the body engaged for
// it). A page shows ref as a link only then, and as text otherwise, so that
// nobody follows a link to a page that does not exist for them. A kind
// without a view rule is never linked.
func MayOpen(a *Actor, ref Ref, t Subject) bool {
	return ref.ID != 0 && Allowed(a, ViewAction(ref.Kind), t)
}

// inLedgerScope: the record's owner is inside the actor's ledger scope,
// the same decision the store turns into SQL for every query.
func inLedgerScope(a *Actor, t Subject) error {
	if !a.LedgerScope().Covers(t.OrgID, t.Province) {
		return deny("无权查看此记录")
	}
	return nil
}
