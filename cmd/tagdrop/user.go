package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

const userSynopsis = `user add EMAIL [--role shopper|editor|admin] [--password-file F]
       tagdrop user list
       tagdrop user passwd EMAIL --password-file F
       tagdrop user role EMAIL ROLE
       tagdrop user verify EMAIL
       tagdrop user export EMAIL > FILE.json
       tagdrop user prefs EMAIL [--brand B]... [--size KIND=SYSTEM:VALUE]... [--category C]...
                          [--max-price AMOUNT] [--min-discount PCT] [--frequency daily|3x-week|weekly|off]
       tagdrop user delete EMAIL`

const userHelp = `Manages accounts from the command line, as the account and settings pages do. Every form
takes --db (default sqlite:tagdrop.db; TAGDROP_DB); run "tagdrop user SUBCOMMAND --help" for its flags.

  add      create an account (verified: the operator vouches for the address); without
           --password-file it signs in by e-mailed link only
  list     list accounts: id, address, role, whether a password is set, creation date
  passwd   set a new password (first line of --password-file); ends all its sessions
  role     change the role: shopper, editor or admin
  prefs    show or change a shopper's brands, sizes, categories and limits
  verify   mark the address confirmed, as the e-mailed verification link does
  export   print everything tagdrop holds on the account as JSON (the account page's download)
  delete   delete the account and everything personal hanging off it

Passwords are never taken as arguments (they would show in the process list and shell history).
`

func runUser(ctx context.Context, env *environment, args []string) error {
	return runSubcommands(ctx, env, args, userSynopsis, userHelp, []subcommand{
		{"add", userAdd}, {"list", userList}, {"passwd", userPasswd}, {"role", userRole}, {"prefs", userPrefs},
		{"verify", userVerify}, {"export", userExport}, {"delete", userDelete},
	})
}

// splitEmail takes the EMAIL positional argument wherever it stands among the flags.
func splitEmail(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

func openDB(ctx context.Context, loc string) (*store.DB, error) { return store.Open(ctx, loc) }

func readPasswordFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("password file: %w", err)
	}
	pw, _, _ := strings.Cut(string(b), "\n") // the first line only, as --help says
	pw = strings.TrimSuffix(pw, "\r")
	if len(pw) < account.MinPasswordLength {
		return "", fmt.Errorf("password in %s is shorter than %d characters", path, account.MinPasswordLength)
	}
	return pw, nil
}

func userAdd(ctx context.Context, env *environment, args []string) error {
	email, args := splitEmail(args)
	fs := flagSet(env, "user add", "user add EMAIL [--role shopper|editor|admin] [--password-file F]", "Creates an account. Without --password-file the account signs in by e-mailed link.")
	db := dbFlag(fs)
	role := fs.String("role", "shopper", "shopper, editor or admin")
	pwFile := fs.String("password-file", "", "file whose first line is the password (never pass passwords as arguments)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if email == "" && fs.NArg() == 1 {
		email = fs.Arg(0)
	} else if err := noArgs(fs); err != nil {
		return err
	}
	if email == "" {
		return fmt.Errorf("%w: user add needs an EMAIL", errUsage)
	}
	addr, err := account.NormalizeEmail(email)
	if err != nil {
		return err
	}
	r, err := account.ParseRole(*role)
	if err != nil {
		return err
	}
	hash := ""
	if *pwFile != "" {
		pw, err := readPasswordFile(*pwFile)
		if err != nil {
			return err
		}
		if hash, err = account.HashPassword(pw); err != nil {
			return err
		}
	}
	conn, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	u, err := conn.CreateUser(ctx, addr, r, hash, true)
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("an account for %s already exists", addr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "added %s (%s, id %d)\n", u.Email, u.Role, u.ID)
	return nil
}

