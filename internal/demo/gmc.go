package demo

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// gmcNamespace is the Google Merchant Center namespace of the g: elements.
const gmcNamespace = "http://base.google.com/ns/1.0"

// writeGMC writes retailer r's feed for snapshot k as Google Merchant Center RSS 2.0: one item
// per size of every product the shop lists in that snapshot. It writes by hand rather than
// through encoding/xml's marshaller so the bytes (element order, indentation) never change.
func writeGMC(w io.Writer, c *Catalogue, r Retailer, k int) (items int, err error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<rss version="2.0" xmlns:g="` + gmcNamespace + `">` + "\n<channel>\n")
	el(bw, "  ", "title", r.Name)
	el(bw, "  ", "link", r.Website)
	el(bw, "  ", "description", r.Name+" product feed (tagdrop demo data)")
	for _, p := range c.Products {
		for _, l := range p.Listings {
			if l.Retailer != r.Slug || !l.Points[k].Listed {
				continue
			}
			items += writeItems(bw, r, p, l.Points[k])
		}
	}
	bw.WriteString("</channel>\n</rss>\n")
	return items, bw.Flush()
}

func writeItems(bw *bufio.Writer, r Retailer, p Product, pt Point) int {
	// Every shop writes the same title for the same product: tagdrop keeps one set of product
	// fields, and titles that differ by shop would make each import rewrite them.
	title := p.Title
	link := r.Website + "/p/" + catalog.Slug(p.Brand+" "+p.Title+" "+p.Colour) + "-" + strings.ToLower(p.MPN)
	for i, size := range p.Sizes {
		bw.WriteString("  <item>\n")
		g := func(name, value string) {
			if value != "" {
				el(bw, "    ", "g:"+name, value)
			}
		}
		g("id", p.MPN+"-"+sizeCode(size))
		g("item_group_id", p.MPN)
		g("title", title)
		g("description", p.Description)
		if p.sizing == oneSize {
			g("link", link)
		} else {
			g("link", link+"?size="+size)
		}
		g("image_link", p.Image)
		g("brand", p.Brand)
		g("mpn", p.MPN)
		g("condition", "new")
		g("price", catalog.FormatDecimal(pt.Regular, r.Currency)+" "+r.Currency)
		if pt.Price < pt.Regular {
			g("sale_price", catalog.FormatDecimal(pt.Price, r.Currency)+" "+r.Currency)
		}
		avail := "out of stock"
		if pt.InStock[i] {
			avail = "in stock"
		}
		g("availability", avail)
		g("google_product_category", p.Google)
		g("product_type", p.ProductType)
		g("color", p.Colour)
		g("size", size)
		g("size_system", p.SizeSystem)
		g("gender", "female")
		g("age_group", "adult")
		g("material", p.Material)
		bw.WriteString("  </item>\n")
	}
	return len(p.Sizes)
}

// el writes <name>escaped value</name> on its own line.
func el(bw *bufio.Writer, indent, name, value string) {
	bw.WriteString(indent + "<" + name + ">")
	_ = xml.EscapeText(bw, []byte(value))
	bw.WriteString("</" + name + ">\n")
}

// sizeCode is a size's part of an item id.
func sizeCode(size string) string {
	if size == "One Size" {
		return "OS"
	}
	return size
}
