// Package detect finds harmful information (gambling, pornography, fraud,
// number-spoofing tools, card trading, drugs, terror and weapons, SEO spam)
// in text and web pages, seeing through the tricks spammers use to hide
// words, and telling warnings and enforcement notices apart from the harmful
// content they discuss. It imports nothing else of pinggu.
package detect

//go:generate go run ./internal/gentables -o tables_gen.go