func userList(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "user list", "user list [--db URL]", "Lists accounts.")
	db := dbFlag(fs)
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	users, err := conn.ListUsers(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tROLE\tPASSWORD\tCREATED")
	for _, u := range users {
		pw := "link only"
		if u.PasswordHash != "" {
			pw = "set"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Role, pw, u.CreatedAt.Format("2006-01-02"))
	}
	return tw.Flush()
}

// withUser opens the database and finds the account named on the command line.
func withUser(ctx context.Context, dbLoc, email string, fn func(*store.DB, account.User) error) error {
	if email == "" {
		return fmt.Errorf("%w: an EMAIL is needed", errUsage)
	}
	addr, err := account.NormalizeEmail(email)
	if err != nil {
		return err
	}
	conn, err := openDB(ctx, dbLoc)
	if err != nil {
		return err
	}
	defer conn.Close()
	u, err := conn.UserByEmail(ctx, addr)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no account for %s", addr)
	}
	if err != nil {
		return err
	}
	return fn(conn, u)
}

func userPasswd(ctx context.Context, env *environment, args []string) error {
	email, args := splitEmail(args)
	fs := flagSet(env, "user passwd", "user passwd EMAIL --password-file F", "Sets a new password and signs the account out everywhere.")
	db := dbFlag(fs)
	pwFile := fs.String("password-file", "", "file whose first line is the new password")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *pwFile == "" {
		return fmt.Errorf("%w: --password-file is required", errUsage)
	}
	pw, err := readPasswordFile(*pwFile)
	if err != nil {
		return err
	}
	hash, err := account.HashPassword(pw)
	if err != nil {
		return err
	}
	return withUser(ctx, *db, email, func(conn *store.DB, u account.User) error {
		if err := conn.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "password changed for %s; its sessions were ended\n", u.Email)
		return nil
	})
}

func userRole(ctx context.Context, env *environment, args []string) error {
	email, args := splitEmail(args)
	fs := flagSet(env, "user role", "user role EMAIL ROLE", "Changes an account's role (shopper, editor, admin).")
	db := dbFlag(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: user role needs EMAIL and ROLE", errUsage)
	}
	r, err := account.ParseRole(fs.Arg(0))
	if err != nil {
		return err
	}
	return withUser(ctx, *db, email, func(conn *store.DB, u account.User) error {
		if err := conn.SetRole(ctx, u.ID, r); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s is now %s\n", u.Email, r)
		return nil
	})
}

func userDelete(ctx context.Context, env *environment, args []string) error {
	return onUser(ctx, env, args, "user delete", "Deletes an account and everything personal tagdrop holds on it.",
		func(conn *store.DB, u account.User) error {
			if err := conn.DeleteUser(ctx, u.ID); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "deleted %s\n", u.Email)
			return nil
		})
}

