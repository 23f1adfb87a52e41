package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A worker given a bad reminder delivery setting refuses to start and names
// the flag, before it touches the database.
func TestWorkerRefusesBadDeliveryFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		flag string
	}{
		{[]string{"--webhook-url", "ftp://hooks.example/x", "--webhook-secret", "k"}, "--webhook-url"},
		{[]string{"--webhook-url", "https://hooks.example/x"}, "--webhook-secret"},
		{[]string{"--smtp-host", "mail.example", "--smtp-port", "99999", "--smtp-from", "a@b.example"}, "--smtp-port"},
		{[]string{"--smtp-host", "mail.example", "--smtp-from", "not an address"}, "--smtp-from"},
		{[]string{"--smtp-host", "mail.example", "--smtp-from", "a@b.example", "--smtp-user", "u"}, "--smtp-user"},
	} {
		data := filepath.Join(t.TempDir(), "data")
		var stdout, stderr bytes.Buffer
		args := append([]string{"worker", "--data", data}, c.args...)
		if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code == 0 {
			t.Fatalf("%v: exit 0", c.args)
		}
		if !strings.Contains(stderr.String(), c.flag) {
			t.Fatalf("%v: stderr %q does not name %s", c.args, stderr.String(), c.flag)
		}
		if _, err := os.Stat(data); !os.IsNotExist(err) {
			t.Fatalf("%v: the data directory was created (%v)", c.args, err)
		}
	}
}
