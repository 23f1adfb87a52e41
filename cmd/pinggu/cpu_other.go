//go:build !unix

package main

import "time"

// cpuSelf is the CPU time this process has used; 0 where the system does
// not tell (the benches then print no CPU figures of their own).
func cpuSelf() time.Duration { return 0 }
