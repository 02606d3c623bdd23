package pricing

// Numbers that name a size, a time or a model rather than an amount: "EU 43 119,90 €", "kl 12
// 199 kr", "Galaxy S24 799 €". A space groups no digits after them (43 119,90 is not 43,119.90)
// and they are no amount of money, nor the low end of a range ("EU 42 - 89,95 €").

// tagWords are the words, as lowerWord spells them, after which a number is a size, a time of
// day or a model or reference number.
var tagWords = set(
	"size", "sz", "gr", "größe", "grösse", "taille", "talla", "taglia", "tamanho", "maat", "rozmiar",
	"storlek", "str", "størrelse", "koko", "velikost", "veľkosť", "méret", "mărime", "размер", "beden",
	"eu", "us", "uk", // shoe and clothing size systems
	"kl", "klo", "klockan", "kello", // times of day: Nordic "kl 12:00"
	"sku", "ref", "nr", "model", "modell", "modelo", "modèle")

// timeTagWords are the tag words of a time of day, whose numbers may be written with two
// digits after a point ("kl 12.00").
var timeTagWords = set("kl", "klo", "klockan", "kello")

// tagBefore reports whether the text before a number, text, ends with a tag: a word of tagWords
// and one space ("EU 43", "kl. 12"), a time after one ("kl 12:" before "00"), or ASCII letters
// written onto the number that spell no currency ("S24", "PS5"; not "R1 299" or "EUR1 299").
func tagBefore(text string) bool {
	n := len(text)
	if n == 0 {
		return false
	}
	if asciiLetter(text[n-1]) {
		k := n
		for k > 0 && asciiLetter(text[k-1]) {
			k--
		}
		_, sign := lookupSymbol(text[k:])
		return !sign
	}
	if text[n-1] == ':' { // the minutes of "kl 12:00"
		k := n - 1
		for k > 0 && isDigit(text[k-1]) {
			k--
		}
		return k < n-1 && tagWordBefore(text[:k])
	}
	return tagWordBefore(text)
}

// tagWordBefore reports whether text ends with a word of tagWords and one space.
func tagWordBefore(text string) bool {
	n := len(text)
	if n == 0 || text[n-1] != ' ' {
		return false
	}
	k := n - 1
	for k > 0 && (asciiLetter(text[k-1]) || text[k-1] == '.' || text[k-1] >= 0x80 && text[k-1] != ' ') {
		k--
	}
	return k < n-1 && wordIn(tagWords, text[k:n-1])
}

// taggedAt reports whether the number at toks[i] is a size, time or model number after a tag
// word (see tagWords) with no currency sign of its own: "Size 10 $49.99", "kl 12:00 199 kr".
func taggedAt(toks []token, i int, s string) bool {
	if i == 0 || signed(toks, i, s) && !codeOfNext(toks, i, s) {
		return false
	}
	if p := toks[i-1]; p.kind == tokNumber && p.end+1 == toks[i].start && s[p.end] == ':' {
		return tagWordAt(toks, i-1, s) >= 0 // the minutes of "kl 12:00"
	}
	j := tagWordAt(toks, i, s)
	if j < 0 {
		return false
	}
	// Cents make a price of it, the word a market or a pronoun ("Versand EU 4,95", "Ships to
	// US 12.50", "Contact us 59.99"): a size has at most a half ("US 10.5"), a time may have
	// its minutes ("kl 12.00").
	return !centsWritten(toks[i].text(s)) || wordIn(timeTagWords, toks[j].text(s))
}

// codeOfNext reports whether the only currency sign beside the number at toks[i] is an ISO code
// written after it and before the next number, which it prices: the "GBP" of "Size 8 GBP 45".
func codeOfNext(toks []token, i int, s string) bool {
	if toks[i-1].kind == tokSymbol || i+2 >= len(toks) {
		return false
	}
	c, next := toks[i+1], toks[i+2]
	return c.kind == tokSymbol && c.sym.iso && c.start > toks[i].end && next.kind == tokNumber && !signAfterOwn(toks, i+2) &&
		s[toks[i].end] == ' '
}

// tagWordAt returns the index of the word of tagWords, with or without its dot, that stands
// right before the number at toks[i], or -1.
func tagWordAt(toks []token, i int, s string) int {
	if i == 0 {
		return -1
	}
	t := toks[i]
	j := i - 1
	if j > 0 && toks[j].kind == tokPunct && toks[j].text(s) == "." && toks[j-1].end == toks[j].start {
		j-- // "kl. 10", "Gr. 38"
	}
	if toks[j].kind == tokWord && toks[j].end < t.start && wordIn(tagWords, toks[j].text(s)) {
		return j
	}
	return -1
}

// centsWritten reports whether the number text ends with a point or comma and two digits
// ("79,00", "12.50").
func centsWritten(text string) bool {
	n := len(text)
	return n >= 4 && isDigit(text[n-1]) && isDigit(text[n-2]) && (text[n-3] == '.' || text[n-3] == ',') &&
		isDigit(text[n-4])
}
