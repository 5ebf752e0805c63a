package gopdf

import (
	"compress/zlib"
	"io"
	"sync"
)

// hall patch: zlib writers are pooled per level. A new zlib.Writer
// allocates ~1 MB of compressor state at its first write; a document
// deflates one stream per page and font, and a batch thousands.
var zlibPools [zlib.BestCompression - zlib.HuffmanOnly + 1]sync.Pool

// zlibWriter returns a pooled writer at level writing to w, and the
// function that returns it to the pool once closed.
func zlibWriter(w io.Writer, level int) (*zlib.Writer, func(), error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		zw, err := zlib.NewWriterLevel(w, level)
		return zw, func() {}, err
	}
	pool := &zlibPools[level-zlib.HuffmanOnly]
	if zw, ok := pool.Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw, func() { pool.Put(zw) }, nil
	}
	zw, err := zlib.NewWriterLevel(w, level)
	if err != nil {
		return nil, nil, err
	}
	return zw, func() { pool.Put(zw) }, nil
}

// deflate writes data to w as a zlib stream at level.
func deflate(w io.Writer, data []byte, level int) error {
	zw, done, err := zlibWriter(w, level)
	if err != nil {
		return err
	}
	defer done()
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}
