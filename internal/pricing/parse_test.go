package pricing

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		opts     ParseOptions
		amount   int64
		high     int64
		currency string
		symbol   string
		flags    Flags
		err      error
	}{
		// The examples.
		{name: "euro sign first, european separators", in: "€ 1.299,00", amount: 129900, currency: "EUR", symbol: "€"},
		{name: "code after, english separators", in: "1,299.00 USD", amount: 129900, currency: "USD", symbol: "USD"},
		{name: "pound, thousands only", in: "£1,299", amount: 129900, currency: "GBP", symbol: "£", flags: FlagCurrencyGuessed},
		{name: "swiss apostrophe and dash", in: "CHF 1'299.–", amount: 129900, currency: "CHF", symbol: "CHF"},
		{name: "yen has no minor unit", in: "¥12,000", amount: 12000, currency: "JPY", symbol: "¥", flags: FlagCurrencyGuessed},
		{name: "space groups thousands", in: "1 299,00 €", amount: 129900, currency: "EUR", symbol: "€"},
		{name: "range takes the low end", in: "$1,299.99 - $1,499.99", amount: 129999, high: 149999, currency: "USD", symbol: "$", flags: FlagRange | FlagCurrencyGuessed},
		{name: "from price", in: "From $20", amount: 2000, currency: "USD", symbol: "$", flags: FlagFrom | FlagCurrencyGuessed},

		// Digits of other scripts.
		{name: "arabic-indic digits", in: "٢٩٩ ر.س", amount: 29900, currency: "SAR", symbol: "ر.س"},
		{name: "arabic separators", in: "١٬٢٩٩٫٥٠ ر.س", amount: 129950, currency: "SAR", symbol: "ر.س"},
		{name: "persian digits", in: "۱۲۹ AED", amount: 12900, currency: "AED", symbol: "AED"},
		{name: "devanagari digits", in: "₹ ४९९", amount: 49900, currency: "INR", symbol: "₹"},

		// Canadian dollars as Amazon.ca and Canadian shops write them.
		{name: "cdn dollar sign", in: "CDN$ 29.99", amount: 2999, currency: "CAD", symbol: "CDN$"},
		{name: "cdn and dollar apart", in: "CDN $29.99", amount: 2999, currency: "CAD", symbol: "CDN $"},
		{name: "c and dollar apart", in: "C $45.99", amount: 4599, currency: "CAD", symbol: "C $", flags: FlagCurrencyGuessed},

		// Separators.
		{name: "dot before three digits groups in euro", in: "1.299 €", amount: 129900, currency: "EUR", symbol: "€"},
		{name: "lone comma before one digit is decimal", in: "1,5 €", amount: 150, currency: "EUR", symbol: "€"},
		{name: "indian grouping", in: "₹1,29,999", amount: 12999900, currency: "INR", symbol: "₹"},
		{name: "dash for no decimals", in: "1.899,- €", amount: 189900, currency: "EUR", symbol: "€"},
		{name: "trailing comma", in: "€ 610,", amount: 61000, currency: "EUR", symbol: "€"},
		{name: "space after decimal point", in: "$119. 95", amount: 11995, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed},
		{name: "leading decimal point", in: "$.75", amount: 75, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed},
		{name: "no-break space", in: "1\u00a0298,00\u00a0€", amount: 129800, currency: "EUR", symbol: "€"},
		{name: "narrow no-break space", in: "12\u202f345,50 €", amount: 1234550, currency: "EUR", symbol: "€"},
		{name: "three minor digits", in: "423.923 KD", amount: 423923, currency: "KWD", symbol: "KD"},
		{name: "zero whole part is decimal", in: "0.750 €", amount: 75, currency: "EUR", symbol: "€"},
		{name: "long whole part is decimal", in: "1250.600 €", amount: 125060, currency: "EUR", symbol: "€"},
		{name: "hint makes dot decimal", in: "140.000", opts: ParseOptions{Decimal: "."}, amount: 14000},
		{name: "hint makes comma decimal", in: "1,299", opts: ParseOptions{Decimal: ","}, amount: 130},
		{name: "shop's own decimal sign", in: "140€33", opts: ParseOptions{Decimal: "€"}, amount: 14033, currency: "EUR", symbol: "€"},
		{name: "sign as decimal point", in: "19€99", amount: 1999, currency: "EUR", symbol: "€"},
		{name: "sign as decimal point, grouped", in: "1 299€00", amount: 129900, currency: "EUR", symbol: "€"},
		{name: "sign as decimal point, two prices", in: "19€99 au lieu de 29€99", amount: 1999, currency: "EUR", symbol: "€"},
		{name: "sign then spaced digits is not a decimal point", in: "19€ 99", amount: 1900, currency: "EUR", symbol: "€"},
		{name: "sign then three digits is not a decimal point", in: "19€999", amount: 1900, currency: "EUR", symbol: "€"},
		{name: "ISO code is never a decimal point", in: "19EUR99", amount: 1900, currency: "EUR", symbol: "EUR"},
		{name: "thousands suffix", in: "$1.5k", amount: 150000, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed},
		{name: "thousands suffix after", in: "15K €", amount: 1500000, currency: "EUR", symbol: "€"},
		{name: "thousands suffix range", in: "$1k - $2.5k", amount: 100000, high: 250000, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed | FlagRange},
		{name: "k without a currency is no suffix", in: "14K gold 29.99", amount: 1400},
		{name: "repeated separator before two digits", in: "1.299.95", amount: 129995},
		{name: "repeated comma before two digits", in: "€1,299,95", amount: 129995, currency: "EUR", symbol: "€"},
		{name: "repeated separator, bad groups", in: "12.10.26", err: ErrNoAmount},
		{name: "rounds half up", in: "34.995 £", opts: ParseOptions{Decimal: "."}, amount: 3500, currency: "GBP", symbol: "£", flags: FlagCurrencyGuessed},
		{name: "many decimals", in: "1.11000000000000009770", amount: 111},

		// Currencies.
		{name: "dollar in a canadian feed", in: "$12.99", opts: ParseOptions{Currency: "CAD"}, amount: 1299, currency: "CAD", symbol: "$"},
		{name: "kr needs a hint", in: "7 990 kr", amount: 799000, symbol: "kr", flags: FlagCurrencyGuessed},
		{name: "kr in a norwegian shop", in: "7 990 kr", opts: ParseOptions{Currency: "NOK"}, amount: 799000, currency: "NOK", symbol: "kr"},
		{name: "yuan sign beside yen sign", in: "¥199 元", amount: 19900, currency: "CNY", symbol: "元"},
		{name: "yen sign in a chinese context", in: "¥ 199", opts: ParseOptions{Context: "价格 人民币"}, amount: 19900, currency: "CNY", symbol: "¥"},
		{name: "code wins over sign", in: "NZD $100.70", amount: 10070, currency: "NZD", symbol: "NZD"},
		{name: "prefixed dollar", in: "A$190.00", amount: 19000, currency: "AUD", symbol: "A$"},
		{name: "real", in: "R$ 1.500,00", amount: 150000, currency: "BRL", symbol: "R$"},
		{name: "zloty", in: "2 499,00 zł", amount: 249900, currency: "PLN", symbol: "zł"},
		{name: "koruna", in: "Běžná cena 9 800 Kč", amount: 980000, currency: "CZK", symbol: "Kč"},
		{name: "forint", in: "1.727 Ft", amount: 172700, currency: "HUF", symbol: "Ft"},
		{name: "rouble word", in: "1128240 рублей", amount: 112824000, currency: "RUB", symbol: "рублей"},
		{name: "euro word", in: "749,00 euro", amount: 74900, currency: "EUR", symbol: "euro"},
		{name: "won", in: "12,000원", amount: 12000, currency: "KRW", symbol: "원"},
		{name: "pence", in: "99p", amount: 99, currency: "GBP", symbol: "p", flags: FlagMinorUnit},
		{name: "currency from context", in: "39.95", opts: ParseOptions{Context: "Price From £ 39.95"}, amount: 3995, currency: "GBP", symbol: "£", flags: FlagCurrencyFromContext | FlagCurrencyGuessed},
		{name: "string beats context", in: "£54.17", opts: ParseOptions{Context: "USD"}, amount: 5417, currency: "GBP", symbol: "£", flags: FlagCurrencyGuessed},
		{name: "default currency", in: "39,90", opts: ParseOptions{Currency: "eur"}, amount: 3990, currency: "EUR", flags: FlagCurrencyDefault},
		{name: "bare number", in: "29.99", amount: 2999},
		{name: "lower-case code beside amount", in: "140,00 pln", amount: 14000, currency: "PLN", symbol: "pln"},
		{name: "feet are not forint", in: "16.00 ft", amount: 1600},
		{name: "word is not a code away from the amount", in: "Ph. Eur. 12.00", amount: 1200},

		// Which number.
		{name: "number beside the currency", in: "3 Ausgaben für nur 14,85 EUR", amount: 1485, currency: "EUR", symbol: "EUR"},
		{name: "labelled current price of two", in: "Was: $124.95 Now: $99.00", amount: 9900, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed},
		{name: "percentage skipped", in: "-30% 69,99 €", amount: 6999, currency: "EUR", symbol: "€"},
		{name: "free", in: "Free!", flags: FlagFree},
		{name: "range with the code at its end", in: "1,299.00 - 1,499.00 USD", amount: 129900, high: 149900, currency: "USD", symbol: "USD", flags: FlagRange},
		{name: "range with a shared sign", in: "10 bis 20 €", amount: 1000, high: 2000, currency: "EUR", symbol: "€", flags: FlagRange},
		{name: "size before a price is no range", in: "Size 10 - $49.99", amount: 4999, currency: "USD", symbol: "$", flags: FlagCurrencyGuessed},
		{name: "html entities", in: "&euro;&nbsp;12,50", amount: 1250, currency: "EUR", symbol: "€"},

		// Errors.
		{name: "empty", in: "", err: ErrNoAmount},
		{name: "words only", in: "Not Available", err: ErrNoAmount},
		{name: "discount only", in: "40% OFF", err: ErrNoAmount},
		{name: "free shipping is not a free item", in: "Free shipping", err: ErrNoAmount},
		{name: "date", in: "15.08.2017", err: ErrNoAmount},
		{name: "negative", in: "-5.00 EUR", currency: "EUR", symbol: "EUR", err: ErrNegative},
		{name: "currency without amount", in: "", opts: ParseOptions{Context: "EUR"}, currency: "EUR", symbol: "EUR", flags: FlagCurrencyFromContext, err: ErrNoAmount},
		{name: "too many digits", in: "12345678901234567890 €", err: ErrNoAmount, currency: "EUR", symbol: "€"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.err)
				}
			} else if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			want := Price{Amount: tt.amount, High: tt.high, Currency: tt.currency, Symbol: tt.symbol, Flags: tt.flags}
			if tt.err != nil {
				want.Amount, p.Amount = 0, 0
			}
			if p != want {
				t.Errorf("Parse(%q) = %#v, want %#v", tt.in, p, want)
			}
		})
	}
}

func TestPriceStringRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    Price
		want string
	}{
		{name: "two digits", p: Price{Amount: 129900, Currency: "EUR"}, want: "1299.00 EUR"},
		{name: "no minor unit", p: Price{Amount: 12000, Currency: "JPY"}, want: "12000 JPY"},
		{name: "three digits", p: Price{Amount: 423923, Currency: "KWD"}, want: "423.923 KWD"},
		{name: "below one", p: Price{Amount: 5, Currency: "USD"}, want: "0.05 USD"},
		{name: "no currency", p: Price{Amount: 1999}, want: "19.99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Fatalf("String() = %q, want %q", got, tt.want)
			}
			back, err := Parse(tt.want, ParseOptions{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.want, err)
			}
			if back.Amount != tt.p.Amount || back.Currency != tt.p.Currency {
				t.Fatalf("Parse(%q) = %d %s, want %d %s", tt.want, back.Amount, back.Currency, tt.p.Amount, tt.p.Currency)
			}
		})
	}
}

func TestMinorDigits(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{"EUR", 2}, {"jpy", 0}, {"KWD", 3}, {"BIF", 0}, {"IQD", 3}, {"PTE", 0}, {"ZZZ", 2},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := MinorDigits(tt.code); got != tt.want {
				t.Fatalf("MinorDigits(%q) = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}

func TestParseLabelledWasNow(t *testing.T) {
	tests := []struct {
		in       string
		amount   int64
		currency string
	}{
		{"Was $120.00 Now $60.00", 6000, "USD"},
		{"Buy Now - 2 Litre Was $120.00 Now $60.00", 6000, "USD"},
		{"UVP 199,00 € jetzt 149,00 €", 14900, "EUR"},
		{"RRP £250 Now £175", 17500, "GBP"},
		{"Now £175 was £250", 17500, "GBP"}, // no regular label before the current one: first price
		{"Sale $40", 4000, "USD"},
		{"Was: $124.95 Now: $0.00", 12495, "USD"}, // a zero "now" is a placeholder, not a price
		{"MSRP $59.99 Our Price $45.00", 4500, "USD"},
		{"Original price was: $59.99.Current price is: $45.00.", 4500, "USD"},
		{"List Price: $59.99 Price: $45.00", 4500, "USD"}, // a plain "price" after a regular one
		{"Price: $45.00 List Price: $59.99", 4500, "USD"},
		{"Special Price $45.00 Regular Price $59.99", 4500, "USD"},
		{"Was $100.00 Pay in 4 installments of $25.00", 10000, "USD"}, // no label on the instalment
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := Parse(tt.in, ParseOptions{})
			if err != nil || p.Amount != tt.amount || p.Currency != tt.currency {
				t.Fatalf("Parse(%q) = %+v, %v; want %d %s", tt.in, p, err, tt.amount, tt.currency)
			}
		})
	}
}
