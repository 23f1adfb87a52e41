package httpx

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// denialLog keeps what Denials records.
type denialLog struct {
	mu  sync.Mutex
	got []pinggu.Denial
}

func (l *denialLog) RecordDenial(_ context.Context, d pinggu.Denial) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, d)
	return nil
}

// deniedRequest is a request for the service id, routed, by user.
func deniedRequest(user int64, id string) *http.Request {
	r := httptest.NewRequest("GET", "/api/services/"+id, nil)
	r.Pattern = "GET /api/services/{id}"
	r.SetPathValue("id", id)
	a := &pinggu.Actor{UserID: user, Username: "u", Role: pinggu.RoleBureau, Province: "440000"}
	return r.WithContext(pinggu.WithActor(r.Context(), a))
}

func TestDenialsAggregateRepeatsAndBoundEachActor(t *testing.T) {
	log := &denialLog{}
	d := NewDenials(log, nil)
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	d.now = func() time.Time { return now }
	notFound := pinggu.Errorf(pinggu.ENOTFOUND, "业务不存在")

	// The same record three times: one entry.
	for range 3 {
		d.Note(deniedRequest(1, "7"), notFound)
	}
	if len(log.got) != 1 || log.got[0].Action != pinggu.DenialOutOfScope || log.got[0].ObjectType != "service" || log.got[0].ObjectID != 7 {
		t.Fatalf("after three repeats: %+v", log.got)
	}
	// 100 different records: the burst, then nothing.
	for i := range 100 {
		d.Note(deniedRequest(1, strconv.Itoa(100+i)), notFound)
	}
	if len(log.got) != DenialBurst {
		t.Fatalf("entries after a probe of 100 records = %d, want the burst %d", len(log.got), DenialBurst)
	}
	// The first entry after the repeats counts them.
	if log.got[1].Suppressed != 2 {
		t.Errorf("the entry after two repeats counts %d", log.got[1].Suppressed)
	}
	// Another actor has a budget of its own.
	d.Note(deniedRequest(2, "7"), notFound)
	if len(log.got) != DenialBurst+1 || log.got[DenialBurst].Suppressed != 0 {
		t.Fatalf("another actor's denial: %+v", log.got[len(log.got)-1])
	}
	// A minute on, the first actor writes one entry which counts the 91
	// probes beyond the burst.
	now = now.Add(DenialRefill)
	d.Note(deniedRequest(1, "999"), notFound)
	last := log.got[len(log.got)-1]
	if len(log.got) != DenialBurst+2 || last.ObjectID != 999 || last.Suppressed != 91 {
		t.Fatalf("the entry after the refill = %+v (of %d)", last, len(log.got))
	}
	// After the window, the first record is written again.
	now = now.Add(DenialWindow)
	d.Note(deniedRequest(1, "7"), notFound)
	if last := log.got[len(log.got)-1]; last.ObjectID != 7 || last.Suppressed != 0 {
		t.Fatalf("a repeat after the window = %+v", last)
	}
}

func TestDenialsKeepOnlyDenials(t *testing.T) {
	log := &denialLog{}
	d := NewDenials(log, nil)
	d.Note(deniedRequest(1, "7"), pinggu.Errorf(pinggu.EINVALID, "名称不能为空"))
	d.Note(deniedRequest(1, "7"), nil)
	list := httptest.NewRequest("GET", "/api/services?q=x", nil)
	list.Pattern = "GET /api/services"
	list = list.WithContext(deniedRequest(1, "7").Context())
	d.Note(list, pinggu.Errorf(pinggu.ENOTFOUND, "no such page")) // no record named
	anon := httptest.NewRequest("GET", "/api/services/7", nil)
	anon.Pattern = "GET /api/services/{id}"
	d.Note(anon, pinggu.Errorf(pinggu.EFORBIDDEN, "x"))
	if len(log.got) != 0 {
		t.Fatalf("recorded what is no denial: %+v", log.got)
	}
	d.Note(deniedRequest(1, "7"), pinggu.Errorf(pinggu.EFORBIDDEN, "仅审计员可查看审计日志"))
	if len(log.got) != 1 || log.got[0].Action != pinggu.DenialForbidden || log.got[0].Reason != "仅审计员可查看审计日志" || log.got[0].Request != "GET /api/services/{id}" {
		t.Fatalf("a refusal: %+v", log.got)
	}
	var nilDenials *Denials
	nilDenials.Note(deniedRequest(1, "7"), pinggu.Errorf(pinggu.EFORBIDDEN, "x")) // no panic
}
