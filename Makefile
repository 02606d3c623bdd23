# A short Makefile; CI uses these targets too.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
# Build and test with the toolchain go.mod names (fetched from the module proxy once), even where
# the installed Go's go.env says GOTOOLCHAIN=local.
GOTOOLCHAIN ?= auto
export GOTOOLCHAIN

.PHONY: run test lint bench build

run:
	go run -ldflags "$(LDFLAGS)" ./cmd/tagdrop serve --demo

build:
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o bin/tagdrop ./cmd/tagdrop

test:
	go test -count=1 -timeout 15m ./...

lint:
	gofmt -l cmd internal e2e
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...
