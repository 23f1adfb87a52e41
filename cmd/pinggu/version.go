package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at release build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func init() {
	register("version", "print the version", func(ctx context.Context, env *cliEnv, args []string) int {
		fmt.Fprintf(env.stdout, "pinggu %s (%s, %s/%s)\n", appVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return 0
	})
}

// appVersion is the release version, else the module version or VCS revision
// the binary was built from, else "dev".
func appVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "dev-" + s.Value[:12]
			}
		}
	}
	return "dev"
}
