package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
)

var _ pinggu.StandardService = (*DB)(nil)

// libraryCache keeps merged libraries by the set of imported versions they
// hold. The key is content (id@version:digest of each import), so one cache
// serves every store in the process and a version imported on another node
// shows up at the next call, which reads only the small key list.
var libraryCache sync.Map // string → *libraryEntry

type libraryEntry struct {
	lib      *standards.Library
	imported map[string]time.Time // id@version → imported_at
}

type importedRow struct {
	id, version, digest string
	at                  time.Time
}

// library returns the effective library: the shipped standards plus every
// version imported into this database.
func (c *conn) library() (*libraryEntry, error) {
	rows, err := c.query("SELECT id, version, digest, imported_at FROM standards ORDER BY id, version")
	if err != nil {
		return nil, fmt.Errorf("store: standards: %w", err)
	}
	var list []importedRow
	var key strings.Builder
	for rows.Next() {
		var r importedRow
		var at tscan
		if err := rows.Scan(&r.id, &r.version, &r.digest, &at); err != nil {
			rows.Close()
			return nil, err
		}
		r.at = at.T
		list = append(list, r)
		fmt.Fprintf(&key, "%s@%s:%s;", r.id, r.version, r.digest)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if e, ok := libraryCache.Load(key.String()); ok {
		return e.(*libraryEntry), nil
	}
	lib, err := standards.LoadBuiltin()
	if err != nil {
		return nil, err
	}
	e := &libraryEntry{lib: lib, imported: map[string]time.Time{}}
	for _, r := range list {
		var text string
		if err := c.queryRow("SELECT yaml FROM standards WHERE id = ? AND version = ?", r.id, r.version).Scan(&text); err != nil {
			return nil, err
		}
		s, err := standards.Parse(r.id+"@"+r.version+".yaml", []byte(text))
		if err != nil {
			return nil, fmt.Errorf("store: stored standard %s@%s no longer parses: %w", r.id, r.version, err)
		}
		if d, err := standards.Digest(s); err != nil || d != r.digest {
			return nil, fmt.Errorf("store: stored standard %s@%s does not match its digest", r.id, r.version)
		}
		if e.lib, err = e.lib.With(s); err != nil {
			return nil, fmt.Errorf("store: stored standard %s@%s: %w", r.id, r.version, err)
		}
		e.imported[s.Key()] = r.at
	}
	libraryCache.Store(key.String(), e)
	return e, nil
}

// Library returns the effective library of standards (shipped plus
// imported), for loaders and reports that need the item texts.
func (db *DB) Library(ctx context.Context) (*standards.Library, error) {
	e, err := db.reader(ctx).library()
	if err != nil {
		return nil, err
	}
	return e.lib, nil
}

func (e *libraryEntry) info(s *standards.Standard) *pinggu.StandardInfo {
	in := &pinggu.StandardInfo{
		ID: s.ID, Version: s.Version, TitleZh: s.Title.Zh, TitleEn: s.Title.En,
		AppliesTo: append([]string(nil), s.AppliesTo...), Items: s.ItemCount(),
		Digest: e.lib.Digest(s.ID, s.Version), Builtin: standards.Builtin().Get(s.ID, s.Version) != nil,
	}
	if l := e.lib.Latest(s.ID); l != nil && l.Version == s.Version {
		in.Current = true
	}
	if at, ok := e.imported[s.Key()]; ok {
		t := at
		in.ImportedAt = &t
	}
	return in
}

// ListStandards lists every version of every standard, by id then version.
func (db *DB) ListStandards(ctx context.Context) ([]*pinggu.StandardInfo, error) {
	c := db.reader(ctx)
	if c.actor == nil {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	e, err := c.library()
	if err != nil {
		return nil, err
	}
	out := []*pinggu.StandardInfo{}
	for _, s := range e.lib.All() {
		out = append(out, e.info(s))
	}
	return out, nil
}

// ApplicableStandards lists the current standards that apply to a service
// category, the general ones first: what a new assessment of the category
// takes unless another choice is explained. It reads the same library the
// store validates a new assessment against.
func (db *DB) ApplicableStandards(ctx context.Context, category pinggu.Category) ([]*pinggu.StandardInfo, error) {
	c := db.reader(ctx)
	if c.actor == nil {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	e, err := c.library()
	if err != nil {
		return nil, err
	}
	out := []*pinggu.StandardInfo{}
	for _, s := range e.lib.Applicable(string(category)) {
		out = append(out, e.info(s))
	}
	return out, nil
}

// StandardYAML returns the canonical YAML of id at version ("" for current).
func (db *DB) StandardYAML(ctx context.Context, id, version string) ([]byte, error) {
	c := db.reader(ctx)
	if c.actor == nil {
		return nil, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录")
	}
	e, err := c.library()
	if err != nil {
		return nil, err
	}
	ref := id
	if version != "" {
		ref += "@" + version
	}
	s, err := e.lib.Resolve(ref)
	if err != nil {
		return nil, pinggu.Errorf(pinggu.ENOTFOUND, "评估标准“%s”不存在", ref)
	}
	return standards.Marshal(s)
}

// ImportStandard validates and publishes a standard version. Importing the
// same content again is accepted and changes nothing; different content
// under a published id@version is a conflict.
func (db *DB) ImportStandard(ctx context.Context, filename string, yaml []byte) (*pinggu.StandardInfo, error) {
	a := pinggu.ActorFrom(ctx)
	if err := pinggu.Authorize(a, pinggu.ActStandardImport, pinggu.Subject{}); err != nil {
		return nil, err
	}
	s, err := standards.Parse(filename, yaml)
	if err != nil {
		return nil, standardInvalid(err)
	}
	canon, err := standards.Marshal(s)
	if err != nil {
		return nil, err
	}
	digest, err := standards.Digest(s)
	if err != nil {
		return nil, err
	}
	var out *pinggu.StandardInfo
	err = db.inTx(ctx, func(c *conn) error {
		e, err := c.library()
		if err != nil {
			return err
		}
		if _, err := e.lib.With(s); errors.Is(err, standards.ErrPublished) {
			return pinggu.Errorf(pinggu.ECONFLICT, "评估标准%s已发布且内容不同；已发布的版本不可更改，请发布新版本", s.Key())
		} else if err != nil {
			return err
		}
		if e.lib.Digest(s.ID, s.Version) == digest {
			out = e.info(e.lib.Get(s.ID, s.Version))
			return nil
		}
		if _, err := c.exec("INSERT INTO standards (id, version, yaml, digest, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)",
			s.ID, s.Version, string(canon), digest, tval(c.now), a.Username); err != nil {
			if isUnique(err) {
				return pinggu.Errorf(pinggu.ECONFLICT, "评估标准%s已发布且内容不同；已发布的版本不可更改，请发布新版本", s.Key())
			}
			return fmt.Errorf("store: insert standard: %w", err)
		}
		if e, err = c.library(); err != nil {
			return err
		}
		out = e.info(e.lib.Get(s.ID, s.Version))
		return c.audit(change{action: "standard.import", objectType: "standard", detail: s.Key() + " " + digest, after: out})
	})
	return out, err
}

// standardInvalid turns the loader's problems into field errors with lines.
func standardInvalid(err error) error {
	var ve *standards.ValidationError
	if !errors.As(err, &ve) {
		return pinggu.Errorf(pinggu.EINVALID, "评估标准文件无法读取：%v", err)
	}
	var v pinggu.Validation
	for _, p := range ve.Problems {
		field := p.Field
		if field == "" {
			field = "yaml"
		}
		v.Add(p.Line, field, "%s", p.Message)
	}
	sort.SliceStable(v.Fields, func(i, j int) bool { return v.Fields[i].Line < v.Fields[j].Line })
	return v.Err("评估标准文件有误")
}