// onUser runs a user subcommand that takes an EMAIL and the --db flag only: it parses them,
// finds the account and hands it to fn.
func onUser(ctx context.Context, env *environment, args []string, name, help string, fn func(*store.DB, account.User) error) error {
	email, args := splitEmail(args)
	fs := flagSet(env, name, name+" EMAIL", help)
	db := dbFlag(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	return withUser(ctx, *db, email, fn)
}

func userPrefs(ctx context.Context, env *environment, args []string) error {
	email, args := splitEmail(args)
	fs := flagSet(env, "user prefs", "user prefs EMAIL [--brand B]... [--size KIND=SYSTEM:VALUE]... [--category C]... [--max-price AMOUNT] [--min-discount PCT] [--frequency F]",
		"Shows a shopper's preferences, or changes the ones given. Repeatable flags replace the whole list.")
	db := dbFlag(fs)
	var brands, sizes, cats listFlag
	fs.Var(&brands, "brand", "a brand to follow (repeatable)")
	fs.Var(&sizes, "size", "a size worn, KIND=SYSTEM:VALUE, e.g. shoes=EU:38, tops=letter:M (repeatable)")
	fs.Var(&cats, "category", "a category wanted, by path or name (repeatable)")
	maxPrice := fs.String("max-price", "", "highest price wanted, e.g. 500 or 499.99 (0 for none)")
	minDiscount := fs.Int("min-discount", -1, "smallest discount wanted, in percent")
	freq := fs.String("frequency", "", "digest frequency: daily, 3x-week, weekly or off")
	currency := fs.String("currency", "", "the shopper's currency (ISO 4217)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, name := range []string{"brand", "size", "category", "max-price", "min-discount", "frequency", "currency"} {
		if env.getenv(envName(name)) != "" {
			set[name] = true
		}
	}
	return withUser(ctx, *db, email, func(conn *store.DB, u account.User) error {
		p, err := conn.Preferences(ctx, u.ID)
		if err != nil {
			return err
		}
		if set["brand"] {
			p.Brands = brands.values
		}
		if set["size"] {
			p.Sizes = nil
			for _, s := range sizes.values {
				sp, err := account.ParseSizePref(s)
				if err != nil {
					return err
				}
				p.Sizes = append(p.Sizes, sp)
			}
		}
		if set["category"] {
			p.Categories = cats.values
		}
		if set["currency"] {
			p.Currency = strings.ToUpper(*currency)
		}
		if set["max-price"] {
			v, err := catalog.ParseDecimal(*maxPrice, p.Currency)
			if err != nil {
				return fmt.Errorf("--max-price: %v", err)
			}
			p.MaxPrice = v
		}
		if set["min-discount"] {
			if *minDiscount < 0 || *minDiscount > 95 {
				return fmt.Errorf("--min-discount %d is not between 0 and 95", *minDiscount)
			}
			p.MinDiscountPct = *minDiscount
		}
		if set["frequency"] {
			f, err := account.ParseFrequency(*freq)
			if err != nil {
				return err
			}
			p.Frequency = f
		}
		if len(set) > 0 {
			if err := conn.SavePreferences(ctx, p); err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("%v (brands and categories must be in the catalogue)", err)
				}
				return err
			}
			if p, err = conn.Preferences(ctx, u.ID); err != nil {
				return err
			}
		}
		printPrefs(env, u, p)
		return nil
	})
}

func printPrefs(env *environment, u account.User, p account.Preferences) {
	w := env.stdout
	none := func(s []string) string {
		if len(s) == 0 {
			return "(any)"
		}
		return strings.Join(s, ", ")
	}
	var sizes []string
	for _, s := range p.Sizes {
		sizes = append(sizes, s.Kind+"="+s.System+":"+s.Value)
	}
	maxPrice := "(none)"
	if p.MaxPrice > 0 {
		maxPrice = catalog.FormatMoney(p.MaxPrice, p.Currency)
	}
	fmt.Fprintf(w, "%s\n  brands:       %s\n  sizes:        %s\n  categories:   %s\n  max price:    %s\n  min discount: %s%%\n  frequency:    %s\n",
		u.Email, none(p.Brands), none(sizes), none(p.Categories), maxPrice, strconv.Itoa(p.MinDiscountPct), p.Frequency)
}

func userVerify(ctx context.Context, env *environment, args []string) error {
	return onUser(ctx, env, args, "user verify", "Marks an account's e-mail address as confirmed, as its verification link does.",
		func(conn *store.DB, u account.User) error {
			if err := conn.MarkEmailVerified(ctx, u.ID); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "%s is confirmed\n", u.Email)
			return nil
		})
}

func userExport(ctx context.Context, env *environment, args []string) error {
	return onUser(ctx, env, args, "user export",
		"Prints everything tagdrop holds on an account as JSON (what the account page's download gives the shopper): the account without its password hash, preferences, loves, saved searches, sent items, digests, messages, push subscriptions, click-outs and the number of sessions.",
		func(conn *store.DB, u account.User) error {
			exp, err := conn.ExportUser(ctx, u.ID)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(env.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(exp)
		})
}
