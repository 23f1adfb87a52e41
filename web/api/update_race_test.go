package api_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// Two officers' partial PUTs of one licence and one organisation at once
// keep each other's changes: each body is merged into the version it
// replaces, not into a copy read before another's save.
func TestConcurrentPartialPUTsKeepEachOther(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	const puts = 20
	race := func(path string, bodies ...func(i int) map[string]any) {
		t.Helper()
		var wg sync.WaitGroup
		bad := make(chan string, len(bodies)*puts)
		for _, body := range bodies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range puts {
					if res := c.Do("PUT", path, body(i)); res.Status != http.StatusOK {
						bad <- fmt.Sprintf("PUT %s: %d %s", path, res.Status, res.Body)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(bad)
		for msg := range bad {
			t.Fatal(msg)
		}
	}

	path := "/api/licences/" + ID(a.LicA.ID)
	race(path,
		func(i int) map[string]any {
			return map[string]any{"issuer": fmt.Sprintf("广东省通信管理局%d", i)}
		},
		func(i int) map[string]any {
			return map[string]any{"categories": []string{"B25", fmt.Sprintf("B1%d", i%10)}}
		})
	var l pinggu.Licence
	res := c.Do("GET", path, nil)
	MustStatus(t, res, http.StatusOK, "licence")
	res.Decode(t, &l)
	if l.Issuer != fmt.Sprintf("广东省通信管理局%d", puts-1) || len(l.Categories) != 2 || l.Categories[1] != fmt.Sprintf("B1%d", (puts-1)%10) {
		t.Errorf("after both officers' PUTs the licence has issuer %q, categories %v", l.Issuer, l.Categories)
	}

	path = "/api/organisations/" + ID(a.OrgA.ID)
	race(path,
		func(i int) map[string]any {
			return map[string]any{"address": fmt.Sprintf("广州市天河区%d号", i)}
		},
		func(i int) map[string]any { return map[string]any{"note": fmt.Sprintf("核查备注%d", i)} })
	var o pinggu.Organisation
	res = c.Do("GET", path, nil)
	MustStatus(t, res, http.StatusOK, "organisation")
	res.Decode(t, &o)
	if o.Address != fmt.Sprintf("广州市天河区%d号", puts-1) || o.Note != fmt.Sprintf("核查备注%d", puts-1) {
		t.Errorf("after both officers' PUTs the organisation has address %q, note %q", o.Address, o.Note)
	}
}
