package demo

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The demo's accounts. Their addresses are under .test, which can never receive mail.
const (
	ShopperEmail = "shopper@demo.tagdrop.test"
	EditorEmail  = "editor@demo.tagdrop.test"
)

// Settings keys the demo writes.
const (
	settingLoaded = "demo.loaded_at"
	// settingStarted marks a database the demo began to fill, so a load cut short may resume.
	settingStarted = "demo.started_at"
	// The demo accounts' passwords are kept in plain text so that every start of
	// `serve --demo` can print the login again. This is acceptable only because the accounts
	// are demo accounts in a demo database; real accounts keep only their argon2id hash.
	settingShopperPassword = "demo.shopper_password"
	settingEditorPassword  = "demo.editor_password"
)

// Importer is what the loader needs from the ingest package: *ingest.Importer is one.
type Importer interface {
	ImportFile(ctx context.Context, path string, opts ingest.Options) (ingest.Report, error)
}

// Credentials are the demo's logins, printed at start.
type Credentials struct {
	ShopperEmail, ShopperPassword string
	EditorEmail, EditorPassword   string
	// Reused says the database already held the demo, so nothing was loaded.
	Reused bool
}

// shopperBrands are the brands the demo shopper follows.
var shopperBrands = []string{"By Far", "Jacquemus", "See by Chloé", "Manu Atelier", "Ganni", "Toteme", "Staud", "Acne Studios"}

// shopperSizes are the sizes the demo shopper wears.
var shopperSizes = []account.SizePref{
	{Kind: "shoes", System: "EU", Value: "38"},
	{Kind: "tops", System: "letter", Value: "S"},
	{Kind: "dresses", System: "letter", Value: "S"},
	{Kind: "outerwear", System: "letter", Value: "S"},
	{Kind: "bottoms", System: "waist", Value: "27"},
}

