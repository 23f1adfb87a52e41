package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/auditsign"
	"github.com/pinggu/pinggu/jobs"
)

// auditKeyFlags say where the checkpoint signing key lives and, for the
// processes that run jobs, where and how often checkpoints are exported.
type auditKeyFlags struct {
	key         string
	checkpoints string
	every       time.Duration
}

func (f *auditKeyFlags) register(fs *flag.FlagSet, job bool) {
	fs.StringVar(&f.key, "audit-key", os.Getenv("PINGGU_AUDIT_KEY"), "file of the key that signs audit checkpoints, created (mode 0600) on first use; keep it outside the data directory in production (env PINGGU_AUDIT_KEY; default DATA/audit-checkpoint.key)")
	if job {
		every := time.Hour
		if v := os.Getenv("PINGGU_AUDIT_CHECKPOINT_EVERY"); v != "" {
			if d, err := time.ParseDuration(v); err == nil {
				every = d
			}
		}
		fs.StringVar(&f.checkpoints, "audit-checkpoints", os.Getenv("PINGGU_AUDIT_CHECKPOINTS"), "directory signed audit checkpoints are exported to; copy it off the machine (env PINGGU_AUDIT_CHECKPOINTS; default DATA/audit-checkpoints)")
		fs.DurationVar(&f.every, "audit-checkpoint-every", every, "how often a signed audit checkpoint is exported; 0 for never (env PINGGU_AUDIT_CHECKPOINT_EVERY)")
	}
}

// keyPath is the key file: the flag's, or one beside the database.
func (f *auditKeyFlags) keyPath(df *dbFlags) string {
	if f.key != "" {
		return f.key
	}
	return filepath.Join(df.data, "audit-checkpoint.key")
}

// signAlg is the algorithm of a new key: SM2 where the chain uses SM3.
func signAlg(df *dbFlags) string {
	if df.auditHash == pinggu.HashSM3 {
		return pinggu.SignSM2
	}
	return pinggu.SignEd25519
}

// loadKey reads the signing key, generating it on first use and telling
// the operator so on w.
func (f *auditKeyFlags) loadKey(df *dbFlags, w io.Writer) (*auditsign.Key, error) {
	path := f.keyPath(df)
	k, created, err := auditsign.LoadOrCreate(path, signAlg(df))
	if err != nil {
		return nil, fmt.Errorf("--audit-key: %w", err)
	}
	if created {
		fmt.Fprintf(w, "pinggu: generated a new %s key for audit checkpoints at %s (mode 0600), fingerprint %s; give its public key (pinggu audit key) to those who verify\n",
			k.Alg(), path, k.Fingerprint())
	}
	return k, nil
}

// trustedKey is the public key checkpoints must be signed by: the file
// given, or else the signing key's own if this machine has it. nil means
// none is known, and the checkpoint's own key is shown to be compared.
func (f *auditKeyFlags) trustedKey(df *dbFlags, publicKeyFile string) ([]byte, error) {
	if publicKeyFile != "" {
		b, err := os.ReadFile(publicKeyFile)
		if err != nil {
			return nil, fmt.Errorf("--public-key: %w", err)
		}
		return auditsign.ParsePublicKeyPEM(b)
	}
	path := f.keyPath(df)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	k, _, err := auditsign.LoadOrCreate(path, signAlg(df))
	if err != nil {
		return nil, fmt.Errorf("--audit-key: %w", err)
	}
	return k.PublicDER(), nil
}

// jobOptions adds the periodic checkpoint export to o.
func (f *auditKeyFlags) jobOptions(df *dbFlags, w io.Writer, o jobs.Options) (jobs.Options, error) {
	if f.every <= 0 {
		return o, nil
	}
	if f.every < time.Minute {
		return o, errors.New("--audit-checkpoint-every: at least 1m (or 0 for never)")
	}
	k, err := f.loadKey(df, w)
	if err != nil {
		return o, err
	}
	dir := f.checkpoints
	if dir == "" {
		dir = filepath.Join(df.data, "audit-checkpoints")
	}
	o.Checkpoint = jobs.Checkpoint{Key: k, Dir: dir, Every: f.every}
	return o, nil
}
