package web

import (
	"bytes"
	"html/template"
	"testing"
)

// TestOptionsHTMLMatchesTemplate renders facet options, hostile values included, with
// OptionsHTML and with the html/template markup it replaced: the bytes must be equal once
// both escape alike, and no value may break out of its attribute or label.
func TestOptionsHTMLMatchesTemplate(t *testing.T) {
	g := facetGroup{Param: "brand", Options: []option{
		{ID: "f-brand-0", Value: "Chloé", Label: "Chloé", Count: 12, Checked: true},
		{ID: "f-brand-1", Value: `"><script>alert(1)</script>`, Label: `<img src=x onerror=alert(1)>`, Count: 3},
		{ID: "f-brand-2", Value: "Marks & Spencer", Label: "Marks & Spencer", Indent: true},
		{ID: "f-brand-3", Value: "L'Autre Chose", Label: "L'Autre Chose", Count: 1},
	}}
	ref := template.Must(template.New("ref").Parse(`{{range $o := .Options}}<li{{if .Indent}} class="indent"{{end}}><input type="checkbox" id="{{.ID}}" name="{{$.Param}}" value="{{.Value}}"{{if .Checked}} checked{{end}}> <label for="{{.ID}}">{{.Label}}{{if .Count}} <span class="count">{{.Count}}</span>{{end}}</label></li>
{{end}}`))
	var want bytes.Buffer
	if err := ref.Execute(&want, g); err != nil {
		t.Fatal(err)
	}
	got := string(g.OptionsHTML())
	// html/template writes ' as &#39; and " as &#34;; html.EscapeString the same.
	if got != want.String() {
		t.Errorf("OptionsHTML:\n%s\nhtml/template:\n%s", got, want.String())
	}
}
