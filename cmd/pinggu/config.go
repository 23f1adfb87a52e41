package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/mail"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/store"
)

// dbFlags are the flags every command that opens the database shares. Each
// has an environment variable so a service unit needs no long command line.
type dbFlags struct {
	data        string
	databaseURL string
	auditHash   string
	logFormat   string
	logLevel    string
	timezone    string
}

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", envOr("PINGGU_DATA", "pinggu-data"), "directory for the SQLite database and evidence files (env PINGGU_DATA)")
	fs.StringVar(&f.databaseURL, "database-url", os.Getenv("PINGGU_DATABASE_URL"), "PostgreSQL URL (postgres://…); empty uses SQLite under --data (env PINGGU_DATABASE_URL)")
	fs.StringVar(&f.auditHash, "audit-hash", envOr("PINGGU_AUDIT_HASH", pinggu.HashSHA256), "hash of the audit chain: sha256 or sm3 (env PINGGU_AUDIT_HASH)")
	fs.StringVar(&f.logFormat, "log-format", envOr("PINGGU_LOG_FORMAT", "text"), "log format: text or json (env PINGGU_LOG_FORMAT)")
	fs.StringVar(&f.logLevel, "log-level", envOr("PINGGU_LOG_LEVEL", "info"), "log level: debug, info, warn, error (env PINGGU_LOG_LEVEL)")
	fs.StringVar(&f.timezone, "timezone", envOr("PINGGU_TIMEZONE", "CST"), "zone dates and times are shown in: CST (China Standard Time), UTC, an offset like +08:00 or an IANA name; stored times stay UTC (env PINGGU_TIMEZONE)")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// logger builds the structured logger the flags ask for.
func (f *dbFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %q is not one of debug, info, warn, error", f.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch f.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format: %q is not text or json", f.logFormat)
}

// open opens (and migrates) the database the flags name, creating it if
// there is none.
func (f *dbFlags) open(ctx context.Context, log *slog.Logger) (*store.DB, error) {
	return f.openDB(ctx, log, false)
}

// openExisting opens the database the flags name, refusing (with the path)
// if there is none: commands that read must not create an empty one where
// the operator mistyped --data or forgot it.
func (f *dbFlags) openExisting(ctx context.Context, log *slog.Logger) (*store.DB, error) {
	return f.openDB(ctx, log, true)
}

// openDB also sets the zone dates and times are shown in, which every
// command that reads the database shows or writes (reminder texts among
// them).
func (f *dbFlags) openDB(ctx context.Context, log *slog.Logger, mustExist bool) (*store.DB, error) {
	loc, err := pinggu.LoadZone(f.timezone)
	if err != nil {
		return nil, fmt.Errorf("--timezone: %w", err)
	}
	pinggu.SetZone(loc)
	if f.auditHash != pinggu.HashSHA256 && f.auditHash != pinggu.HashSM3 {
		return nil, fmt.Errorf("--audit-hash: %q is not sha256 or sm3", f.auditHash)
	}
	if f.databaseURL != "" && !strings.HasPrefix(f.databaseURL, "postgres://") && !strings.HasPrefix(f.databaseURL, "postgresql://") {
		return nil, fmt.Errorf("--database-url: only postgres:// URLs are supported")
	}
	if f.databaseURL == "" && !mustExist {
		if err := os.MkdirAll(f.data, 0o750); err != nil {
			return nil, fmt.Errorf("--data: %w", err)
		}
	}
	return store.Open(ctx, store.Config{DataDir: f.data, DatabaseURL: f.databaseURL, AuditHash: f.auditHash, Logger: log, MustExist: mustExist})
}

// systemCtx is the context for operator commands run on the server itself:
// they act as the platform, and their audit entries say so.
func systemCtx(ctx context.Context) context.Context {
	return pinggu.WithActor(ctx, pinggu.SystemActor)
}

