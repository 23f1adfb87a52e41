package store_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestEvidenceTypesSizeAndDedupe(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent := w.ctx["assessA"]
		a := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		k := a.Items[3].Key
		png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
		zip := append([]byte("PK\x03\x04\x14\x00\x06\x00"), make([]byte, 64)...)
		ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...)
		for _, ok := range []struct {
			name, want string
			data       []byte
		}{
			{"安全评估报告.pdf", "application/pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj")},
			{"拦截截图.png", "image/png", png},
			{"现场照片.jpg", "image/jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")},
			{"号码清单.csv", "text/csv; charset=utf-8", []byte("号码,状态\n13800000000,已核验\n")},
			{"说明.txt", "text/plain; charset=utf-8", []byte("日志留存六个月以上。")},
			{"制度.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip},
			{"台账.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip},
			{"旧制度.doc", "application/msword", ole},
		} {
			e, err := db.AddEvidence(ent, a.ID, k, `C:\材料\`+ok.name, bytes.NewReader(ok.data))
			if err != nil {
				t.Fatalf("%s refused: %v", ok.name, err)
			}
			if e.ContentType != ok.want || e.Filename != ok.name || e.Size != int64(len(ok.data)) || len(e.SHA256) != 64 || e.UploadedBy != "assess-a" {
				t.Fatalf("%s stored as %+v", ok.name, e)
			}
		}
		for _, bad := range []struct {
			name string
			data []byte
		}{
			{"工具.pdf", append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 64)...)},
			{"setup.exe", append([]byte("MZ\x90\x00\x03"), make([]byte, 64)...)},
			{"制度.docx", append([]byte("MZ\x90\x00"), make([]byte, 64)...)},
			{"清理.txt", []byte("#!/bin/sh\nrm -rf /\n")},
			{"macho.png", append([]byte{0xCF, 0xFA, 0xED, 0xFE}, make([]byte, 64)...)},
			{"材料.zip", zip},
			{"报告.pdf.exe", []byte("%PDF-1.7\n伪装")},
			{"run.sh", []byte("echo hi\n")},
			{"页面.html", []byte("<html><script>alert(1)</script></html>")},
			{"data.bin", []byte{0x00, 0x01, 0x02, 0x03, 0xff}},
		} {
			_, err := db.AddEvidence(ent, a.ID, k, bad.name, bytes.NewReader(bad.data))
			code(t, err, pinggu.EINVALID)
			if !strings.Contains(pinggu.ErrorMessage(err), "“"+bad.name+"”") {
				t.Fatalf("%s: message %q does not name the file", bad.name, pinggu.ErrorMessage(err))
			}
		}
		big := io.MultiReader(strings.NewReader("%PDF-1.7\n"), bytes.NewReader(make([]byte, pinggu.MaxEvidenceSize)))
		_, err := db.AddEvidence(ent, a.ID, k, "大文件.pdf", big)
		code(t, err, pinggu.ETOOLARGE)
		_, err = db.AddEvidence(ent, a.ID, "general/none", "a.pdf", strings.NewReader("%PDF-1.7"))
		code(t, err, pinggu.EINVALID)
		_, err = db.AddEvidence(ent, a.ID, k, "", strings.NewReader("%PDF-1.7"))
		code(t, err, pinggu.EINVALID)

		// The same content twice is one blob under two records.
		content := "%PDF-1.7\n同一份证明材料"
		e1, err := db.AddEvidence(ent, a.ID, k, "一.pdf", strings.NewReader(content))
		must(t, err)
		e2, err := db.AddEvidence(w.ctx["entA"], a.ID, a.Items[4].Key, "二.pdf", strings.NewReader(content))
		must(t, err)
		if e1.SHA256 != e2.SHA256 || e1.ID == e2.ID {
			t.Fatalf("dedupe: %+v vs %+v", e1, e2)
		}
		for _, e := range []*pinggu.Evidence{e1, e2} {
			got, r, err := db.OpenEvidence(w.ctx["bureauGD"], e.ID)
			must(t, err)
			b, _ := io.ReadAll(r)
			r.Close()
			if string(b) != content || got.Filename != e.Filename || got.Key != e.Key {
				t.Fatalf("open %d: %q %+v", e.ID, b, got)
			}
		}
		// Deleting one record leaves the other's content readable.
		must(t, db.DeleteEvidence(ent, e1.ID))
		// The audit names the items by the numbers people see, not keys.
		for _, e := range auditOf(t, db, a.ID) {
			if strings.HasPrefix(e.Action, "assessment.evidence") && (strings.Contains(e.Detail, "general/") || !strings.Contains(e.Detail, "项: ")) {
				t.Fatalf("evidence entry %q names its item by key", e.Detail)
			}
		}
		_, _, err = db.OpenEvidence(ent, e1.ID)
		code(t, err, pinggu.ENOTFOUND)
		_, r, err := db.OpenEvidence(ent, e2.ID)
		must(t, err)
		r.Close()
		// Never served outside the scope.
		for _, who := range []string{"entB", "entC", "bureauBJ", "tp", "auditor", "nobody"} {
			_, _, err := db.OpenEvidence(w.ctx[who], e2.ID)
			code(t, err, pinggu.ENOTFOUND)
		}
		got, _ := db.FindAssessment(ent, a.ID)
		if n := len(item(got, k).EvidenceFiles); n != 8 {
			t.Fatalf("item %s has %d files, want 8", k, n)
		}
		// Evidence is frozen once submitted.
		answerAll(t, db, ent, got, pinggu.AnswerCompliant)
		_, err = db.Submit(ent, a.ID)
		must(t, err)
		_, err = db.AddEvidence(ent, a.ID, k, "迟到.pdf", strings.NewReader("%PDF-1.7"))
		code(t, err, pinggu.ECONFLICT)
		code(t, db.DeleteEvidence(ent, e2.ID), pinggu.ECONFLICT)
		subs, _ := db.Submissions(ent, a.ID)
		if ev := subs[0].Answers[a.Items[4].Key].Evidence; len(ev) != 1 || ev[0] != e2.SHA256 {
			t.Fatalf("submitted evidence of %s = %v", a.Items[4].Key, ev)
		}
		verifyOK(t, db)
	})
}
