package feed

import (
	"testing"
	"time"
)

func TestSaleDate(t *testing.T) {
	tests := []struct {
		name, in   string
		monthFirst bool
		want       string
	}{
		{"iso date", "2026-11-20", false, "2026-11-20"},
		{"iso date and time", "2026-11-20 00:00:00", false, "2026-11-20T00:00:00"},
		{"magento 2 month first", "11/1/26", true, "2026-11-01"},
		{"magento 2 with a time", "12/31/26, 11:59 PM", true, "2026-12-31"},
		{"day first, day above 12", "20/11/2026", false, "2026-11-20"},
		{"month first, day above 12", "11/20/2026", false, "2026-11-20"},
		{"dotted", "20.11.2026", false, "2026-11-20"},
		{"ambiguous kept", "05/06/2026", false, "05/06/2026"},
		{"impossible month kept", "13/13/2026", true, "13/13/2026"},
		{"day above 12 settles a month-first export", "20/11/2026", true, "2026-11-20"},
		{"month-first export, both 12 or less", "05/06/2026", true, "2026-05-06"},
		{"text kept", "next week", false, "next week"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := saleDate(tt.in, tt.monthFirst); got != tt.want {
				t.Errorf("saleDate(%q, %v) = %q, want %q", tt.in, tt.monthFirst, got, tt.want)
			}
		})
	}
}

// saleCase is an item's price at a time.
type saleCase struct {
	id  string
	at  time.Time
	pay int64
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

// checkSales reads a fixture and checks what each item costs when.
func checkSales(t *testing.T, path string, opts Options, cases []saleCase) []RowError {
	t.Helper()
	items, rows, _, err := readFileWith(t, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	for _, c := range cases {
		it, ok := byID[c.id]
		if !ok {
			t.Errorf("%s: no item", c.id)
			continue
		}
		if got := it.PriceAt(c.at); got != c.pay {
			t.Errorf("%s at %s: %d, want %d (window %+v)", c.id, c.at.Format("2006-01-02"), got, c.pay, it.SaleWindow)
		}
	}
	return rows
}

// TestMagentoSpecialPriceDates: Magento 2's special_price holds from special_price_from_date
// to special_price_to_date, written month first ("11/1/26"); a special price without dates
// always holds, one with a start alone from that day.
func TestMagentoSpecialPriceDates(t *testing.T) {
	rows := checkSales(t, "testdata/magento2_special.csv", Options{Currency: "USD"}, []saleCase{
		{"TEE-XS", day(2026, 11, 27), 2400}, {"TEE-XS", day(2026, 10, 31), 3200}, {"TEE-XS", day(2027, 1, 1), 3200},
		{"TEE-S", day(2025, 7, 1), 2400}, {"TEE-S", day(2026, 11, 27), 3200},
		{"TEE-M", day(2026, 11, 27), 2400},
		{"TEE-L", day(2026, 11, 27), 3200}, {"TEE-L", day(2026, 12, 2), 2400},
	})
	checkRows(t, rows, nil)
}

// TestWooCommerceSaleDates: WooCommerce's "Sale price" holds from "Date sale price starts" to
// "Date sale price ends", that day included; a sale that ended is no sale now; a bad sale price
// is still its row's error.
func TestWooCommerceSaleDates(t *testing.T) {
	rows := checkSales(t, "testdata/woocommerce_sale_dates.csv", Options{Currency: "EUR"}, []saleCase{
		{"301", day(2026, 11, 27), 3000}, {"301", day(2026, 11, 30), 3000}, {"301", day(2026, 12, 1), 5000},
		{"302", day(2025, 1, 15), 3000}, {"302", day(2026, 11, 27), 5000},
		{"303", day(2026, 11, 27), 4000}, {"303", day(2026, 12, 25), 5500},
	})
	checkRows(t, rows, []rowWant{{line: 5, item: "304", reason: "sale_price"}})
}

// TestSaleEndDate: a last day written with a midnight time is the whole day; another time is
// kept as it is.
func TestSaleEndDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"midnight", "2026-11-30 00:00:00", "2026-11-30"},
		{"midnight without seconds", "2026-11-30 00:00", "2026-11-30"},
		{"a time of day", "2026-11-30 18:00:00", "2026-11-30T18:00:00"},
		{"last second", "2025-01-31 23:59:59", "2025-01-31T23:59:59"},
		{"bare date", "2026-11-30", "2026-11-30"},
		{"magento 2", "11/30/26", "2026-11-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := saleEndDate(tt.in, true); got != tt.want {
				t.Errorf("saleEndDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMagento1SpecialPriceDates: Magento 1 writes special_to_date as a date at midnight; the
// sale holds through that day, as in the shop. A real time of day ends it then.
func TestMagento1SpecialPriceDates(t *testing.T) {
	rows := checkSales(t, "testdata/magento1_special.csv", Options{Currency: "EUR"}, []saleCase{
		{"SKIRT-36", day(2026, 11, 19), 8000}, {"SKIRT-36", day(2026, 11, 20), 6000}, {"SKIRT-36", day(2026, 11, 30), 6000},
		{"SKIRT-36", day(2026, 12, 1), 8000},
		{"SKIRT-38", day(2026, 11, 30), 6000}, {"SKIRT-38", time.Date(2026, 11, 30, 19, 0, 0, 0, time.UTC), 8000},
	})
	checkRows(t, rows, nil)
}

// TestSaleDateColumnsYieldToEffectiveDate: a feed that gives Merchant Center's
// sale_price_effective_date beside start and end columns is dated by the former.
func TestSaleDateColumnsYieldToEffectiveDate(t *testing.T) {
	doc := "id,title,price,sale_price,sale_price_effective_date,sale_price_start,sale_price_end\n" +
		"A,A,100.00 EUR,80.00 EUR,2026-11-01/2026-11-10,2026-12-01,2026-12-10\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 1 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	if items[0].PriceAt(day(2026, 11, 5)) != 8000 || items[0].PriceAt(day(2026, 12, 5)) != 10000 {
		t.Errorf("window %+v", items[0].SaleWindow)
	}
}
