package gopdf

// Point a point in a two-dimensional
type Point struct {
	X float64
	Y float64
}
