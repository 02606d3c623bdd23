package account

import (
	"fmt"
	"strings"
)

// Frequency is how often a shopper wants a digest.
type Frequency string

// The digest frequencies.
const (
	Daily      Frequency = "daily"
	ThreeAWeek Frequency = "3x-week"
	Weekly     Frequency = "weekly"
	NoDigest   Frequency = "off"
)

// ParseFrequency validates a frequency name.
func ParseFrequency(s string) (Frequency, error) {
	switch f := Frequency(strings.ToLower(strings.TrimSpace(s))); f {
	case Daily, ThreeAWeek, Weekly, NoDigest:
		return f, nil
	}
	return "", fmt.Errorf("frequency %q is not one of daily, 3x-week, weekly, off", s)
}

// SizePref is one size a shopper wears for one kind of garment, in one size system.
type SizePref struct {
	Kind   string // tops, bottoms, shoes, rings, dresses
	System string // letter, US, UK, EU, IT, FR, waist…
	Value  string
}

// ParseSizePref reads the KIND=SYSTEM:VALUE form of `tagdrop user prefs --size`.
func ParseSizePref(s string) (SizePref, error) {
	kind, rest, ok := strings.Cut(s, "=")
	system, value, ok2 := strings.Cut(rest, ":")
	kind, system, value = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(system), strings.TrimSpace(value)
	if !ok || !ok2 || kind == "" || system == "" || value == "" {
		return SizePref{}, fmt.Errorf("size %q is not KIND=SYSTEM:VALUE (e.g. shoes=EU:38 or tops=letter:M)", s)
	}
	switch kind {
	case "tops", "dresses", "bottoms", "shoes", "rings", "outerwear":
	default:
		return SizePref{}, fmt.Errorf("size %q: kind %q is not one of tops, dresses, bottoms, outerwear, shoes, rings", s, kind)
	}
	sys := strings.ToUpper(system)
	if strings.EqualFold(system, "letter") || strings.EqualFold(system, "waist") {
		sys = strings.ToLower(system)
	}
	return SizePref{Kind: kind, System: sys, Value: strings.ToUpper(value)}, nil
}

// Preferences are a shopper's standing request: the sale items they want to hear about.
type Preferences struct {
	UserID           int64
	Brands           []string // brand names as shown
	Sizes            []SizePref
	Categories       []string // category paths
	Currency         string
	MaxPrice         int64 // minor units; 0 means no limit
	MinDiscountPct   int
	HideQuestionable bool
	Frequency        Frequency
	DigestHour       int
	TimeZone         string
}
