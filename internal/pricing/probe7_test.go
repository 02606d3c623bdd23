package pricing

import "testing"

// TestParseProbe7 reads the seventh probe's strings, all read as one offer's price cell or block
// (ParseOptions.SalePair): two unlabelled prices side by side in thirty-odd currencies ("$59.99
// $44.99", "79,99 € 59,99 €", "2 490 ₽ 1 990 ₽") beside the shapes that must keep the first
// (ranges, a charge, tax or deposit after the second, a higher second, three prices, a saving
// that names other prices), sizes, model numbers and times before a price ("EU 43 119,90 €",
// "Galaxy S24 799 €", "kl 12 199 kr"), and ordinary prices of many countries. Each row's "group"
// ("plain", "hard") and "topic" are for reading the file only.
func TestParseProbe7(t *testing.T) { runProbeFile(t, "testdata/probe7_cases.jsonl") }
