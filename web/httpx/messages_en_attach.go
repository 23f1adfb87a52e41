package httpx

import "github.com/pinggu/pinggu"

// English forms of the messages of attachment uploads (see pinggu.Translate).
func init() {
	pinggu.Translate(map[string]string{
		"文件不能超过%d MiB":                      "The file may be at most %d MiB",
		"请以multipart/form-data上传文件（字段file）": "Upload the file as multipart/form-data (field \"file\")",
	})
}
