package bench

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

var benchEnvelope = notify.Envelope{From: "tagdrop <sales@tagdrop.example>", ReplyTo: "help@tagdrop.example"}

// benchDigests makes n different, realistic 20-item digests.
func benchDigests(seed uint64, n int) []notify.Digest {
	r := rand.New(rand.NewPCG(seed, 0xd16e57))
	brands := []string{"Jacquemus", "By Far", "Ganni", "Acne Studios", "Totême", "Khaite", "Nanushka", "Sandro", "A.P.C.", "Isabel Marant"}
	kinds := []string{"Pleated wool midi skirt", "Le Chiquito leather bag", "Oversized cashmere coat", "Silk slip dress", "Chelsea boots"}
	shops := []string{"Atelier Row", "Maison Markdown", "North & Tailor"}
	sizes := []string{"XS", "S", "M", "L", "38", "39", "40"}
	out := make([]notify.Digest, n)
	for i := range out {
		uid := int64(i + 1)
		d := notify.Digest{UserID: uid, To: "shopper" + strconv.Itoa(i) + "@example.com",
			MessageID: "<digest-" + strconv.Itoa(i) + "-2026-11-26@tagdrop.example>", BaseURL: "https://tagdrop.example",
			More: r.IntN(30), MoreURL: "/my/sales", UnsubscribeURL: "https://tagdrop.example/unsubscribe/" + strconv.Itoa(i) + ".bench",
			Collection: &notify.FeaturedCollection{Title: "Winter coats under €300", URL: "/collections/winter-coats", Intro: "Wool, cut long, marked down."}}
		for j := range EmailItems {
			regular := int64(10000 + r.IntN(200000))
			pct := 20 + r.IntN(60)
			d.Items = append(d.Items, notify.DigestItem{ProductID: int64(j + 1), OfferID: int64(i*100 + j),
				Brand: brands[r.IntN(len(brands))], Title: kinds[r.IntN(len(kinds))], Size: sizes[r.IntN(len(sizes))],
				Retailer: shops[r.IntN(len(shops))], ImageURL: "/static/demo/img/" + strconv.Itoa(j) + ".svg",
				URL: "https://tagdrop.example/out/" + strconv.Itoa(i*100+j) + "?sig=abcdef0123456789", Currency: "EUR",
				RegularPrice: regular, Price: regular * int64(100-pct) / 100, DiscountPct: pct,
				Lowest30d: r.IntN(3) == 0, Questionable: r.IntN(8) == 0})
		}
		out[i] = d
	}
	return out
}

// renderRate renders n digests one after another and returns digests per second and the median
// time of one, in milliseconds.
func renderRate(digests []notify.Digest, n int, render func(notify.Digest) (notify.Message, error)) (float64, float64, error) {
	for i := range min(n/10+1, len(digests)) { // warm up: pools, caches
		if _, err := render(digests[i]); err != nil {
			return 0, 0, err
		}
	}
	times := make([]time.Duration, n)
	start := time.Now()
	for i := range n {
		t0 := time.Now()
		if _, err := render(digests[i%len(digests)]); err != nil {
			return 0, 0, err
		}
		times[i] = time.Since(t0)
	}
	total := time.Since(start).Seconds()
	p50 := medianMS(times)
	return perSecond(n, total), p50, nil
}

func medianMS(ds []time.Duration) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}
