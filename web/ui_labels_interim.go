package web

import "github.com/pinggu/pinggu"

// Interim until the root package's label maps land.
func kindLabel(lang string, k pinggu.OrgKind) string              { return string(k) }
func categoryLabel(lang string, c pinggu.Category) string         { return string(c) }
func statusLabel(lang string, s pinggu.ServiceStatus) string      { return string(s) }
func licenceStateLabel(lang string, s pinggu.LicenceState) string { return string(s) }
func roleLabel(lang string, r pinggu.Role) string                 { return string(r) }
