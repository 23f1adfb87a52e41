module github.com/pinggu/pinggu

go 1.26.0

require (
	github.com/emmansun/gmsm v0.15.5
	github.com/goccy/go-yaml v1.19.2
	golang.org/x/crypto v0.59.0
)

require (
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
