package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary stand in for pinggu itself when a test
// starts it as a child process (bench load starts `pinggu serve` nodes
// with os.Executable): with PINGGU_RUN_AS_CLI=1 it runs the command line
// and exits, before any test flag is parsed.
func TestMain(m *testing.M) {
	if os.Getenv("PINGGU_RUN_AS_CLI") == "1" {
		ctx, stop := signalContext()
		code := runCLI(ctx, &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
