package pinggu

// English forms of the messages of backups, the audit chain's checkpoints,
// uploads and the login limiter (see Translate).
func init() {
	Translate(map[string]string{
		"%s 不是pinggu备份目录（no %s: %v）":                                            "%s is not a pinggu backup (no %s: %v)",
		"%s 不是空目录，未写入任何内容（%s is not empty; nothing was written）":                "%[1]s is not empty; nothing was written",
		"%s 的备份清单无法识别（unreadable manifest）":                                     "The backup manifest of %s is unreadable",
		"PostgreSQL数据库请用pg_dump备份（back up PostgreSQL with pg_dump; see README）": "Back up a PostgreSQL database with pg_dump; see the README",
		"上传文件不能超过%d MiB":                                                        "An upload may have at most %d MiB",
		"备份的数据库文件已损坏：SHA-256与清单不符（database file does not match the manifest）":   "The backup's database file is damaged: its SHA-256 does not match the manifest",
		"审计链头记录":    "Head of the audit chain",
		"无权标记提醒为已读": "You may not mark reminders read",
		"无权备份":      "You may not make backups",
		"检查点为空":     "The checkpoint is empty",
		"没有数据库：%s 不存在（no database at %s; give --data the directory that holds pinggu.db）": "No database: %[1]s does not exist (give --data the directory that holds pinggu.db)",
		"登录请求过多，请稍后再试":                                                                         "Too many logins; try again later",
		"证据文件%s内容与其哈希不符（evidence file altered）":                                                "Evidence file %s does not match its hash (altered)",
		"证据文件%s缺失（evidence file missing）":                                                      "Evidence file %s is missing",
		"该PostgreSQL数据库中没有pinggu的数据（no pinggu database at this URL; run pinggu migrate first）": "There is no pinggu database at this URL; run pinggu migrate first",
		"请以multipart/form-data上传文件":                                                            "Upload files as multipart/form-data",
	})
}
