// Package patrol fetches the pages that patrol watches, as a regulator must:
// behind an SSRF guard, politely per host, within size and time caps, as
// several identities (a browser, search spiders, a visitor from a search
// engine) so that cloaking shows, and keeps what it saw as content-addressed
// snapshots. It scans what it fetched with detect and says which variant
// carried which harmful content. It does not depend on store or web; the
// store-backed implementations of its interfaces (SnapshotStore, Limiter)
// live with the store.
package patrol
