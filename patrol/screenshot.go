package patrol

import "context"

// Screenshotter renders a fetched page as a browser would show it and
// returns a PNG, as evidence of a risky page. Patrol works without one.
type Screenshotter interface {
	Capture(ctx context.Context, p *Page) ([]byte, error)
}
