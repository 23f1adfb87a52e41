package pinggu

import (
	"strconv"
	"strings"
	"time"
)

// Signature algorithms of audit checkpoints: Ed25519 by default, SM2 (GB/T
// 32918, with SM3) where national cryptography is required.
const (
	SignEd25519 = "ed25519"
	SignSM2     = "sm2"
)

// AuditCheckpoint is a signed statement that the audit chain's entry Seq
// had hash Head at time At. The hash of an entry covers every entry before
// it, so a checkpoint kept outside the database — by an auditor, on
// write-once storage — lets anyone holding the public key prove later that
// entries 1 to Seq were neither rewritten nor removed, even by someone who
// can write the database and recompute the whole chain.
type AuditCheckpoint struct {
	Version int       `json:"version"`
	Seq     int64     `json:"seq"`
	Head    string    `json:"head"` // hash of entry Seq ("" when the log is empty)
	Alg     string    `json:"alg"`  // hash algorithm of entry Seq
	At      time.Time `json:"at"`
	// SignAlg is SignEd25519 or SignSM2.
	SignAlg string `json:"sign_alg"`
	// PublicKey is the signer's public key, base64 of its PKIX DER form;
	// a verifier trusts it only if it matches a key it holds.
	PublicKey string `json:"public_key"`
	// Signature is base64 over SignedBytes.
	Signature string `json:"signature"`
}

// CheckpointVersion is the version of the signed form.
const CheckpointVersion = 1

// SignedBytes is the exact text a checkpoint's signature covers: one
// field per line, so it reads the same in any language.
func (cp *AuditCheckpoint) SignedBytes() []byte {
	var b strings.Builder
	b.WriteString("pinggu audit checkpoint\n")
	for _, kv := range [][2]string{
		{"version", strconv.Itoa(cp.Version)}, {"seq", strconv.FormatInt(cp.Seq, 10)}, {"head", cp.Head},
		{"alg", cp.Alg}, {"at", cp.At.UTC().Format(time.RFC3339Nano)}, {"sign_alg", cp.SignAlg}, {"public_key", cp.PublicKey},
	} {
		b.WriteString(kv[0])
		b.WriteByte('=')
		b.WriteString(kv[1])
		b.WriteByte('\n')
	}
	return []byte(b.String())
}
