package linebreak

// Segments splits text into the pieces a line may end between, by the
// rules of Lines: the narrowest lines Lines could make without cutting a
// piece by width. A table sizes its columns so that its widest piece fits.
// Spaces at the end of a piece are dropped, and "\n" ends one.
func Segments(text string) []string {
	var out []string
	for _, p := range paragraphs(text) {
		cs := clusters(p, nil, false)
		start := 0
		for i, c := range cs {
			if c.canBreak || i == len(cs)-1 {
				if end := trimEnd(p, start, c.end); end > start {
					out = append(out, p[start:end])
				}
				start = c.end
			}
		}
	}
	return out
}
