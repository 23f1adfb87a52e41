package store

import (
	"bytes"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/pinggu/pinggu"
)

// officeZip are the Office formats that are zip files inside.
var officeZip = map[string]string{
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// officeOLE are the legacy Office formats (OLE compound files).
var officeOLE = map[string]string{
	".doc": "application/msword",
	".xls": "application/vnd.ms-excel",
	".ppt": "application/vnd.ms-powerpoint",
}

var textExt = map[string]string{
	".txt": "text/plain; charset=utf-8",
	".log": "text/plain; charset=utf-8",
	".md":  "text/plain; charset=utf-8",
	".csv": "text/csv; charset=utf-8",
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// executableMagic are the starts of programs and scripts.
var executableMagic = [][]byte{
	[]byte("\x7fELF"), []byte("MZ"), []byte("#!"),
	{0xFE, 0xED, 0xFA, 0xCE}, {0xFE, 0xED, 0xFA, 0xCF}, {0xCE, 0xFA, 0xED, 0xFE}, {0xCF, 0xFA, 0xED, 0xFE},
	{0xCA, 0xFE, 0xBA, 0xBE}, // Mach-O universal (and Java classes)
}

var executableExt = map[string]bool{
	".exe": true, ".dll": true, ".com": true, ".scr": true, ".msi": true, ".bat": true, ".cmd": true, ".ps1": true,
	".vbs": true, ".js": true, ".jar": true, ".apk": true, ".sh": true, ".bin": true, ".elf": true, ".so": true, ".dylib": true, ".app": true,
}

// evidenceType decides from the content (and, where the content is a
// container, the extension) whether a file may be evidence, and its type.
// Documents and images pass; programs, scripts and anything unknown do not.
func evidenceType(filename string, head []byte) (string, error) {
	for _, m := range executableMagic {
		if bytes.HasPrefix(head, m) {
			return "", evidenceRefused("文件“%s”是可执行程序或脚本，不能作为证明材料上传", filename)
		}
	}
	ext := strings.ToLower(filepath.Ext(filename))
	if executableExt[ext] {
		// A document named like a program would be saved as one by the
		// reviewer's browser.
		return "", evidenceRefused("文件“%s”的扩展名属于可执行程序或脚本，不能作为证明材料上传", filename)
	}
	ct := http.DetectContentType(head)
	switch {
	case ct == "application/pdf":
		return ct, nil
	case ct == "image/png" || ct == "image/jpeg" || ct == "image/gif" || ct == "image/webp":
		return ct, nil
	case ct == "application/zip" && officeZip[ext] != "":
		return officeZip[ext], nil
	case bytes.HasPrefix(head, oleMagic) && officeOLE[ext] != "":
		return officeOLE[ext], nil
	case strings.HasPrefix(ct, "text/plain") && textExt[ext] != "":
		return textExt[ext], nil
	}
	return "", evidenceRefused("文件“%s”的类型不允许上传；证明材料须为PDF、图片（PNG、JPEG、GIF、WebP）、文本或CSV、Office文档（Word、Excel、PowerPoint）", filename)
}

func evidenceRefused(format, filename string) error {
	msg := strings.Replace(format, "%s", filename, 1)
	return &pinggu.Error{Code: pinggu.EINVALID, Message: msg, Fields: []pinggu.FieldError{{Field: "file", Message: msg}}}
}
