package pinggu

func init() {
	drafters := []Role{RoleMinistry, RoleSupport, RoleSystem}
	b := func(st BulletinState, step BulletinStep) Subject { return Subject{State: string(st), To: string(step)} }
	policyRows = append(policyRows, []policyRow{
		{ActBulletinDraft, "new", Subject{}, drafters},
		{ActBulletinDraft, "draft", b(BulletinDraft, ""), drafters},
		{ActBulletinDraft, "pending", b(BulletinPending, ""), nobody},
		{ActBulletinDraft, "published", b(BulletinPublished, ""), nobody},
		{ActBulletinStep, "submit a draft", b(BulletinDraft, BulletinSubmit), drafters},
		{ActBulletinStep, "submit a pending", b(BulletinPending, BulletinSubmit), nobody},
		{ActBulletinStep, "return a pending", b(BulletinPending, BulletinReturn), nationally},
		{ActBulletinStep, "approve a pending", b(BulletinPending, BulletinApprove), nationally},
		{ActBulletinStep, "approve a draft", b(BulletinDraft, BulletinApprove), nobody},
		{ActBulletinStep, "publish an approved", b(BulletinApproved, BulletinPublish), nationally},
		{ActBulletinStep, "publish a pending", b(BulletinPending, BulletinPublish), nobody},
		{ActBulletinStep, "publish a published", b(BulletinPublished, BulletinPublish), nobody},
		{ActTypicalWrite, "new", Subject{}, drafters},
		{ActTypicalWrite, "draft", Subject{State: string(TypicalDraft)}, drafters},
		{ActTypicalWrite, "published", Subject{State: string(TypicalPublished)}, nobody},
		{ActTypicalPublish, "draft", Subject{State: string(TypicalDraft)}, nationally},
		{ActTypicalPublish, "published", Subject{State: string(TypicalPublished)}, nobody},
	}...)
}
