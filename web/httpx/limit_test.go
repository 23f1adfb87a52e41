package httpx

import (
	"testing"
	"time"
)

func TestParseRate(t *testing.T) {
	for in, want := range map[string]Rate{"30/1m": {30, time.Minute}, " 10/15m ": {10, 15 * time.Minute}, "0": {}, "off": {}} {
		got, err := ParseRate(in)
		if err != nil || got != want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v", in, got, err, want)
		}
		if again, _ := ParseRate(got.String()); again != got {
			t.Errorf("ParseRate(%q.String()) = %v, want %v", in, again, got)
		}
	}
	for _, bad := range []string{"", "30", "30/", "-1/1m", "x/1m", "3/0s", "3/soon"} {
		if _, err := ParseRate(bad); err == nil {
			t.Errorf("ParseRate(%q) accepted", bad)
		}
	}
}
