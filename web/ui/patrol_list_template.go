package ui

import (
	"github.com/pinggu/pinggu/ledgercsv"
	"net/http"
	"strings"
)

// patrolListTemplate is the CSV file officers fill in to import a list:
// the header and an example row, UTF-8 with a byte-order mark for Excel.
func (s *Handler) patrolListTemplate(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="patrol-list-template.csv"`)
	_, err := w.Write([]byte("\ufeff" + strings.Join(ledgercsv.PatrolTargetTemplate(), ",") + "\r\nhttps://www.example.cn/news/1.html,网页,某企业新闻页,,即时通信,重点;涉赌,\r\n"))
	return err
}
