package extract

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// jsonLD reads every <script type="application/ld+json"> block. A block that is too big, broken
// or hostile costs only itself: its error is recorded with the block's number and line.
func (x *extraction) jsonLD() []*candidate {
	r := newSchemaReader(x, "json-ld")
	blockOf := map[unsafe.Pointer]int{}
	lines := map[int]int{}
	r.where = func(n map[string]any) (string, int) {
		if b, ok := blockOf[ptr(n)]; ok {
			return fmt.Sprintf("json-ld block %d", b), lines[b]
		}
		return "json-ld", 0
	}
	var roots []any
	block := 0
	for _, n := range x.doc.elems {
		if n.DataAtom != atom.Script || !isJSONLD(attr(n, "type")) {
			continue
		}
		block++
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		body := b.String()
		where := fmt.Sprintf("json-ld block %d", block)
		lines[block] = x.lineOf(strings.TrimSpace(body))
		if len(body) > MaxBlockBytes {
			x.errorf(where, lines[block], "%d bytes, more than the %d MiB a block may have: skipped", len(body), MaxBlockBytes>>20)
			continue
		}
		if strings.TrimSpace(body) == "" {
			continue
		}
		v, warnings, err := parseLenientJSON([]byte(body), jsonLimits{maxDepth: maxJSONDepth, maxArray: maxArrayItems, maxNodes: maxBlockValues})
		for _, w := range warnings {
			x.errorf(where, lines[block], "%s", w)
		}
		if err != nil {
			x.errorf(where, errorLine(lines[block], body, err), "not valid JSON-LD: %v: skipped", err)
			continue
		}
		markBlock(v, block, blockOf)
		roots = append(roots, v)
	}
	for _, v := range roots {
		r.index(v)
	}
	r.visits = 0
	for _, v := range roots {
		r.walk(v, false, false, 0)
	}
	if r.visits > maxVisits {
		x.errorf("json-ld", 0, "more than %d nodes to visit: read the first %d", maxVisits, maxVisits)
	}
	out := r.candidates()
	if len(r.orphans) > 0 {
		out = append(out, &candidate{source: "json-ld", offers: r.orphans, orphan: true, order: len(out)})
	}
	return out
}

// isJSONLD accepts "application/ld+json" with or without parameters or odd case.
func isJSONLD(t string) bool {
	t, _, _ = strings.Cut(t, ";")
	return strings.EqualFold(strings.TrimSpace(t), "application/ld+json")
}

// markBlock notes which block each node came from, for error messages.
func markBlock(v any, block int, blockOf map[unsafe.Pointer]int) {
	stack := []any{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch t := v.(type) {
		case []any:
			stack = append(stack, t...)
		case map[string]any:
			blockOf[ptr(t)] = block
			for _, c := range t {
				stack = append(stack, c)
			}
		}
	}
}

// errorLine is the page line of a syntax error: the block's first line plus the line breaks
// between the block's first character and the error.
func errorLine(blockLine int, body string, err error) int {
	var se *syntaxError
	if blockLine == 0 || !errors.As(err, &se) {
		return blockLine
	}
	lead := len(body) - len(strings.TrimLeft(body, " \t\r\n"))
	if se.offset < lead || se.offset > len(body) {
		return blockLine
	}
	return blockLine + strings.Count(body[lead:se.offset], "\n")
}
