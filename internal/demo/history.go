package demo

import "math"

// plan is the story of one listing over the snapshots, as snapshot indexes; -1 means "never".
// Sales come in the second half, as end-of-season markdowns do.
type plan struct {
	appear, leave int // listed in snapshots [appear, leave)
	// saleAt starts a markdown of salePct; dropAt deepens it to dropPct; saleEnd ends it.
	saleAt, salePct   int
	dropAt, dropPct   int
	saleEnd           int
	raiseAt, raisePct int // a "sale" after the regular price was raised: questionable
	stock             []sizeStock
}

// sizeStock is one size's stock story.
type sizeStock struct {
	startOut      bool
	outAt, backAt int
}

func newPlan(sizes, n int) plan {
	p := plan{leave: n, saleAt: -1, dropAt: -1, saleEnd: n, raiseAt: -1, stock: make([]sizeStock, sizes)}
	for i := range p.stock {
		p.stock[i] = sizeStock{outAt: -1, backAt: -1}
	}
	return p
}

// between draws a snapshot index in [lo, hi) given as shares of n, clamped to the history.
func (g *generator) between(lo, hi float64) int {
	a, b := int(lo*float64(g.n)), int(hi*float64(g.n))
	if b <= a {
		return min(a, g.n-1)
	}
	return min(a+g.rng.IntN(b-a), g.n-1)
}

func (g *generator) pick(xs ...int) int { return xs[g.rng.IntN(len(xs))] }

// randomPlan draws a listing's story: most stay at full price; about a third go on sale, some of
// those drop further and a few end; a few are questionable; a few arrive late or leave.
func (g *generator) randomPlan(sizes int) plan {
	p := newPlan(sizes, g.n)
	if g.rng.Float64() < 0.08 {
		p.appear = g.between(0.3, 0.85)
	}
	if g.rng.Float64() < 0.02 {
		p.leave = g.between(0.6, 0.95)
		if p.leave <= p.appear {
			p.leave = g.n
		}
	}
	switch r := g.rng.Float64(); {
	case r < 0.22: // end-of-season sale
		p.saleAt = max(g.between(0.45, 0.92), p.appear)
		p.salePct = g.pick(20, 25, 30, 30, 30, 40, 40, 50)
		switch x := g.rng.Float64(); {
		case x < 0.40:
			p.dropAt = p.saleAt + 2 + g.rng.IntN(max(1, g.n-p.saleAt-2))
			p.dropPct = min(p.salePct+g.pick(10, 15, 20), 70)
		case x < 0.52:
			p.saleEnd = p.saleAt + 3 + g.rng.IntN(4)
		}
	case r < 0.26: // a "sale" off a regular price raised shortly before
		p.raiseAt = max(g.between(0.5, 0.8), p.appear)
		p.raisePct = g.pick(15, 20, 25, 30)
		p.saleAt = p.raiseAt + 2 + g.rng.IntN(3)
		p.salePct = g.pick(20, 25, 30)
	case r < 0.32: // a mid-season sale that has ended
		p.saleAt = max(g.between(0.1, 0.3), p.appear)
		p.salePct = g.pick(15, 20, 25)
		p.saleEnd = p.saleAt + 3 + g.rng.IntN(5)
	}
	onSale := p.saleAt >= 0
	for i := range p.stock {
		s := &p.stock[i]
		s.startOut = g.rng.Float64() < 0.07
		sellOut := 0.12
		if onSale {
			sellOut = 0.3 // markdowns sell sizes out
		}
		if !s.startOut && g.rng.Float64() < sellOut {
			lo := 0.1
			if onSale {
				lo = float64(p.saleAt) / float64(g.n)
			}
			s.outAt = g.between(lo, 1)
		}
		if (s.startOut || s.outAt >= 0) && g.rng.Float64() < 0.45 {
			from := 0
			if s.outAt >= 0 {
				from = s.outAt + 1
			}
			if from < g.n {
				s.backAt = from + g.rng.IntN(g.n-from)
			}
		}
	}
	return p
}

// listing plays a plan out at retailer r with list price regular (minor units).
func (p plan) listing(r Retailer, regular int64, sizes, n int) Listing {
	l := Listing{Retailer: r.Slug, Currency: r.Currency, Points: make([]Point, n)}
	for k := 0; k < n; k++ {
		pt := Point{Listed: k >= p.appear && k < p.leave, Regular: regular, InStock: make([]bool, sizes)}
		if p.raiseAt >= 0 && k >= p.raiseAt {
			pt.Regular = shopRound(float64(regular) / 100 * float64(100+p.raisePct) / 100)
		}
		pct := 0
		if p.saleAt >= 0 && k >= p.saleAt && k < p.saleEnd {
			pct = p.salePct
			if p.dropAt >= 0 && k >= p.dropAt {
				pct = p.dropPct
			}
		}
		pt.Price = markdown(pt.Regular, pct)
		for i, s := range p.stock {
			in := !s.startOut
			if s.outAt >= 0 && k >= s.outAt {
				in = false
			}
			if s.backAt >= 0 && k >= s.backAt {
				in = true
			}
			pt.InStock[i] = in
		}
		l.Points[k] = pt
	}
	return l
}

// markdown takes pct percent off regular, rounded to whole currency units.
func markdown(regular int64, pct int) int64 {
	if pct == 0 {
		return regular
	}
	v := float64(regular) * float64(100-pct) / 100 / 100
	return int64(math.Round(v)) * 100
}

// shopRound rounds a major-unit amount the way list prices are (see shopPrice).
func shopRound(v float64) int64 {
	unit := 5.0
	if v >= 1000 {
		unit = 10
	}
	return int64(math.Round(v/unit)*unit) * 100
}
