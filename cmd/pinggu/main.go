// Command pinggu runs the security assessment platform for new internet
// technologies and new services: the web server, background workers and the
// operator's command-line tools, all in one binary.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand of the CLI. Each lives in its own file and
// registers itself in commands, so main stays small.
type command struct {
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) int
}

// cliEnv carries the process's standard streams so commands can be tested
// without touching the real ones.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, env *cliEnv, args []string) int) {
	commands[name] = command{summary: summary, run: run}
}

func main() {
	ctx, stop := signalContext()
	code := runCLI(ctx, &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// signalContext ends on Ctrl-C or SIGTERM, so commands shut down cleanly.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runCLI(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 2 && args[0] == "help" {
		// "pinggu help scan" is "pinggu scan -h", on standard output.
		cmd, ok := commands[args[1]]
		if !ok {
			fmt.Fprintf(env.stderr, "pinggu help: unknown command %q\n\n", args[1])
			usage(env.stderr)
			return 2
		}
		cmd.run(ctx, &cliEnv{stdin: env.stdin, stdout: env.stdout, stderr: env.stdout}, []string{"-h"})
		return 0
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "pinggu: unknown command %q\n\n", args[0])
		usage(env.stderr)
		return 2
	}
	return cmd.run(ctx, env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pinggu — security assessment of new internet technologies and services (互联网新技术新业务安全评估)")
	fmt.Fprintln(w, "\nUsage: pinggu <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'pinggu help <command>' for a command's flags.")
}
