package ingest

import "testing"

// Descriptions feeds carry as HTML read as the text a shopper sees.
func TestPlainDescription(t *testing.T) {
	for in, want := range map[string]string{
		"Soft cotton tee.": "Soft cotton tee.",
		"Tom &amp; Jerry":  "Tom & Jerry",
		"a < b and c > d":  "a < b and c > d",
		"<p>Flowy tiered maxi in a <strong>ditsy floral</strong> print.</p><ul><li>Midi length</li><li>100% viscose</li></ul>": "Flowy tiered maxi in a ditsy floral print.\nMidi length\n100% viscose",
		"Soft cotton&lt;br&gt;Relaxed fit":                                 "Soft cotton\nRelaxed fit",
		"Line one<br/>Line two<script>alert(1)</script><style>p{}</style>": "Line one\nLine two",
		"<div>Caf&eacute; cr&egrave;me</div>":                              "Café crème",
		// Text with angle brackets or ampersands of its own stays as written (a review's cases).
		"Model wears Size <M>. Fits true to size.":          "Model wears Size <M>. Fits true to size.",
		"Write to Customer Care <service@shop-example.de>.": "Write to Customer Care <service@shop-example.de>.",
		"Use code &lt;SUMMER20&gt; at checkout.":            "Use code <SUMMER20> at checkout.",
		"Slim fit: waist<hip measurement by 10 cm.":         "Slim fit: waist<hip measurement by 10 cm.",
		"<<Limited Edition>> hand-finished":                 "<<Limited Edition>> hand-finished",
		"Tom&notch lapel, Black&copy print":                 "Tom&notch lapel, Black&copy print",
	} {
		if got := plainDescription(in); got != want {
			t.Errorf("plainDescription(%q) = %q, want %q", in, got, want)
		}
	}
}