// newFlagSet returns a flag set that reports errors to env.stderr instead of
// exiting, so commands are testable.
func newFlagSet(env *cliEnv, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: pinggu %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// fail prints an error the way every command does and returns exit status 1.
func fail(env *cliEnv, cmd string, err error) int {
	msg := err.Error()
	if pe := pinggu.ErrorFields(err); len(pe) > 0 {
		msg = pinggu.ErrorMessage(err)
		for _, f := range pe {
			if f.Line > 0 {
				msg += fmt.Sprintf("\n  line %d: %s: %s", f.Line, f.Field, f.Message)
			} else {
				msg += fmt.Sprintf("\n  %s: %s", f.Field, f.Message)
			}
		}
	}
	fmt.Fprintf(env.stderr, "pinggu %s: %s\n", cmd, msg)
	return 1
}

// deliveryFlags configure where reminders go out: a webhook and an SMTP
// server. serve and worker share them, since either may work the jobs.
type deliveryFlags struct {
	webhookURL, webhookSecret                        string
	smtpHost, smtpPort, smtpFrom, smtpUser, smtpPass string
}

func (f *deliveryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.webhookURL, "webhook-url", os.Getenv("PINGGU_WEBHOOK_URL"), "URL reminders are POSTed to as JSON; empty sends none (env PINGGU_WEBHOOK_URL)")
	fs.StringVar(&f.webhookSecret, "webhook-secret", os.Getenv("PINGGU_WEBHOOK_SECRET"), "key of the HMAC-SHA256 signature in X-Pinggu-Signature; prefer the env var (env PINGGU_WEBHOOK_SECRET)")
	fs.StringVar(&f.smtpHost, "smtp-host", os.Getenv("PINGGU_SMTP_HOST"), "SMTP server reminders are e-mailed through; empty sends none (env PINGGU_SMTP_HOST)")
	fs.StringVar(&f.smtpPort, "smtp-port", envOr("PINGGU_SMTP_PORT", "587"), "SMTP port; STARTTLS is used when offered (env PINGGU_SMTP_PORT)")
	fs.StringVar(&f.smtpFrom, "smtp-from", os.Getenv("PINGGU_SMTP_FROM"), "sender address of reminder e-mails (env PINGGU_SMTP_FROM)")
	fs.StringVar(&f.smtpUser, "smtp-user", os.Getenv("PINGGU_SMTP_USER"), "SMTP username; empty sends without authentication (env PINGGU_SMTP_USER)")
	fs.StringVar(&f.smtpPass, "smtp-password", os.Getenv("PINGGU_SMTP_PASSWORD"), "SMTP password; prefer the env var (env PINGGU_SMTP_PASSWORD)")
}

// apply checks the flags and sets them in o.
func (f *deliveryFlags) apply(o jobs.Options) (jobs.Options, error) {
	if f.webhookURL != "" {
		u, err := url.Parse(f.webhookURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return o, fmt.Errorf("--webhook-url: %q is not an http(s) URL", f.webhookURL)
		}
		if f.webhookSecret == "" {
			return o, errors.New("--webhook-secret: required with --webhook-url, so receivers can verify the signature")
		}
		o.Webhook = jobs.Webhook{URL: f.webhookURL, Secret: f.webhookSecret}
	}
	if f.smtpHost != "" {
		port, err := strconv.Atoi(f.smtpPort)
		if err != nil || port < 1 || port > 65535 {
			return o, fmt.Errorf("--smtp-port: %q is not a port number", f.smtpPort)
		}
		if _, err := mail.ParseAddress(f.smtpFrom); err != nil {
			return o, fmt.Errorf("--smtp-from: %q is not an e-mail address", f.smtpFrom)
		}
		if (f.smtpUser == "") != (f.smtpPass == "") {
			return o, errors.New("--smtp-user and --smtp-password go together")
		}
		o.SMTP = jobs.SMTP{Host: f.smtpHost, Port: port, From: f.smtpFrom, Username: f.smtpUser, Password: f.smtpPass}
	}
	return o, nil
}
