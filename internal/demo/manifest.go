package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ManifestFile is the name of the manifest in a generated folder.
const ManifestFile = "manifest.json"

// Manifest describes a generated folder: its shops and, oldest first, the feed snapshots to
// import in order, each with the date it stands for.
type Manifest struct {
	Generator string       `json:"generator"`
	Seed      uint64       `json:"seed"`
	Today     string       `json:"today"`
	Days      int          `json:"days"`
	Step      int          `json:"step"`
	Products  int          `json:"products"`
	Offers    int          `json:"offers"`
	Retailers []Retailer   `json:"retailers"`
	Snapshots []Snapshot   `json:"snapshots"`
	Shoppers  string       `json:"shoppers,omitempty"`
	Images    string       `json:"images"`
	Format    string       `json:"format"`
	Stats     SnapshotStat `json:"final"`
}

// Snapshot is one date's feeds.
type Snapshot struct {
	Date  string `json:"date"` // YYYY-MM-DD
	Files []File `json:"files"`
}

// File is one retailer's feed in a snapshot; Path is relative to the manifest's folder.
type File struct {
	Retailer string `json:"retailer"` // retailer name, as given to the importer
	Path     string `json:"path"`
	Items    int    `json:"items"`
}

// SnapshotStat counts what the last snapshot holds.
type SnapshotStat struct {
	Offers         int `json:"offers"`
	Products       int `json:"products"`
	ProductsOnSale int `json:"products_on_sale"`
}

// WriteFeeds writes the catalogue's feeds and manifest.json (and shoppers.jsonl when
// c.Options.Users > 0) into dir, which is created if needed.
func WriteFeeds(dir string, c *Catalogue) (Manifest, error) {
	o := c.Options
	m := Manifest{
		Generator: "tagdrop gen", Seed: o.Seed, Today: o.Today.Format(dateLayout), Days: o.Days, Step: o.Step,
		Products: len(c.Products), Offers: c.OfferCount(), Retailers: c.Retailers,
		Images: "/static/demo/img/", Format: "gmc-xml", Stats: c.Final(),
	}
	for k, day := range c.Snapshots {
		s := Snapshot{Date: day.Format(dateLayout)}
		for _, r := range c.Retailers {
			rel := filepath.ToSlash(filepath.Join("feeds", s.Date, r.Slug+".xml"))
			var buf bytes.Buffer
			n, err := writeGMC(&buf, c, r, k)
			if err != nil {
				return m, err
			}
			if n == 0 {
				continue
			}
			if err := writeFile(filepath.Join(dir, rel), buf.Bytes()); err != nil {
				return m, err
			}
			s.Files = append(s.Files, File{Retailer: r.Name, Path: rel, Items: n})
		}
		m.Snapshots = append(m.Snapshots, s)
	}
	if o.Users > 0 {
		m.Shoppers = ShoppersFile
		if err := WriteShoppersFile(filepath.Join(dir, ShoppersFile), o.Seed, o.Users); err != nil {
			return m, err
		}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, err
	}
	return m, writeFile(filepath.Join(dir, ManifestFile), append(b, '\n'))
}

// ReadManifest reads dir/manifest.json.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return m, fmt.Errorf("read demo manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("demo manifest %s: %w", filepath.Join(dir, ManifestFile), err)
	}
	return m, nil
}

const dateLayout = "2006-01-02"

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// OfferCount is the number of distinct offers (retailer, product, size) over the whole history.
func (c *Catalogue) OfferCount() int {
	n := 0
	for _, p := range c.Products {
		n += len(p.Listings) * len(p.Sizes)
	}
	return n
}

// Final counts the last snapshot.
func (c *Catalogue) Final() SnapshotStat {
	var s SnapshotStat
	last := len(c.Snapshots) - 1
	for _, p := range c.Products {
		listed, sale := false, false
		for _, l := range p.Listings {
			pt := l.Points[last]
			if pt.Listed {
				listed = true
				s.Offers += len(p.Sizes)
				sale = sale || pt.OnSale()
			}
		}
		if listed {
			s.Products++
		}
		if sale {
			s.ProductsOnSale++
		}
	}
	return s
}
