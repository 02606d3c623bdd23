package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

const brandSynopsis = `brand list [--unknown] [--json]
       tagdrop brand merge [--json] FROM INTO`

const brandHelp = `Looks after the catalogue's brands. Imports create a brand for every name they do not know
(a typo, a retailer's own spelling); merging one into the right brand fixes that for good.
Every form takes --db (default sqlite:tagdrop.db; TAGDROP_DB).

  list     every brand with its products and followers; --unknown keeps only brands that are
           not in tagdrop's bundled brand directory (the usual candidates for a merge)
  merge    merge brand FROM into brand INTO (each by name, slug or alias): FROM's products,
           followers and clicks move to INTO, products INTO already had are merged, FROM's names
           become aliases of INTO (later imports that say FROM land on INTO), and FROM is deleted
`

func runBrand(ctx context.Context, env *environment, args []string) error {
	return runSubcommands(ctx, env, args, brandSynopsis, brandHelp, []subcommand{{"list", brandList}, {"merge", brandMerge}})
}

// brandJSON is one brand in `tagdrop brand list --json`.
type brandJSON struct {
	ID        int64  `json:"id"`
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	Products  int    `json:"products"`
	Followers int    `json:"followers"`
	Known     bool   `json:"known"` // in the bundled brand directory
}

func brandList(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "brand list", "brand list [--unknown] [--json] [--db URL]", "Lists brands with their products and followers.")
	db := dbFlag(fs)
	unknown := fs.Bool("unknown", false, "only brands that are not in the bundled brand directory")
	asJSON := fs.Bool("json", false, "print JSON")
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	counts, err := conn.BrandCounts(ctx)
	if err != nil {
		return err
	}
	directory := catalog.DefaultBrands()
	out := []brandJSON{}
	for _, b := range counts {
		_, known := directory.LookupBrand(b.Name)
		if *unknown && known {
			continue
		}
		out = append(out, brandJSON{ID: b.ID, Slug: b.Slug, Name: b.Name, Products: b.Products, Followers: b.Followers, Known: known})
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tBRAND\tSLUG\tPRODUCTS\tFOLLOWERS\tDIRECTORY")
	for _, b := range out {
		dir := "known"
		if !b.Known {
			dir = "unknown"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\n", b.ID, b.Name, b.Slug, b.Products, b.Followers, dir)
	}
	return tw.Flush()
}

// brandMergeJSON is `tagdrop brand merge --json`.
type brandMergeJSON struct {
	From           brandJSON `json:"from"`
	Into           brandJSON `json:"into"`
	Products       int       `json:"products"`
	MergedProducts int       `json:"merged_products"`
	Followers      int       `json:"followers"`
	Aliases        []string  `json:"aliases"`
}

func brandMerge(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "brand merge", "brand merge [--json] [--db URL] FROM INTO", "Merges brand FROM into brand INTO; FROM's names become aliases of INTO.")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: brand merge needs FROM and INTO, got %d argument(s) (see tagdrop brand merge --help)", errUsage, len(pos))
	}
	conn, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	m, err := conn.MergeBrands(ctx, pos[0], pos[1])
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.stdout).Encode(brandMergeJSON{
			From: brandJSON{ID: m.From.ID, Slug: m.From.Slug, Name: m.From.Name}, Into: brandJSON{ID: m.Into.ID, Slug: m.Into.Slug, Name: m.Into.Name},
			Products: m.Products, MergedProducts: m.MergedProducts, Followers: m.Followers, Aliases: m.Aliases})
	}
	fmt.Fprintf(env.stdout, "merged %s into %s: %d products moved (%d of them merged with one %s already had), %d followers moved; %s now lead to %s\n",
		m.From.Name, m.Into.Name, m.Products, m.MergedProducts, m.Into.Name, m.Followers, quoteList(m.Aliases), m.Into.Name)
	return nil
}

// quoteList writes names as "a", "b" and "c".
func quoteList(names []string) string {
	s := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			s += " and "
		default:
			s += ", "
		}
		s += fmt.Sprintf("%q", n)
	}
	return s
}
