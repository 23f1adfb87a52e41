package pinggu

import (
	"strings"
	"testing"
	"time"
)

func TestTimesShowInChinaStandardTime(t *testing.T) {
	// 00:16 UTC is 08:16 in Beijing; 16:30 UTC is already the next day there.
	morning := time.Date(2024, 2, 20, 0, 16, 5, 0, time.UTC)
	evening := time.Date(2024, 2, 20, 16, 30, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{FormatDateTime(morning), "2024-02-20 08:16:05"},
		{FormatMinute(morning), "2024-02-20 08:16"},
		{FormatDate(evening), "2024-02-21"},
		{FormatDateZh(evening), "2024年2月21日"},
		{FormatDate(time.Time{}), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// A reminder's text and its date in a list say the same day.
	due := evening
	if msg, day := ReminderMessage(ReminderReviewDueSoon, "云帆", due), FormatDateZh(due); !strings.Contains(msg, day) {
		t.Errorf("reminder message %q does not name %s", msg, day)
	}
}

func TestZoneSetting(t *testing.T) {
	t.Cleanup(func() { SetZone(nil) })
	for _, c := range []struct {
		name string
		want string // 2024-02-20 00:16 UTC shown there
	}{
		{"", "2024-02-20 08:16"}, {"CST", "2024-02-20 08:16"}, {"UTC", "2024-02-20 00:16"},
		{"+05:30", "2024-02-20 05:46"}, {"-05:00", "2024-02-19 19:16"}, {"Asia/Shanghai", "2024-02-20 08:16"},
		{"Europe/Berlin", "2024-02-20 01:16"},
	} {
		loc, err := LoadZone(c.name)
		if err != nil {
			t.Fatalf("LoadZone(%q): %v", c.name, err)
		}
		SetZone(loc)
		if got := FormatMinute(time.Date(2024, 2, 20, 0, 16, 0, 0, time.UTC)); got != c.want {
			t.Errorf("zone %q: got %s, want %s", c.name, got, c.want)
		}
	}
	for _, bad := range []string{"Mars/Olympus", "+25:00", "8"} {
		if _, err := LoadZone(bad); err == nil {
			t.Errorf("LoadZone(%q) accepted", bad)
		}
	}
	// A date typed in a form is that day in the zone, and a deadline set as
	// a date runs to its end.
	SetZone(nil)
	d, err := ParseDate("2024-07-01")
	if err != nil || !d.Equal(time.Date(2024, 6, 30, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	if end := EndOfDay(d); FormatDate(end) != "2024-07-01" || !end.After(d.Add(23*time.Hour)) {
		t.Errorf("EndOfDay = %v", end)
	}
}
