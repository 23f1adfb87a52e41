package store

import (
	"context"
	"time"

	"github.com/pinggu/pinggu"
)

func todo() error { return pinggu.Errorf(pinggu.EINTERNAL, "not implemented yet") }

func (db *DB) FindOrganisation(ctx context.Context, id int64) (*pinggu.Organisation, error) {
	return nil, todo()
}
func (db *DB) ListOrganisations(ctx context.Context, f pinggu.OrganisationFilter) ([]*pinggu.Organisation, int, error) {
	return nil, 0, todo()
}
func (db *DB) CreateOrganisation(ctx context.Context, o *pinggu.Organisation) error { return todo() }
func (db *DB) UpdateOrganisation(ctx context.Context, o *pinggu.Organisation) error { return todo() }
func (db *DB) ImportOrganisations(ctx context.Context, rows []pinggu.OrganisationImportRow) (int, error) {
	return 0, todo()
}
func (db *DB) OrganisationDirectory(ctx context.Context, query string, limit int) ([]pinggu.OrgRef, error) {
	return nil, todo()
}
func (db *DB) FindLicence(ctx context.Context, id int64) (*pinggu.Licence, error) { return nil, todo() }
func (db *DB) ListLicences(ctx context.Context, f pinggu.LicenceFilter) ([]*pinggu.Licence, int, error) {
	return nil, 0, todo()
}
func (db *DB) CreateLicence(ctx context.Context, l *pinggu.Licence) error { return todo() }
func (db *DB) UpdateLicence(ctx context.Context, l *pinggu.Licence) error { return todo() }
func (db *DB) DeleteLicence(ctx context.Context, id int64) error          { return todo() }
func (db *DB) FindService(ctx context.Context, id int64) (*pinggu.Service, error) { return nil, todo() }
func (db *DB) ListServices(ctx context.Context, f pinggu.ServiceFilter) ([]*pinggu.Service, int, error) {
	return nil, 0, todo()
}
func (db *DB) CreateService(ctx context.Context, s *pinggu.Service) error { return todo() }
func (db *DB) UpdateService(ctx context.Context, s *pinggu.Service) error { return todo() }
func (db *DB) SetServiceStatus(ctx context.Context, id int64, to pinggu.ServiceStatus, reason string) (*pinggu.Service, error) {
	return nil, todo()
}
func (db *DB) ImportServices(ctx context.Context, rows []pinggu.ServiceImportRow) (int, error) {
	return 0, todo()
}
func (db *DB) FindUser(ctx context.Context, id int64) (*pinggu.User, error) { return nil, todo() }
func (db *DB) ListUsers(ctx context.Context, f pinggu.UserFilter) ([]*pinggu.User, int, error) {
	return nil, 0, todo()
}
func (db *DB) CreateUser(ctx context.Context, u *pinggu.User, password string) error { return todo() }
func (db *DB) UpdateUser(ctx context.Context, u *pinggu.User) error                  { return todo() }
func (db *DB) ResetPassword(ctx context.Context, id int64, password string) error    { return todo() }
func (db *DB) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	return todo()
}
func (db *DB) UnlockUser(ctx context.Context, id int64) error { return todo() }
func (db *DB) Login(ctx context.Context, username, password, remoteAddr string) (string, *pinggu.Actor, error) {
	return "", nil, todo()
}
func (db *DB) ActorBySession(ctx context.Context, sessionToken string) (*pinggu.Actor, error) {
	return nil, todo()
}
func (db *DB) Logout(ctx context.Context, sessionToken string) error { return todo() }
func (db *DB) CreateToken(ctx context.Context, name string, expires *time.Time) (string, *pinggu.APIToken, error) {
	return "", nil, todo()
}
func (db *DB) ListTokens(ctx context.Context) ([]*pinggu.APIToken, error) { return nil, todo() }
func (db *DB) RevokeToken(ctx context.Context, id int64) error            { return todo() }
func (db *DB) ActorByToken(ctx context.Context, secret string) (*pinggu.Actor, error) {
	return nil, todo()
}
func (db *DB) ListAudit(ctx context.Context, f pinggu.AuditFilter) ([]*pinggu.AuditEntry, int, error) {
	return nil, 0, todo()
}
func (db *DB) VerifyAudit(ctx context.Context) (*pinggu.AuditReport, error) { return nil, todo() }
func (db *DB) LoadDataset(ctx context.Context, d *pinggu.Dataset, progress func(done, total int)) error {
	return todo()
}
