package api

import (
	"context"

	"github.com/pinggu/pinggu"
)

// visibleOrganisation answers ENOTFOUND unless the organisation a request
// refers to (an owner, a parent) is in the caller's scope. The store checks
// this too; checking here first makes a reference to another tenant's
// record answer 404 whatever else is wrong with the request, so a caller can
// never learn from the answer that the record exists.
func (s *Handler) visibleOrganisation(ctx context.Context, id int64) error {
	if id == 0 {
		return nil
	}
	_, err := s.svc.Organisations.FindOrganisation(ctx, id)
	if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
		return pinggu.Errorf(pinggu.ENOTFOUND, "所属单位不存在")
	}
	return err
}

// parentOf returns the parent id of o, 0 for none.
func parentOf(o *pinggu.Organisation) int64 {
	if o.ParentID == nil {
		return 0
	}
	return *o.ParentID
}
