package web

import (
	"bytes"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdown renders editors' Markdown (collection intros) to HTML that is safe to embed. goldmark
// already drops raw HTML (it is not built WithUnsafe); bluemonday's UGC policy then removes
// anything that slipped through (javascript: links, event attributes) and marks links nofollow.
// An editor account is not fully trusted: a stolen one must not be able to run script on readers.
type markdown struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

func newMarkdown() *markdown {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return &markdown{md: goldmark.New(), policy: p}
}

// HTML renders src; on the (theoretical) failure of the renderer it falls back to escaped text.
func (m *markdown) HTML(src string) template.HTML {
	var buf bytes.Buffer
	if err := m.md.Convert([]byte(src), &buf); err != nil {
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(m.policy.SanitizeBytes(buf.Bytes()))
}

// Excerpt is the plain text of the first paragraph of src, cut at a word boundary to at most
// max characters. Cards show it; the full intro is on the collection page.
func (m *markdown) Excerpt(src string, max int) string {
	source := []byte(src)
	doc := m.md.Parser().Parse(text.NewReader(source))
	var para ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			para = n
			break
		}
	}
	if para == nil {
		return ""
	}
	var b strings.Builder
	_ = ast.Walk(para, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return truncate(strings.Join(strings.Fields(b.String()), " "), max)
}

// truncate shortens s to at most max characters at a word boundary, adding an ellipsis.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:–-") + "…"
}
