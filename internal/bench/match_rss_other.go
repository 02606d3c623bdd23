//go:build !unix

package bench

// selfPeakRSSMB is 0 where getrusage is missing.
func selfPeakRSSMB() float64 { return 0 }

// selfCPUSeconds is 0 where getrusage is missing.
func selfCPUSeconds() float64 { return 0 }
