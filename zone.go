package pinggu

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// Times are stored in UTC and shown to people in one zone: China Standard
// Time unless a deployment chooses another (pinggu serve --timezone). The
// zone is a setting of the process, made once at start, so every surface —
// the UI, the exports, the reminders' texts, the CLI — shows the same day
// for the same instant.

// ChinaTime is China Standard Time: UTC+8, no daylight saving since 1991.
// It is a fixed zone so that no time zone database is needed for the default.
var ChinaTime = time.FixedZone("CST", 8*3600)

var zone atomic.Pointer[time.Location]

func init() { zone.Store(ChinaTime) }

// Zone is the zone dates and times are shown in.
func Zone() *time.Location { return zone.Load() }

// SetZone changes the zone dates and times are shown in; nil restores China
// Standard Time. It is meant for start-up (and tests), not for requests.
func SetZone(loc *time.Location) {
	if loc == nil {
		loc = ChinaTime
	}
	zone.Store(loc)
}

// LoadZone reads a zone setting: "" or "CST" for China Standard Time, "UTC",
// a fixed offset such as "+08:00" or "-05:30", or an IANA name such as
// "Asia/Shanghai" or "Europe/Berlin".
func LoadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	switch strings.ToUpper(name) {
	case "", "CST":
		return ChinaTime, nil
	case "UTC", "Z":
		return time.UTC, nil
	}
	if name[0] == '+' || name[0] == '-' {
		t, err := time.Parse("-07:00", name)
		if err != nil {
			return nil, fmt.Errorf("time zone %q: an offset is written like +08:00", name)
		}
		_, off := t.Zone()
		return time.FixedZone("UTC"+name, off), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: not an IANA zone name (such as Asia/Shanghai), UTC or an offset like +08:00", name)
	}
	return loc, nil
}

// InZone is t in the zone people see.
func InZone(t time.Time) time.Time { return t.In(Zone()) }

// FormatDate shows t's date in the zone people see (2024-02-21), "" for the
// zero time.
func FormatDate(t time.Time) string { return formatIn(t, time.DateOnly) }

// FormatDateTime shows t to the second (2024-02-21 08:16:05).
func FormatDateTime(t time.Time) string { return formatIn(t, time.DateTime) }

// FormatMinute shows t to the minute (2024-02-21 08:16), as reports do.
func FormatMinute(t time.Time) string { return formatIn(t, "2006-01-02 15:04") }

// FormatDateZh shows t's date as formal Chinese writes it (2024年2月21日).
func FormatDateZh(t time.Time) string { return formatIn(t, "2006年1月2日") }

func formatIn(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone()).Format(layout)
}

// ParseDate reads a date a person typed (2024-02-21) as the start of that
// day in the zone people see.
func ParseDate(s string) (time.Time, error) {
	return time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), Zone())
}

// EndOfDay is the last instant of t's day in the zone people see: a
// deadline set as a date runs through the whole of that day.
func EndOfDay(t time.Time) time.Time {
	y, m, d := t.In(Zone()).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, Zone()).Add(-time.Microsecond)
}
