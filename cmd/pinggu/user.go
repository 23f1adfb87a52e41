package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
)

func init() {
	register("user", "manage accounts: add, passwd, list, unlock", cmdUser)
}

const userUsage = `user <subcommand> [flags]

Subcommands:
  add     --username U --name N --role R [--org ID] [--province CODE] [--email E] [--password P]
  passwd  USERNAME [--password P]     set a new password (the user must change it at next login)
  unlock  USERNAME                    clear a lock-out after failed logins
  list    [--role R] [--q TEXT]

Roles: ` + "ministry_officer, bureau_officer, enterprise_admin, enterprise_assessor, support_analyst, third_party_assessor, partner_viewer, auditor, system_admin" + `
Without --password a strong password is generated and printed once.`

func cmdUser(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, "Usage: pinggu "+userUsage)
		return 2
	}
	sub, args := args[0], args[1:]
	var df dbFlags
	fs := newFlagSet(env, "user "+sub, userUsage)
	df.register(fs)
	var u pinggu.User
	var password, role, query string
	switch sub {
	case "add":
		fs.StringVar(&u.Username, "username", "", "login name (lower-case letters, digits, . _ -)")
		fs.StringVar(&u.Name, "name", "", "full name")
		fs.StringVar(&role, "role", "", "role")
		fs.Int64Var(&u.OrgID, "org", 0, "organisation id (enterprise, third-party and partner roles)")
		fs.StringVar(&u.Province, "province", "", "GB/T 2260 province code or name (bureau officers)")
		fs.StringVar(&u.Email, "email", "", "e-mail address")
		fs.StringVar(&password, "password", "", "initial password")
	case "passwd":
		fs.StringVar(&password, "password", "", "new password")
	case "list":
		fs.StringVar(&role, "role", "", "only this role")
		fs.StringVar(&query, "q", "", "search username or name")
	case "unlock":
	default:
		fmt.Fprintf(env.stderr, "pinggu user: unknown subcommand %q\nUsage: pinggu %s\n", sub, userUsage)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "user", err)
	}
	// Adding the first account may create the database; the others need
	// accounts to be there.
	open := df.openExisting
	if sub == "add" {
		open = df.open
	}
	db, err := open(ctx, log)
	if err != nil {
		return fail(env, "user", err)
	}
	defer db.Close()
	ctx = systemCtx(ctx)

	switch sub {
	case "add":
		u.Role = pinggu.Role(role)
		if u.Province != "" {
			if p, ok := pinggu.ProvinceByName(u.Province); ok {
				u.Province = p.Code
			}
		}
		generated := password == ""
		if generated {
			password = generatePassword()
		}
		if err := db.CreateUser(ctx, &u, password); err != nil {
			return fail(env, "user add", err)
		}
		fmt.Fprintf(env.stdout, "user %s (id %d, %s) created\n", u.Username, u.ID, u.Role)
		if generated {
			fmt.Fprintf(env.stdout, "initial password: %s\n(shown once; the user must change it at first login)\n", password)
		}
	case "passwd", "unlock":
		if fs.NArg() != 1 {
			fmt.Fprintf(env.stderr, "pinggu user %s: give exactly one USERNAME\n", sub)
			return 2
		}
		target, err := findUser(ctx, db, fs.Arg(0))
		if err != nil {
			return fail(env, "user "+sub, err)
		}
		if sub == "unlock" {
			if err := db.UnlockUser(ctx, target.ID); err != nil {
				return fail(env, "user unlock", err)
			}
			fmt.Fprintf(env.stdout, "user %s unlocked\n", target.Username)
			return 0
		}
		generated := password == ""
		if generated {
			password = generatePassword()
		}
		ended, err := db.ResetPassword(ctx, target.ID, password)
		if err != nil {
			return fail(env, "user passwd", err)
		}
		fmt.Fprintf(env.stdout, "password of %s reset; the user must change it at next login (%d sessions ended, %d API tokens revoked)\n",
			target.Username, ended.Sessions, ended.Tokens)
		if generated {
			fmt.Fprintf(env.stdout, "new password: %s\n", password)
		}
	case "list":
		users, total, err := db.ListUsers(ctx, pinggu.UserFilter{Role: pinggu.Role(role), Query: query, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "username"}})
		if err != nil {
			return fail(env, "user list", err)
		}
		tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tUSERNAME\tNAME\tROLE\tORGANISATION\tPROVINCE\tSTATE")
		for _, u := range users {
			state := "active"
			switch {
			case u.Disabled:
				state = "disabled"
			case u.LockedUntil != nil:
				state = "locked"
			}
			prov := u.Province
			if p, ok := pinggu.LookupProvince(u.Province); ok {
				prov = p.Name
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", u.ID, u.Username, u.Name, u.Role, u.OrgName, prov, state)
		}
		tw.Flush()
		if total > len(users) {
			fmt.Fprintf(env.stdout, "(%d of %d shown; narrow with --role or --q)\n", len(users), total)
		}
	}
	return 0
}

// findUser looks an account up by exact username.
func findUser(ctx context.Context, db *store.DB, username string) (*pinggu.User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	users, _, err := db.ListUsers(ctx, pinggu.UserFilter{Query: username, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.Username == username {
			return u, nil
		}
	}
	return nil, pinggu.Errorf(pinggu.ENOTFOUND, "no user %q", username)
}

// generatePassword makes a 16-character password that meets the policy:
// letters of both cases, digits and a symbol, from an alphabet without
// look-alike characters.
func generatePassword() string {
	const (
		upper  = "ABCDEFGHJKLMNPQRSTUVWXYZ"
		lower  = "abcdefghijkmnpqrstuvwxyz"
		digits = "23456789"
		symbol = "@#%+=-_"
	)
	all := upper + lower + digits + symbol
	for {
		b := make([]byte, 16)
		for i := range b {
			b[i] = all[randIndex(len(all))]
		}
		if pinggu.ValidatePassword(string(b)) == nil && strings.ContainsAny(string(b), symbol) {
			return string(b)
		}
	}
}

func randIndex(n int) int {
	var b [1]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			panic(errors.New("no randomness: " + err.Error()))
		}
		// Reject the tail of the byte range so every index is equally likely.
		if int(b[0]) < 256-256%n {
			return int(b[0]) % n
		}
	}
}
