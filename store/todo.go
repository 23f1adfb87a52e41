package store

import (
	"context"

	"github.com/pinggu/pinggu"
)

func todo() error { return pinggu.Errorf(pinggu.EINTERNAL, "not implemented yet") }

func (db *DB) ImportOrganisations(ctx context.Context, rows []pinggu.OrganisationImportRow) (int, error) {
	return 0, todo()
}

func (db *DB) ImportServices(ctx context.Context, rows []pinggu.ServiceImportRow) (int, error) {
	return 0, todo()
}

func (db *DB) LoadDataset(ctx context.Context, d *pinggu.Dataset, progress func(done, total int)) error {
	return todo()
}
