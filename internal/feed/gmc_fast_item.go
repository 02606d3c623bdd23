package feed

import "bytes"

// itemScanner is the scratch that scanItem reuses from item to item, with the root's namespaces
// that setField reads. The reader has one for the items it scans itself and every parallel chunk
// has its own, so that goroutines scanning different chunks share nothing they write.
type itemScanner struct {
	ns      map[string]string // the root element's namespace declarations ("" is the default); read-only once set
	text    []byte            // a field's text
	scratch []byte            // text that is checked, not kept
	open    [][]byte          // open elements inside an item
	attrs   []rawAttr         // a tag's attributes
	names   map[string]string // field names seen, so that they are allocated once
	// currency is Options.Currency, for prices that name none; read-only once set.
	currency string
}

// scanItem reads an item's body, b starting just after its start tag <name>, up to and
// including its end tag, returning the bytes used. It fills the item as gmcReader.decodeItem
// does: direct child elements are fields, nested ones are skipped text and all, g: fields win
// over unprefixed ones, an empty <link> takes its href attribute.
func (r *itemScanner) scanItem(b []byte, name string) (Item, int, bool) {
	var it Item
	depth := 0
	open := r.open[:0] // names of the open elements inside the item
	var field, href, currency []byte
	hasHref := false
	text := r.text[:0]
	var ok bool
	for i := 0; ; {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return it, 0, false
		}
		if lt > 0 {
			seg := b[i : i+lt]
			if depth == 1 {
				if text, ok = xmlText(text, seg, false); !ok {
					return it, 0, false
				}
			} else if !allSpace(seg) {
				if r.scratch, ok = xmlText(r.scratch[:0], seg, false); !ok {
					return it, 0, false
				}
			}
		}
		i += lt
		rest := b[i:]
		if bytes.HasPrefix(rest, []byte("<![CDATA[")) {
			e := bytes.Index(rest[9:], []byte("]]>"))
			if e < 0 {
				return it, 0, false
			}
			if depth == 1 {
				text, ok = xmlText(text, rest[9:9+e], true)
			} else {
				r.scratch, ok = xmlText(r.scratch[:0], rest[9:9+e], true)
			}
			if !ok {
				return it, 0, false
			}
			i += 9 + e + 3
			continue
		}
		if len(rest) < 2 || rest[1] == '!' || rest[1] == '?' {
			return it, 0, false
		}
		gt := bytes.IndexByte(rest, '>')
		if gt < 0 {
			return it, 0, false
		}
		tag := rest[:gt+1]
		i += gt + 1
		if rest[1] == '/' {
			n := scanName(tag, 2)
			j := n
			for j < len(tag) && isSpace(tag[j]) {
				j++
			}
			if n == 2 || j != len(tag)-1 {
				return it, 0, false
			}
			end := tag[2:n]
			if depth == 0 {
				if string(end) != name {
					return it, 0, false
				}
				r.open, r.text = open, text
				return it, i, true
			}
			if !bytes.Equal(end, open[depth-1]) {
				return it, 0, false
			}
			if depth == 1 {
				if !r.setField(&it, field, text, href, hasHref, currency) {
					return it, 0, false
				}
			}
			depth--
			open = open[:depth]
			continue
		}
		el, attrs, empty, ok := scanTag(tag, r.attrs[:0])
		r.attrs = attrs
		if !ok {
			return it, 0, false
		}
		if _, _, ok := splitName(el); !ok {
			return it, 0, false
		}
		depth++
		if depth == 1 {
			field, text, href, hasHref, currency = el, text[:0], nil, false, currency[:0]
		}
		for _, a := range attrs {
			p, l, ok := splitName(a.name)
			if !ok || string(p) == "xmlns" || len(p) == 0 && string(l) == "xmlns" {
				return it, 0, false
			}
			priceAttr := false
			if depth == 1 {
				_, local, _ := splitName(el)
				priceAttr = (string(local) == "price" || string(local) == "sale_price") && isCurrencyAttr(string(l))
				if string(local) != "link" && !priceAttr {
					return it, 0, false
				}
			}
			if r.scratch, ok = xmlText(r.scratch[:0], a.value, false); !ok {
				return it, 0, false
			}
			if depth == 1 && string(l) == "href" && !priceAttr {
				href, hasHref = append(href[:0], r.scratch...), true
			}
			if priceAttr {
				currency = append(currency[:0], r.scratch...)
			}
		}
		if empty {
			if depth == 1 && !r.setField(&it, field, text[:0], href, hasHref, currency) {
				return it, 0, false
			}
			depth--
			continue
		}
		open = append(open, el)
	}
}

// setField stores a finished direct child element's text in the item.
func (r *itemScanner) setField(it *Item, qname, text, href []byte, hasHref bool, currency []byte) bool {
	prefix, local, _ := splitName(qname)
	v := bytes.TrimSpace(text)
	if len(v) == 0 && string(local) == "link" && hasHref {
		v = bytes.TrimSpace(href)
	}
	if len(currency) > 0 && len(v) > 0 {
		v = []byte(withCurrency(string(local), string(v), string(currency)))
	}
	if len(v) == 0 {
		return true
	}
	name, ok := r.names[string(local)]
	if !ok {
		if r.names == nil {
			r.names = map[string]string{}
		}
		name = string(local)
		if len(r.names) < 256 {
			r.names[name] = name
		}
	}
	if len(prefix) > 0 && isGoogleNamespace(r.ns[string(prefix)]) {
		setGField(it, name, string(v))
	} else {
		// As encoding/xml reads it (setPlainField, plainMerchantSpace): no prefix, a prefix
		// declared empty, as the default namespace or as "g" (which encoding/xml cannot tell
		// from an undeclared "g:"), or an undeclared "g:".
		uri, declared := r.ns[string(prefix)]
		merchant := len(prefix) == 0 || declared && (uri == "" || uri == "g" || uri == r.ns[""]) || string(prefix) == "g" && !declared
		setPlainField(it, name, string(v), merchant)
	}
	return true
}

func allSpace(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}
