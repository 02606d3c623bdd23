// Package pricing turns retailers' price strings into money and decides what a price change
// means for shoppers: whether a sale applies right now and which sale events a change makes.
// It is pure: no storage, no network.
package pricing
