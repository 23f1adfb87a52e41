// Command pinggu runs the security assessment platform for new internet
// technologies and new services: the web server, background workers and the
// operator's command-line tools, all in one binary.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
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
	if len(args) > 1 && args[0] == "help" {
		return commandHelp(ctx, env, args[1:])
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
	fmt.Fprintln(w, "\nRun 'pinggu help <command>' (or 'pinggu <command> -h') for a command's usage and flags.")
}

// commandHelp prints a command's own usage on standard output: what the
// command prints for -h, from its "Usage:" line on. Every command answers
// -h with its usage and does nothing else; one that reads -h as a missing
// subcommand ("-h" is not …) prints its usage when given no arguments.
func commandHelp(ctx context.Context, env *cliEnv, args []string) int {
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "pinggu help: unknown command %q\n\n", args[0])
		usage(env.stderr)
		return 2
	}
	capture := func(a []string) string {
		var buf bytes.Buffer
		cmd.run(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &buf, stderr: &buf}, a)
		return buf.String()
	}
	text := capture(append(append([]string{}, args[1:]...), "-h"))
	if !strings.Contains(text, "Usage:") && strings.Contains(text, `"-h"`) {
		text = capture(args[1:])
	}
	if i := strings.Index(text, "Usage:"); i >= 0 {
		text = text[i:]
	}
	fmt.Fprintf(env.stdout, "pinggu %s — %s\n\n%s", args[0], cmd.summary, text)
	return 0
}
