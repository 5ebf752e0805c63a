package casefile

import (
	"crypto/rand"
	"errors"
	"fmt"
)

// sealKeyName is the key in the meta bucket holding the database's seal
// key: 32 random bytes made at the first print, never shown, never
// changed (changing it would make every printed code fail).
var sealKeyName = []byte("seal_key")

// sealKeyLen is the length of the seal key in bytes.
const sealKeyLen = 32

// ErrNoSealKey: the database has no seal key yet (nothing sealed has been
// printed from it), and a read-only store cannot make one.
var ErrNoSealKey = newError("no_seal_key", "本数据库尚未打印过带校验码的文书", "this database has printed no document with a check code yet")

// SealKey returns the database's secret key for the check codes printed
// on documents (printouts.Seal), making it on first use. The key belongs
// to this database: a code printed from another database does not match.
// A read-only store without a key gives ErrNoSealKey.
func (s *Store) SealKey() ([]byte, error) {
	var key []byte
	err := s.View(func(t *Tx) error {
		if b := t.tx.Bucket(bMeta); b != nil {
			key = append([]byte(nil), b.Get(sealKeyName)...)
		}
		return nil
	})
	if err != nil || len(key) == sealKeyLen {
		return key, err
	}
	err = s.Update(func(t *Tx) error {
		if k := t.kv().Get(bMeta, sealKeyName); len(k) == sealKeyLen { // made meanwhile
			key = append([]byte(nil), k...)
			return nil
		}
		key = make([]byte, sealKeyLen)
		if _, err := rand.Read(key); err != nil {
			return fmt.Errorf("seal key: %w", err)
		}
		return t.put(bMeta, sealKeyName, key)
	})
	if errors.Is(err, ErrReadOnly) {
		return nil, ErrNoSealKey
	}
	return key, err
}
