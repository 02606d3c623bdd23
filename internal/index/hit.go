package index

// hit renders a ranked entry: its best offer, the sizes in stock among offers passing every
// other filter, and how many offers match.
func (ix *Index) hit(p *plan, e entry) Hit {
	d := &ix.prods[e.pid]
	o := &ix.offerInfo[e.best]
	od := &ix.offers[e.best]
	h := Hit{ProductID: d.id, Title: d.title, Brand: d.brand, Score: e.score}
	if e.score == 0 && p.text != nil && p.text.match != nil {
		h.Score = ix.score(p.text, e.pid)
	}
	cur := ix.currencies.label(o.currency)
	h.Best = BestOffer{
		OfferID:      o.id,
		Retailer:     ix.retailers.label(od.retailer),
		Size:         ix.sizes.labels[ix.sizeLists[od.sizes][0]],
		Price:        o.price,
		RegularPrice: o.regular,
		Currency:     cur,
		DiscountPct:  int(od.disc),
		Questionable: od.flags&flagQuestionable != 0,
	}
	h.Best.Converted, h.Best.ConvertedOK = ix.rates.Convert(o.price, cur, p.q.Currency)
	ix.display(&h, d, e.best)
	seen := map[uint32]bool{}
	for _, oid := range d.offers {
		of := &ix.offers[oid]
		mask, ok := p.offerFails(of)
		if !ok || mask&^fSize != 0 {
			continue
		}
		if mask == 0 {
			h.Offers++
		}
		s := ix.displaySize(p, of)
		if !seen[s] {
			seen[s] = true
			h.Sizes = append(h.Sizes, ix.sizes.labels[s])
		}
	}
	return h
}

// displaySize is the size id o is shown under: its size in the query's SizeSystem when it
// converts there, else its own.
func (ix *Index) displaySize(p *plan, o *offerDoc) uint32 {
	if p.q.SizeSystem != "" {
		for _, s := range ix.sizeLists[o.sizes] {
			if ix.sizeSystem[s] == p.q.SizeSystem {
				return s
			}
		}
	}
	return ix.sizeLists[o.sizes][0]
}
