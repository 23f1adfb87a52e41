// Package auditsign signs and verifies audit checkpoints with a key kept in
// a file outside the database: Ed25519 by default, SM2 with SM3 (GB/T 32918)
// where national cryptography is required. Whoever can write the database
// can rewrite the hash chain and its head; they cannot forge a checkpoint
// without this key, so a checkpoint kept elsewhere proves the entries it
// covers.
package auditsign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/emmansun/gmsm/sm2"
	"github.com/emmansun/gmsm/smx509"

	"github.com/pinggu/pinggu"
)

// Key is a checkpoint signing key.
type Key struct {
	alg    string // pinggu.SignEd25519 or pinggu.SignSM2
	signer crypto.Signer
	pubDER []byte
}

// LoadOrCreate reads the PKCS #8 PEM key at path, or, if there is no file,
// generates one of algorithm alg and writes it there with mode 0600 (its
// directory 0700 if it has to be made). created says which. A key file
// readable by others is refused: the key is the one secret the chain's
// proof rests on.
func LoadOrCreate(path, alg string) (k *Key, created bool, err error) {
	if path == "" {
		return nil, false, errors.New("auditsign: no key file given")
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		k, err := generate(alg)
		if err != nil {
			return nil, false, err
		}
		return k, true, k.write(path)
	} else if err != nil {
		return nil, false, fmt.Errorf("auditsign: %w", err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, false, fmt.Errorf("auditsign: key file %s is readable by others (mode %v): chmod 600 it", path, st.Mode().Perm())
	}
	k, err = parsePrivate(b)
	if err != nil {
		return nil, false, fmt.Errorf("auditsign: %s: %w", path, err)
	}
	return k, false, nil
}

func generate(alg string) (*Key, error) {
	var signer crypto.Signer
	switch alg {
	case pinggu.SignEd25519:
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		signer = priv
	case pinggu.SignSM2:
		priv, err := sm2.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		signer = priv
	default:
		return nil, fmt.Errorf("auditsign: unknown signature algorithm %q", alg)
	}
	return newKey(signer)
}

func newKey(signer crypto.Signer) (*Key, error) {
	pub, err := smx509.MarshalPKIXPublicKey(signer.Public())
	if err != nil {
		return nil, err
	}
	k := &Key{signer: signer, pubDER: pub}
	switch signer.(type) {
	case ed25519.PrivateKey:
		k.alg = pinggu.SignEd25519
	case *sm2.PrivateKey:
		k.alg = pinggu.SignSM2
	default:
		return nil, fmt.Errorf("auditsign: keys of type %T are not supported", signer)
	}
	return k, nil
}

func parsePrivate(b []byte) (*Key, error) {
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, errors.New("not a PEM \"PRIVATE KEY\"")
	}
	key, err := smx509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, err
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("keys of type %T are not supported", key)
	}
	return newKey(signer)
}

// write stores the key, creating the file exclusively so two processes
// starting together cannot overwrite each other's fresh key.
func (k *Key) write(path string) error {
	der, err := smx509.MarshalPKCS8PrivateKey(k.signer)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("auditsign: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("auditsign: %w", err)
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		f.Close()
		return fmt.Errorf("auditsign: %w", err)
	}
	return f.Close()
}

// Alg is the key's signature algorithm.
func (k *Key) Alg() string { return k.alg }

// PublicKeyPEM is the public key to hand to those who verify checkpoints.
func (k *Key) PublicKeyPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: k.pubDER})
}

// Fingerprint is the key's short name: SHA-256 of its public key, hex, in
// groups, for reading aloud over the telephone.
func (k *Key) Fingerprint() string { return Fingerprint(k.pubDER) }

// Fingerprint names a public key (PKIX DER).
func Fingerprint(pubDER []byte) string {
	s := sha256.Sum256(pubDER)
	h := hex.EncodeToString(s[:16])
	out := ""
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			out += ":"
		}
		out += h[i : i+4]
	}
	return out
}

// Sign fills in cp's signature fields, signing it as of now if it has no
// time.
func (k *Key) Sign(cp *pinggu.AuditCheckpoint) error {
	if cp.At.IsZero() {
		cp.At = time.Now()
	}
	cp.At = cp.At.UTC()
	cp.Version = pinggu.CheckpointVersion
	cp.SignAlg = k.alg
	cp.PublicKey = base64.StdEncoding.EncodeToString(k.pubDER)
	msg := cp.SignedBytes()
	var sig []byte
	var err error
	switch s := k.signer.(type) {
	case ed25519.PrivateKey:
		sig = ed25519.Sign(s, msg)
	case *sm2.PrivateKey:
		sig, err = s.SignWithSM2(rand.Reader, nil, msg)
	}
	if err != nil {
		return fmt.Errorf("auditsign: sign: %w", err)
	}
	cp.Signature = base64.StdEncoding.EncodeToString(sig)
	return nil
}

// ParsePublicKeyPEM reads a public key as PublicKeyPEM writes it and
// returns its PKIX DER form.
func ParsePublicKeyPEM(b []byte) ([]byte, error) {
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PUBLIC KEY" {
		return nil, errors.New("auditsign: not a PEM \"PUBLIC KEY\"")
	}
	if _, err := smx509.ParsePKIXPublicKey(blk.Bytes); err != nil {
		return nil, fmt.Errorf("auditsign: %w", err)
	}
	return blk.Bytes, nil
}

// PublicDER is the key's public half (PKIX DER), to verify with.
func (k *Key) PublicDER() []byte { return k.pubDER }

// Verify checks cp's signature. trusted is the public key (PKIX DER) the
// verifier holds; the checkpoint must be signed by it. With trusted nil the
// key inside the checkpoint is used, which proves only that the checkpoint
// is unaltered since someone holding that key signed it — compare its
// fingerprint with one obtained elsewhere.
func Verify(cp *pinggu.AuditCheckpoint, trusted []byte) error {
	if cp.Version != pinggu.CheckpointVersion {
		return fmt.Errorf("auditsign: checkpoint version %d is not %d", cp.Version, pinggu.CheckpointVersion)
	}
	der, err := base64.StdEncoding.DecodeString(cp.PublicKey)
	if err != nil {
		return errors.New("auditsign: the checkpoint's public key is not base64")
	}
	if trusted != nil && string(der) != string(trusted) {
		return fmt.Errorf("auditsign: the checkpoint is signed by key %s, not by the trusted key %s", Fingerprint(der), Fingerprint(trusted))
	}
	sig, err := base64.StdEncoding.DecodeString(cp.Signature)
	if err != nil {
		return errors.New("auditsign: the signature is not base64")
	}
	pub, err := smx509.ParsePKIXPublicKey(der)
	if err != nil {
		return fmt.Errorf("auditsign: %w", err)
	}
	msg := cp.SignedBytes()
	ok := false
	switch cp.SignAlg {
	case pinggu.SignEd25519:
		if p, isEd := pub.(ed25519.PublicKey); isEd {
			ok = ed25519.Verify(p, msg, sig)
		}
	case pinggu.SignSM2:
		if p, isEC := pub.(*ecdsa.PublicKey); isEC && sm2.IsSM2PublicKey(p) {
			ok = sm2.VerifyASN1WithSM2(p, nil, msg, sig)
		}
	default:
		return fmt.Errorf("auditsign: unknown signature algorithm %q", cp.SignAlg)
	}
	if !ok {
		return errors.New("auditsign: the signature does not match: the checkpoint was altered or not signed by this key")
	}
	return nil
}