// Load fills db with the demo unless it is already there: it generates the catalogue's feeds
// into a temporary folder, imports every snapshot oldest first through im (so the price history
// is the importer's own, exactly as for real feeds), then adds the demo shopper and editor, the
// collection and a welcome message in the outbox. One short line per stage goes to w.
//
// A database that already holds the demo is reused as it is, and only the logins are returned.
// A load cut short is not marked done, and the next Load completes it: imports, accounts,
// collection and message are all safe to repeat.
//
// opts.Today defaults to the current date, so the demo's sales are always recent.
func Load(ctx context.Context, db *store.DB, im Importer, logger *slog.Logger, w io.Writer, opts Options) (Credentials, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if at, err := db.Setting(ctx, settingLoaded); err == nil {
		c, err := savedCredentials(ctx, db)
		if err == nil {
			fmt.Fprintf(w, "demo: reusing the demo data loaded %s\n", at)
		}
		return c, err
	} else if !errors.Is(err, store.ErrNotFound) {
		return Credentials{}, err
	}
	if err := checkEmpty(ctx, db); err != nil {
		return Credentials{}, err
	}
	if err := db.SetSetting(ctx, settingStarted, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return Credentials{}, fmt.Errorf("demo: %w", err)
	}
	start := time.Now()
	if opts.Today.IsZero() {
		opts.Today = time.Now().UTC()
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	cat := Generate(opts)
	dir, err := os.MkdirTemp("", "tagdrop-demo-")
	if err != nil {
		return Credentials{}, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	m, err := WriteFeeds(dir, cat)
	if err != nil {
		return Credentials{}, fmt.Errorf("demo: write feeds: %w", err)
	}
	fmt.Fprintf(w, "demo: generated %d products and %d offers from %d shops over %d days\n",
		m.Products, m.Offers, len(m.Retailers), cat.Options.Days)
	if err := importSnapshots(ctx, im, logger, w, dir, m, cat.Snapshots); err != nil {
		return Credentials{}, err
	}
	creds, err := createAccounts(ctx, db)
	if err != nil {
		return Credentials{}, err
	}
	fmt.Fprintf(w, "demo: created %s and %s\n", creds.ShopperEmail, creds.EditorEmail)
	if _, err := db.CreateCollection(ctx, Collection(time.Now())); err != nil && !errors.Is(err, store.ErrConflict) {
		return Credentials{}, fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(w, "demo: published the collection %q\n", "The Micro Bags of 2021")
	if err := queueWelcome(ctx, db, cat); err != nil {
		return Credentials{}, err
	}
	if err := db.SetSetting(ctx, settingLoaded, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return Credentials{}, fmt.Errorf("demo: %w", err)
	}
	took := time.Since(start).Round(10 * time.Millisecond)
	fmt.Fprintf(w, "demo: ready in %s; a welcome e-mail is waiting in the outbox\n", took)
	logger.Info("demo loaded", "products", m.Products, "offers", m.Offers, "duration_ms", took.Milliseconds())
	return creds, nil
}

// ErrNotEmpty means the database holds data that is not the demo's: the demo never mixes its
// sample shops, accounts and open outbox into a real catalogue.
var ErrNotEmpty = errors.New("the database already holds data that is not the demo")

// checkEmpty refuses a database with users, retailers or products unless the demo itself began
// filling it (a load cut short, which Load resumes).
func checkEmpty(ctx context.Context, db *store.DB) error {
	if _, err := db.Setting(ctx, settingStarted); err == nil {
		return nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	for _, table := range []string{"users", "retailers", "products"} {
		n, err := db.CountRows(ctx, table)
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("demo: %s has %d %s: %w; --demo fills only an empty database (use another --db)", db, n, table, ErrNotEmpty)
		}
	}
	return nil
}

// importSnapshots imports the feeds in manifest order, each as the full catalogue of its shop
// seen on the snapshot's date.
func importSnapshots(ctx context.Context, im Importer, logger *slog.Logger, w io.Writer, dir string, m Manifest, days []time.Time) error {
	for i, s := range m.Snapshots {
		if i == 0 || (i+1)%10 == 0 || i == len(m.Snapshots)-1 {
			fmt.Fprintf(w, "demo: importing snapshot %d/%d (%s)\n", i+1, len(m.Snapshots), s.Date)
		}
		for _, f := range s.Files {
			rep, err := im.ImportFile(ctx, filepath.Join(dir, filepath.FromSlash(f.Path)), ingest.Options{
				Retailer: f.Retailer, Format: "gmc-xml", ObservedAt: days[i], Full: true,
				// A start cut short in another container may still hold the retailer until its
				// heartbeat lapses.
				WaitBusy: store.FeedRunLease + 10*time.Second,
			})
			if errors.Is(err, ingest.ErrStale) {
				continue // imported by an earlier start that was cut short: resume after it
			}
			if err != nil {
				return fmt.Errorf("demo: import %s: %w", f.Path, err)
			}
			if rep.Rejected > 0 {
				// The generator should never write an item the importer refuses: say so loudly.
				logger.Warn("demo feed items rejected", "feed", f.Path, "rejected", rep.Rejected, "first", rep.Errors)
			}
		}
	}
	return nil
}

// createAccounts makes (or, after a load cut short, resets) the demo shopper and editor and
// stores their passwords for later starts.
func createAccounts(ctx context.Context, db *store.DB) (Credentials, error) {
	c := Credentials{ShopperEmail: ShopperEmail, EditorEmail: EditorEmail}
	var err error
	if c.ShopperPassword, err = newPassword(); err != nil {
		return c, err
	}
	if c.EditorPassword, err = newPassword(); err != nil {
		return c, err
	}
	shopper, err := ensureUser(ctx, db, ShopperEmail, account.Shopper, c.ShopperPassword)
	if err != nil {
		return c, err
	}
	if _, err := ensureUser(ctx, db, EditorEmail, account.Editor, c.EditorPassword); err != nil {
		return c, err
	}
	for _, b := range shopperBrands {
		// A small catalogue may lack one; following a brand with nothing in stock is fine.
		if _, err := db.EnsureBrand(ctx, b); err != nil {
			return c, fmt.Errorf("demo: %w", err)
		}
	}
	prefs := account.Preferences{
		UserID: shopper.ID, Brands: shopperBrands, Sizes: shopperSizes, Currency: "EUR",
		HideQuestionable: true, Frequency: account.Daily, DigestHour: 8, TimeZone: "Europe/Paris",
	}
	if err := db.SavePreferences(ctx, prefs); err != nil {
		return c, fmt.Errorf("demo: shopper preferences: %w", err)
	}
	for key, v := range map[string]string{settingShopperPassword: c.ShopperPassword, settingEditorPassword: c.EditorPassword} {
		if err := db.SetSetting(ctx, key, v); err != nil {
			return c, fmt.Errorf("demo: %w", err)
		}
	}
	return c, nil
}

func ensureUser(ctx context.Context, db *store.DB, email string, role account.Role, password string) (account.User, error) {
	hash, err := account.HashPassword(password)
	if err != nil {
		return account.User{}, err
	}
	u, err := db.CreateUser(ctx, email, role, hash, true)
	if errors.Is(err, store.ErrConflict) {
		if u, err = db.UserByEmail(ctx, email); err != nil {
			return u, fmt.Errorf("demo: %w", err)
		}
		err = db.SetPassword(ctx, u.ID, hash)
	}
	if err != nil {
		return u, fmt.Errorf("demo: %w", err)
	}
	return u, nil
}

func savedCredentials(ctx context.Context, db *store.DB) (Credentials, error) {
	c := Credentials{ShopperEmail: ShopperEmail, EditorEmail: EditorEmail, Reused: true}
	var err error
	if c.ShopperPassword, err = db.Setting(ctx, settingShopperPassword); err != nil {
		return c, fmt.Errorf("demo: %w", err)
	}
	if c.EditorPassword, err = db.Setting(ctx, settingEditorPassword); err != nil {
		return c, fmt.Errorf("demo: %w", err)
	}
	return c, nil
}

// passwordWords make demo passwords easy to type from a terminal.
var passwordWords = []string{"micro", "chain", "clasp", "tote", "suede", "lime", "cream", "charm", "strap", "purse",
	"velvet", "satin", "tweed", "linen", "croc", "loafer", "mule", "slingback"}

// newPassword makes a demo password such as "lime-clasp-4821" from crypto/rand.
func newPassword() (string, error) {
	pick := func(n int) (int, error) {
		v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
		if err != nil {
			return 0, fmt.Errorf("demo: password: %w", err)
		}
		return int(v.Int64()), nil
	}
	var parts []string
	for len(parts) < 2 {
		j, err := pick(len(passwordWords))
		if err != nil {
			return "", err
		}
		if len(parts) == 0 || parts[0] != passwordWords[j] {
			parts = append(parts, passwordWords[j])
		}
	}
	d, err := pick(9000)
	if err != nil {
		return "", err
	}
	return strings.Join(parts, "-") + fmt.Sprintf("-%04d", 1000+d), nil
}
