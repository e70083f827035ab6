"""The associate programme: the vetted roster, councils' help requests, matching and engagements."""
