module github.com/pinggu/pinggu

go 1.26
