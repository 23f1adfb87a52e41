package main

// The time zone database is embedded so that --timezone takes an IANA name
// on a server without one installed (a minimal container, for instance).
import _ "time/tzdata"
