package pinggu

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters (RFC 9106's second recommended option, with 64 MiB).
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 2
	argonKeyLen  = 32
)

// HashSlots is how many argon2id computations run at once: one per core,
// at most four. Each takes 64 MiB: fifty logins at once took 5.4 GB and
// starved every other request of CPU, and they finish no sooner for running
// together. Four bound the memory to 256 MiB on any machine and still hash
// some forty logins a second. Waiting callers hold no memory.
var HashSlots = min(max(runtime.GOMAXPROCS(0), 1), 4)

var hashSlots = make(chan struct{}, HashSlots)

// withHashSlot runs fn in a hash slot, waiting for one until ctx ends.
func withHashSlot(ctx context.Context, fn func()) error {
	select {
	case hashSlots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	fn()
	<-hashSlots
	// The hash's 64 MiB is garbage now. Collected at once, the space is
	// reused by the next hash; left to the collector's pace, the heap
	// would grow to twice its size with hashes in it before it looked.
	// The caller does not wait for the collection.
	go runtime.GC()
	return nil
}

// HashPassword returns an encoded argon2id hash in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	var key []byte
	withHashSlot(context.Background(), func() {
		key = argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	})
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches an encoded argon2id hash, using the
// parameters recorded in the hash so they can be raised later.
func CheckPassword(encoded, pw string) bool {
	ok, _ := CheckPasswordContext(context.Background(), encoded, pw)
	return ok
}

// CheckPasswordContext is CheckPassword that gives up waiting for a hash
// slot when ctx ends (the client went away), returning ctx's error.
func CheckPasswordContext(ctx context.Context, encoded, pw string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, nil
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m > 1<<20 || t > 16 || p == 0 {
		return false, nil // no hash of ours asks for more than 1 GiB or 16 passes
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 64 {
		return false, nil
	}
	var got []byte
	if err := withHashSlot(ctx, func() { got = argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want))) }); err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
