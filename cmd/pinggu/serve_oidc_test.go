package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serve given an incomplete single sign-on refuses to start and says what
// is missing, before it touches the database.
func TestServeRefusesIncompleteOIDCFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--oidc-issuer", "https://idp.example.cn", "--oidc-client-id", "pinggu", "--oidc-redirect-url", "https://pinggu.example.cn/login/sso/callback"}, "client secret"},
		{[]string{"--oidc-issuer", "idp.example.cn", "--oidc-client-id", "pinggu", "--oidc-client-secret", "s", "--oidc-redirect-url", "https://pinggu.example.cn/login/sso/callback"}, "issuer"},
		{[]string{"--oidc-client-id", "pinggu"}, "--oidc-issuer"},
	} {
		data := filepath.Join(t.TempDir(), "data")
		var stdout, stderr bytes.Buffer
		args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, c.args...)
		if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code == 0 {
			t.Fatalf("%v: exit 0", c.args)
		}
		if !strings.Contains(stderr.String(), c.says) {
			t.Fatalf("%v: stderr %q does not say %q", c.args, stderr.String(), c.says)
		}
		if _, err := os.Stat(data); !os.IsNotExist(err) {
			t.Fatalf("%v: the data directory was created (%v)", c.args, err)
		}
	}
}
