package httpx

import "github.com/pinggu/pinggu"

// English forms of the messages about requests (see pinggu.Translate).
func init() {
	pinggu.Translate(map[string]string{
		"请求内容不正确":                               "The request is not valid",
		"请求体不能为空":                               "The request has no body",
		"JSON格式错误（第%d字节）":                       "Malformed JSON (at byte %d)",
		"JSON格式错误：%s":                           "Malformed JSON: %s",
		"类型错误：应为%s":                             "Wrong type: expected %s",
		"未知字段":                                  "Unknown field",
		"记录不存在":                                 "No such record",
		"查询参数不正确":                               "The query parameters are not valid",
		"请求体超过%d字节的上限":                          "The request is larger than its limit of %d bytes",
		"上传格式不正确":                               "The upload is malformed",
		"上传中断或格式不正确":                            "The upload was interrupted or is malformed",
		"请选择要导入的CSV文件":                          "Choose the CSV file to import",
		"请选择要导入的YAML文件":                         "Choose the YAML file to import",
		"导入文件为空":                                "The file is empty",
		"请以multipart/form-data上传文件（字段key和file）": "Upload as multipart/form-data (fields key and file)",
		"请选择要上传的文件":                             "Choose a file to upload",
		"请指定佐证材料对应的评估项":                         "Name the item the evidence is for",
		"佐证材料不能超过%d MiB":                        "An evidence file may be at most %d MiB",
		"须为日期（2006-01-02）或RFC 3339时间":           "A date (2006-01-02) or an RFC 3339 time",
	})
}
