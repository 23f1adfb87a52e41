package ledgercsv

import "github.com/pinggu/pinggu"

// English forms of the CSV codec's messages (see pinggu.Translate).
func init() {
	pinggu.Translate(map[string]string{
		"CSV文件有误":   "The CSV file has errors",
		"CSV文件格式错误": "The CSV file is malformed",
		"文件为空":      "The file is empty",
		"文件编码无法识别，请保存为UTF-8或GBK编码的CSV文件": "The file's encoding is not recognised; save it as a UTF-8 or GBK CSV file",
		"列名为空":          "A column has no name",
		"未知的列“%s”":      "Unknown column \"%s\"",
		"列“%s”重复":       "Column \"%s\" appears twice",
		"缺少必填列“%s”":     "The required column \"%s\" is missing",
		"本行有%d列，表头有%d列": "The line has %d columns; the header has %d",
		"“%s”不是有效的是/否值（应为“是”或“否”）": "\"%s\" is not yes or no (write 是 or 否)",
	})
}
