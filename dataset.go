package pinggu

import "context"

// Dataset is a whole ledger loaded at once into an empty database: the demo
// data and, later, migrations from other systems. Records carry their IDs so
// references between them need no lookups.
type Dataset struct {
	Organisations []*Organisation
	Licences      []*Licence
	Services      []*Service
	Users         []DatasetUser
}

// DatasetUser is an account with its initial password.
type DatasetUser struct {
	User     *User
	Password string
	// Pending loads the account awaiting a regulator's confirmation, as
	// one a system administrator has just created (the demo shows one).
	Pending bool
}

// DatasetLoader bulk-loads a Dataset in one transaction, with a single audit
// entry for the load, reporting progress as it goes. It refuses a database
// that already holds organisations.
type DatasetLoader interface {
	LoadDataset(ctx context.Context, d *Dataset, progress func(done, total int)) error
}
