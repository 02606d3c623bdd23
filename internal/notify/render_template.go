package notify

import (
	"bytes"
	"html/template"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The digest's markup, in chunks between the values. appendDigestHTML writes them with escaped
// values in between; digestTemplateSource joins them with html/template actions. Mail clients
// ignore <style> blocks and most CSS, so the layout is nested tables 600px wide at most, styles
// are inline, and images have fixed sizes.
const (
	hStart     = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>`
	hPreheader = `</title></head><body style="margin:0;padding:0;background:#f4f1ec;"><div style="display:none;max-height:0;overflow:hidden;">`
	hTop       = `</div><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f1ec;"><tr><td align="center" style="padding:16px 8px;">` +
		`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;color:#1d1d1f;">` +
		`<tr><td style="padding:20px 20px 8px;"><a href="`
	hLogo    = `" style="font-size:22px;font-weight:bold;color:#1d1d1f;text-decoration:none;">tagdrop</a></td></tr><tr><td style="padding:0 20px 12px;"><h1 style="margin:0;font-size:20px;line-height:1.3;">`
	hHeadEnd = `</h1></td></tr>`

	iStart = `<tr><td style="padding:12px 20px;border-top:1px solid #ece8e1;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
		`<td width="96" valign="top" style="width:96px;padding-right:12px;"><a href="`
	iImg          = `"><img src="`
	iAlt          = `" width="96" height="120" alt="`
	iBrand        = `" style="display:block;width:96px;height:120px;border:0;border-radius:4px;background:#f4f1ec;font-size:11px;line-height:1.3;color:#6e6e73;"></a></td><td valign="top" style="font-size:14px;line-height:1.4;"><div style="font-size:12px;font-weight:bold;letter-spacing:0.5px;text-transform:uppercase;">`
	iTitleLink    = `</div><a href="`
	iTitle        = `" style="color:#1d1d1f;text-decoration:none;">`
	iNow          = `</a><div style="margin-top:4px;"><span style="font-size:16px;font-weight:bold;color:#b3261e;">`
	iWas          = `</span> <s style="color:#6e6e73;">`
	iWasEnd       = `</s>`
	iDiscount     = ` <span style="color:#b3261e;font-weight:bold;">`
	iDiscountEnd  = `</span>`
	iMeta         = `</div><div style="color:#6e6e73;">`
	iSizeEnd      = ` · `
	iAt           = `at `
	iMetaEnd      = `</div>`
	iLowest       = `<div style="margin-top:4px;font-size:12px;font-weight:bold;color:#1b7f3b;">` + textLowest + `</div>`
	iQuestionable = `<div style="margin-top:4px;font-size:12px;color:#8a5a00;">` + textQuestionable + `</div>`
	iNote         = `<div style="margin-top:4px;font-size:13px;font-weight:bold;color:#b3261e;">`
	iNoteEnd      = `</div>`
	iEnd          = `</td></tr></table></td></tr>`

	hSection    = `<tr><td style="padding:16px 20px 4px;border-top:1px solid #ece8e1;"><h2 style="margin:0;font-size:16px;line-height:1.3;">`
	hSectionEnd = `</h2></td></tr>`

	hMore     = `<tr><td align="center" style="padding:16px 20px;border-top:1px solid #ece8e1;"><a href="`
	hMoreText = `" style="display:inline-block;padding:12px 20px;background:#1d1d1f;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;font-size:14px;">And `
	hMoreEnd  = ` more on sale in your size</a></td></tr>`

	hCollection         = `<tr><td style="padding:16px 20px;background:#faf7f2;border-top:1px solid #ece8e1;"><div style="font-size:12px;letter-spacing:0.5px;text-transform:uppercase;color:#6e6e73;">Featured collection</div><a href="`
	hCollectionTitle    = `" style="font-size:16px;font-weight:bold;color:#1d1d1f;">`
	hCollectionTitleEnd = `</a>`
	hCollectionIntro    = `<div style="margin-top:4px;font-size:14px;color:#3a3a3c;">`
	hCollectionIntroEnd = `</div>`
	hCollectionEnd      = `</td></tr>`

	hFooter         = `<tr><td style="padding:16px 20px;border-top:1px solid #ece8e1;font-size:12px;line-height:1.5;color:#6e6e73;">You get this digest because you follow these labels on tagdrop. <a href="`
	hSettingsEnd    = `" style="color:#6e6e73;">Change what you get</a>.`
	hUnsubscribe    = ` <a href="`
	hUnsubscribeEnd = `" style="color:#6e6e73;">Unsubscribe</a>.`
	hEnd            = `</td></tr></table></td></tr></table></body></html>`

	textLowest       = "Lowest price in 30 days"
	textQuestionable = "Note: the “was” price was rarely charged before this sale, so the real discount may be smaller."
)

// digestTemplateSource is the same digest as an html/template, for the reference renderer.
const digestTemplateSource = `{{define "item"}}{{if .Heading}}` + hSection + `{{.Heading}}` + hSectionEnd + `{{end}}` +
	iStart + `{{.URL}}` + iImg + `{{.ImageURL}}` + iAlt + `{{.Brand}} {{.Title}}` + iBrand + `{{.Brand}}` + iTitleLink + `{{.URL}}` + iTitle + `{{.Title}}` +
	iNow + `{{money .Now .Currency}}` + `{{if .Was}}` + iWas + `{{money .Was .Currency}}` + iWasEnd + `{{if .Discount}}` + iDiscount + `{{.Discount}}` + iDiscountEnd + `{{end}}{{end}}` +
	iMeta + `{{if .Size}}{{.Size}}` + iSizeEnd + `{{end}}` + `{{if .Retailer}}` + iAt + `{{.Retailer}}{{end}}` + iMetaEnd +
	`{{if .Lowest30d}}` + iLowest + `{{end}}{{if .Questionable}}` + iQuestionable + `{{end}}{{if .Note}}` + iNote + `{{.Note}}` + iNoteEnd + `{{end}}` + iEnd + `{{end}}` +
	hStart + `{{.Subject}}` + hPreheader + `{{.Preheader}}` + hTop + `{{.BaseURL}}` + hLogo + `{{.Subject}}` + hHeadEnd +
	`{{range .Loves}}{{template "item" .}}{{end}}{{range .Items}}{{template "item" .}}{{end}}` +
	`{{if gt .More 0}}` + hMore + `{{.MoreURL}}` + hMoreText + `{{.More}}{{if .MoreAtLeast}}+{{end}}` + hMoreEnd + `{{end}}` +
	`{{with .Collection}}` + hCollection + `{{.URL}}` + hCollectionTitle + `{{.Title}}` + hCollectionTitleEnd +
	`{{if .Intro}}` + hCollectionIntro + `{{.Intro}}` + hCollectionIntroEnd + `{{end}}` + hCollectionEnd + `{{end}}` +
	hFooter + `{{.SettingsURL}}` + hSettingsEnd + `{{if .UnsubscribeURL}}` + hUnsubscribe + `{{.UnsubscribeURL}}` + hUnsubscribeEnd + `{{end}}` + hEnd

// digestTemplate is parsed once; a broken template panics at start, never at send time.
var digestTemplate = template.Must(template.New("digest").Funcs(template.FuncMap{"money": catalog.FormatMoney}).Parse(digestTemplateSource))

// RenderDigestTemplate renders a digest through html/template: the plain way, kept as the
// reference RenderDigest is tested and benchmarked against. Its HTML parses to the same document.
func RenderDigestTemplate(d Digest) (Message, error) {
	v, err := newDigestView(&d)
	if err != nil {
		return Message{}, err
	}
	var html bytes.Buffer
	if err := digestTemplate.Execute(&html, v); err != nil {
		return Message{}, err
	}
	return digestMessage(&d, v, html.String(), string(appendDigestText(nil, v))), nil
}
