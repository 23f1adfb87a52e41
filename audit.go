package pinggu

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"strconv"
	"strings"
	"time"

	"github.com/emmansun/gmsm/sm3"
)

// Audit hash algorithms. SM3 (GB/T 32905-2016) is for deployments where
// national cryptography is required.
const (
	HashSHA256 = "sha256"
	HashSM3    = "sm3"
)

// NewAuditHash returns the hash for an algorithm name, or nil if unknown.
func NewAuditHash(alg string) hash.Hash {
	switch alg {
	case HashSHA256:
		return sha256.New()
	case HashSM3:
		return sm3.New()
	}
	return nil
}

// AuditEntry is one line of the append-only, hash-chained audit log.
type AuditEntry struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	ActorID    int64     `json:"actor_id,omitempty"`
	ActorName  string    `json:"actor_name"`
	ActorRole  Role      `json:"actor_role"`
	Action     string    `json:"action"` // e.g. organisation.create
	ObjectType string    `json:"object_type"`
	ObjectID   int64     `json:"object_id,omitempty"`
	Detail     string    `json:"detail,omitempty"` // a short human summary
	Before     string    `json:"before_digest,omitempty"`
	After      string    `json:"after_digest,omitempty"`
	RemoteAddr string    `json:"remote_addr,omitempty"`
	Alg        string    `json:"alg"`
	PrevHash   string    `json:"prev_hash"`
	Hash       string    `json:"hash"`
}

// ComputeHash returns the chain hash of e: the hash of the previous entry's
// hash and every field of e, in a fixed, length-prefixed encoding so no two
// different entries can encode alike.
func (e *AuditEntry) ComputeHash() string {
	h := NewAuditHash(e.Alg)
	if h == nil {
		return ""
	}
	for _, f := range []string{
		e.PrevHash, strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano),
		strconv.FormatInt(e.ActorID, 10), e.ActorName, string(e.ActorRole), e.Action,
		e.ObjectType, strconv.FormatInt(e.ObjectID, 10), e.Detail, e.Before, e.After, e.RemoteAddr, e.Alg,
	} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Digest returns a SHA-256 digest of a record's JSON form, kept in audit
// entries as the before/after fingerprint, or "" for nil.
func Digest(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return ""
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Actor      string    `json:"actor,omitempty"` // username
	Action     string    `json:"action,omitempty"`
	ObjectType string    `json:"object_type,omitempty"`
	ObjectID   int64     `json:"object_id,omitempty"`
	From       time.Time `json:"from,omitempty"`
	To         time.Time `json:"to,omitempty"`
	ListOptions
}

// AuditProblem is the first break in the chain that verification finds.
type AuditProblem struct {
	Seq  int64  `json:"seq"`
	Kind string `json:"kind"` // altered, inserted, removed
	// Message says what was found, for the auditor.
	Message string `json:"message"`
}

// AuditReport is the result of verifying the whole chain.
type AuditReport struct {
	Entries int64         `json:"entries"`
	Head    string        `json:"head"`
	Problem *AuditProblem `json:"problem,omitempty"`
	// HeadSeq is the number the head row gives the last entry; the rows
	// must end there.
	HeadSeq int64 `json:"head_seq"`
	// Quarantined counts rows once found beyond the head and moved aside
	// (see store's audit_quarantine); any is reported as a Problem.
	Quarantined int64 `json:"quarantined,omitempty"`
	// Checkpoint is the signed checkpoint the rows were compared with, if
	// one was given.
	Checkpoint *AuditCheckpoint `json:"checkpoint,omitempty"`
}

// VerifyChain checks entries given in ascending Seq order, continuing from
// prevSeq and prevHash (0 and "" at the start of the log). It returns the
// first problem found, or nil.
func VerifyChain(entries []*AuditEntry, prevSeq int64, prevHash string) *AuditProblem {
	prevPrevHash := ""
	for _, e := range entries {
		if e.PrevHash != prevHash && prevHash != "" && e.PrevHash == prevPrevHash && e.Seq == prevSeq+1 {
			// This entry links past its predecessor: the predecessor was slipped in.
			return &AuditProblem{Seq: prevSeq, Kind: "inserted", Message: "第" + strconv.FormatInt(prevSeq, 10) + "条记录为插入记录（entry inserted）"}
		}
		switch {
		case e.Seq != prevSeq+1 && e.PrevHash == prevHash:
			// Linked to its predecessor but numbered out of order: renumbered.
			return &AuditProblem{Seq: e.Seq, Kind: "altered", Message: "序号被篡改（sequence number altered）"}
		case e.Seq > prevSeq+1:
			return &AuditProblem{Seq: prevSeq + 1, Kind: "removed", Message: "第" + strconv.FormatInt(prevSeq+1, 10) + "条记录已被删除（entry removed）"}
		case e.PrevHash != prevHash:
			return &AuditProblem{Seq: e.Seq, Kind: "inserted", Message: "前序哈希不连续，记录被插入或替换（entry inserted or replaced）"}
		case !strings.EqualFold(e.ComputeHash(), e.Hash):
			return &AuditProblem{Seq: e.Seq, Kind: "altered", Message: "记录内容与哈希不符，已被篡改（entry altered）"}
		}
		prevSeq, prevPrevHash, prevHash = e.Seq, prevHash, e.Hash
	}
	return nil
}

// AuditService reads and verifies the audit log. Writing happens inside each
// mutation's own transaction.
type AuditService interface {
	ListAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
	// VerifyAudit walks the whole chain and reports the first problem.
	VerifyAudit(ctx context.Context) (*AuditReport, error)
	// VerifyAuditAgainst is VerifyAudit that also holds the rows to a
	// checkpoint whose signature the caller has checked: the entry it
	// names must be there with the hash it signed.
	VerifyAuditAgainst(ctx context.Context, cp *AuditCheckpoint) (*AuditReport, error)
	// AuditCheckpoint returns the chain's head as an unsigned checkpoint.
	AuditCheckpoint(ctx context.Context) (*AuditCheckpoint, error)
}
