package standards

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed library/*.yaml
var builtinFS embed.FS

// ErrNotFound is returned when no standard matches a reference.
var ErrNotFound = errors.New("standard not found")

// ErrPublished is returned when a version with the same id and version but
// different content already exists: a published version is immutable.
var ErrPublished = errors.New("this version is already published with different content; publish a new version instead")

// Library is an immutable set of standards, possibly several versions of each.
// The standards it returns are shared: treat them as read-only and Clone one
// to derive a new version.
type Library struct {
	all    []*Standard // sorted by id, then version ascending
	digest map[string]string
}

// NewLibrary builds a library; the same id@version may appear twice only
// with identical content.
func NewLibrary(stds ...*Standard) (*Library, error) {
	l := &Library{digest: map[string]string{}}
	for _, s := range stds {
		if err := l.add(s); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func (l *Library) add(s *Standard) error {
	d, err := Digest(s)
	if err != nil {
		return err
	}
	if prev, ok := l.digest[s.Key()]; ok {
		if prev != d {
			return fmt.Errorf("%s: %w", s.Key(), ErrPublished)
		}
		return nil
	}
	l.digest[s.Key()] = d
	l.all = append(l.all, s)
	sort.SliceStable(l.all, func(i, j int) bool {
		a, b := l.all[i], l.all[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return CompareVersions(a.Version, b.Version) < 0
	})
	return nil
}

// With returns a new library that also holds s, for importing a version.
// It fails with ErrPublished if s would change an existing version.
func (l *Library) With(s *Standard) (*Library, error) {
	n, err := NewLibrary(l.all...)
	if err != nil {
		return nil, err
	}
	if err := n.add(s); err != nil {
		return nil, err
	}
	return n, nil
}

// All returns every version of every standard, by id then version.
func (l *Library) All() []*Standard { return slices.Clone(l.all) }

// Digest returns the recorded content digest of id@version, or "".
func (l *Library) Digest(id, version string) string { return l.digest[id+"@"+version] }

// Get returns the given version of a standard, or nil.
func (l *Library) Get(id, version string) *Standard {
	for _, s := range l.all {
		if s.ID == id && s.Version == version {
			return s
		}
	}
	return nil
}

// Versions returns every version of a standard, oldest first.
func (l *Library) Versions(id string) []*Standard {
	var out []*Standard
	for _, s := range l.all {
		if s.ID == id {
			out = append(out, s)
		}
	}
	return out
}

// Latest returns the highest version of a standard, or nil. New assessments
// use it; existing assessments keep the version they were started with.
func (l *Library) Latest(id string) *Standard {
	v := l.Versions(id)
	if len(v) == 0 {
		return nil
	}
	return v[len(v)-1]
}

// Current returns the latest version of every standard, by id.
func (l *Library) Current() []*Standard {
	var out []*Standard
	for i, s := range l.all {
		if i+1 == len(l.all) || l.all[i+1].ID != s.ID {
			out = append(out, s)
		}
	}
	return out
}

// Resolve finds a standard by "id" (latest version) or "id@version".
func (l *Library) Resolve(ref string) (*Standard, error) {
	id, version, pinned := strings.Cut(ref, "@")
	var s *Standard
	if pinned {
		s = l.Get(id, version)
	} else {
		s = l.Latest(id)
	}
	if s == nil {
		return nil, fmt.Errorf("%s: %w", ref, ErrNotFound)
	}
	return s, nil
}

// Applicable returns the latest version of each standard that applies to a
// service category: the general standards first, then the specific ones.
func (l *Library) Applicable(category string) []*Standard {
	var general, specific []*Standard
	for _, s := range l.Current() {
		switch {
		case slices.Contains(s.AppliesTo, AllCategories):
			general = append(general, s)
		case slices.Contains(s.AppliesTo, category):
			specific = append(specific, s)
		}
	}
	return append(general, specific...)
}

var builtin = sync.OnceValues(loadBuiltin)

func loadBuiltin() (*Library, error) {
	files, err := fs.Glob(builtinFS, "library/*.yaml")
	if err != nil {
		return nil, err
	}
	var stds []*Standard
	var errs []error
	for _, f := range files {
		data, err := builtinFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		s, err := Parse(path.Base(f), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		stds = append(stds, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewLibrary(stds...)
}

// LoadBuiltin parses and validates the standards shipped in the binary.
func LoadBuiltin() (*Library, error) { return builtin() }

// Builtin returns the shipped library; it panics if a shipped file is
// invalid, which the package's tests rule out before a release.
func Builtin() *Library {
	l, err := builtin()
	if err != nil {
		panic("standards: shipped library is invalid:\n" + err.Error())
	}
	return l
}

// Applicable returns the shipped standards that apply to a service category.
func Applicable(category string) []*Standard { return Builtin().Applicable(category) }
