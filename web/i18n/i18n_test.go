package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCatalogsMatch checks that every key exists in both languages with a
// message, taking the same arguments, so switching language never shows a
// raw key.
func TestCatalogsMatch(t *testing.T) {
	zh, en := Catalog(ZH), Catalog(EN)
	if len(zh) < 100 {
		t.Fatalf("the Chinese catalog holds only %d keys", len(zh))
	}
	for k, v := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in zh/ but not en/", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("zh: %q is empty", k)
		}
	}
	for k, v := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("key %q is in en/ but not zh/", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("en: %q is empty", k)
		}
		if strings.Count(v, "%") != strings.Count(zh[k], "%") {
			t.Errorf("%q: zh and en take different arguments: %q vs %q", k, zh[k], v)
		}
	}
}

// TestLoadRefusesDuplicateKeys: two modules' files defining one key is an
// error that names both files.
func TestLoadRefusesDuplicateKeys(t *testing.T) {
	fsys := fstest.MapFS{
		"zh/core.json":   {Data: []byte(`{"a.b": "甲"}`)},
		"zh/patrol.json": {Data: []byte(`{"a.b": "乙"}`)},
		"en/core.json":   {Data: []byte(`{"a.b": "A"}`)},
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), "core.json") || !strings.Contains(err.Error(), "patrol.json") {
		t.Fatalf("Load = %v, want an error naming both files", err)
	}
	fsys["zh/patrol.json"] = &fstest.MapFile{Data: []byte(`{"a.c": "乙"}`)}
	cat, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := cat[ZH]["a.c"]; got != "乙" {
		t.Fatalf("merged catalog has a.c = %q", got)
	}
}

// TestEmbeddedCatalogsHaveNoDuplicates loads the shipped files the same way.
func TestEmbeddedCatalogsHaveNoDuplicates(t *testing.T) {
	if _, err := Load(catalogFS); err != nil {
		t.Fatal(err)
	}
}
