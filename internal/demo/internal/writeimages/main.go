// Command writeimages writes the demo's illustrations into the folder named by its argument;
// `go generate ./internal/demo` runs it into internal/web/static/demo/img.
package main

import (
	"fmt"
	"os"

	"github.com/tagdrop/tagdrop/internal/demo"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: writeimages DIR")
		os.Exit(2)
	}
	if err := demo.WriteImages(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "writeimages:", err)
		os.Exit(1)
	}
}
