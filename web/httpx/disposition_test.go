package httpx

import (
	"mime"
	"testing"
)

func TestAttachmentNamesAFileAsItReads(t *testing.T) {
	for _, c := range []struct{ name, fallback, want string }{
		{"云帆智能客服-安全评估报告-2025-03-12.pdf", "assessment-3-2025-03-12.pdf", "云帆智能客服-安全评估报告-2025-03-12.pdf"},
		{`a/b:c*"d".pdf`, "x.pdf", "a_b_c__d_.pdf"},
		{"report.pdf", "report.pdf", "report.pdf"},
	} {
		v := Attachment(c.name, c.fallback)
		disp, params, err := mime.ParseMediaType(v)
		if err != nil || disp != "attachment" || params["filename"] != c.want {
			t.Errorf("Attachment(%q) = %q: %q %v", c.name, v, params["filename"], err)
		}
	}
	if v := Attachment("中文.pdf", "x.pdf"); v != `attachment; filename="x.pdf"; filename*=UTF-8''%E4%B8%AD%E6%96%87.pdf` {
		t.Errorf("Attachment = %q", v)
	}
}
