module github.com/pinggu/pinggu/bench

go 1.26.0

replace github.com/pinggu/pinggu => ../

require (
	github.com/BobuSumisu/aho-corasick v1.0.3
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
	github.com/petar-dambovaliev/aho-corasick v0.0.0-20250424160509-463d218d4745
	github.com/pinggu/pinggu v0.0.0
)

require (
	github.com/goccy/go-yaml v1.19.2 // indirect
	github.com/mozillazg/go-pinyin v0.21.0 // indirect
)
