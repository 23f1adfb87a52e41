package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/store"
)

func TestStandardsImportPublishesIntoTheDatabase(t *testing.T) {
	data := t.TempDir()
	s := standards.Builtin().Latest("voice_line").Clone()
	s.Version = "2099.1"
	s.Sections[0].Items[0].Requirement = "应当在网络侧逐次核验专线主叫号码真实性（新版）。"
	good, err := standards.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "voice_line.yaml")
	if err := os.WriteFile(file, good, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runStandards(t, "", "import", "-data", data, file)
	if code != 0 || !strings.Contains(out, "voice_line@2099.1 published") || !strings.Contains(out, "current") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	// The same file again is fine; changed content under the version is not.
	if code, _, errOut := runStandards(t, "", "import", "-data", data, file); code != 0 {
		t.Fatalf("identical re-import: exit %d: %s", code, errOut)
	}
	changed := strings.Replace(string(good), "（新版）", "（改）", 1)
	code, _, errOut = runStandards(t, changed, "import", "-data", data, "-")
	if code != 1 || !strings.Contains(errOut, "已发布") {
		t.Fatalf("changed re-import: exit %d: %s", code, errOut)
	}
	// A broken file names the line and the field.
	broken := strings.Replace(string(good), "weight: 4", "weight: 0", 1)
	code, _, errOut = runStandards(t, broken, "import", "-data", data, "-")
	if code != 1 || !strings.Contains(errOut, "line ") || !strings.Contains(errOut, ".weight:") {
		t.Fatalf("broken import: exit %d: %s", code, errOut)
	}

	// list, show and export read the database's library: the imported
	// version is current there, while without a database only the shipped one
	// exists.
	if code, out, errOut := runStandards(t, "", "list", "-data", data); code != 0 || !strings.Contains(out, "2099.1") {
		t.Fatalf("list with the database: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runStandards(t, "", "export", "-data", data, "voice_line@2099.1"); code != 0 || out != string(good) {
		t.Fatalf("export of the imported version: exit %d", code)
	}
	if code, out, _ := runStandards(t, "", "show", "-data", data, "voice_line"); code != 0 || !strings.Contains(out, "（新版）") {
		t.Fatalf("show of the current voice_line does not show the imported text: exit %d", code)
	}
	empty := filepath.Join(t.TempDir(), "none")
	if code, out, _ := runStandards(t, "", "list", "-data", empty); code != 0 || strings.Contains(out, "2099.1") || !strings.Contains(out, "voice_line") {
		t.Fatalf("list without a database: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Fatalf("listing created the data directory %s", empty)
	}

	db, err := store.Open(context.Background(), store.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	y, err := db.StandardYAML(pinggu.WithActor(context.Background(), pinggu.SystemActor), "voice_line", "")
	if err != nil || string(y) != string(good) {
		t.Fatalf("current voice_line in the database is not the imported version: %v", err)
	}
}
