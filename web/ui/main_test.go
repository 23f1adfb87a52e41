package ui_test

import (
	"os"
	"testing"

	"github.com/pinggu/pinggu/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(webtest.Main(m)) }
