package casefile

import (
	"bytes"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Migration from schema 1 (no journal). The file is copied to
// <db>.schema1-backup first; then the journal is built from the records
// as they are: records of at most migrateOps puts each, by system:hall,
// written in transactions of migrateRecords records, and a last record
// setting the schema to 2. A migration cut short leaves the schema at 1
// and is started again, from an empty journal, at the next open.

const (
	migrateOps      = 2000
	migrateRecords  = 25
	migrateQuietMax = 20000 // entries below which no progress is shown
)

func (s *Store) migrate(from uint64) error {
	backup := MigrationBackup(s.path, from)
	if _, err := os.Stat(backup); err == nil {
		backup += "-" + s.now().Format("20060102-150405")
	}
	if _, err := s.BackupFile(backup); err != nil {
		return fmt.Errorf("migrate schema %d→%d: backup first: %w", from, SchemaVersion, err)
	}
	// What is there to journal.
	var buckets [][]byte
	total := 0
	err := s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bJournal) != nil { // a migration cut short
			if err := tx.DeleteBucket(bJournal); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(bJournal); err != nil {
			return err
		}
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if journaled(name) {
				buckets = append(buckets, bytes.Clone(name))
				total += b.Stats().KeyN
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	progress := s.progress
	if progress == nil && total > migrateQuietMax {
		progress = os.Stderr
	}
	show := func(done int) {
		if progress != nil {
			fmt.Fprintf(progress, "\r升级数据库结构 upgrading the database: %d / %d", done, total)
		}
	}
	done := 0
	now := s.now()
	for _, name := range buckets {
		var after []byte // the last key journaled; nil before the first
		first := true
		for more := true; more; {
			var head Head
			err := s.update(func(tx *bolt.Tx) error {
				k := boltKV{tx}
				b := tx.Bucket(name)
				c := b.Cursor()
				var key, val []byte
				if after == nil {
					key, val = c.First()
				} else if key, val = c.Seek(after); key != nil && bytes.Equal(key, after) {
					key, val = c.Next()
				}
				for range migrateRecords {
					var ops []jop
					if first {
						if n := b.Sequence(); n > 0 {
							ops = append(ops, jop{kind: opSeq, bucket: name, value: u64(n)})
						}
						first = false
					}
					for ; key != nil && len(ops) < migrateOps; key, val = c.Next() {
						if val == nil && b.Bucket(key) != nil {
							continue // a nested bucket: the case file has none
						}
						ops = append(ops, jop{kind: opPut, bucket: name, key: bytes.Clone(key), value: bytes.Clone(val)})
						after = bytes.Clone(key)
						done++
					}
					if len(ops) > 0 {
						var err error
						if head, err = appendJournal(k, now, systemUser, ops); err != nil {
							return err
						}
					}
					if key == nil {
						more = false
						return nil
					}
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("migrate schema %d→%d: %w", from, SchemaVersion, err)
			}
			if head.Seq > 0 {
				s.anchor(head)
			}
			show(done)
		}
	}
	if progress != nil {
		fmt.Fprintln(progress)
	}
	err = s.Update(func(t *Tx) error {
		t.by(systemUser)
		t.now = now.Add(time.Nanosecond)
		return t.put(bMeta, []byte("schema"), u64(SchemaVersion))
	})
	if err != nil {
		return err
	}
	// the index entries the journal now holds were in the buckets already
	return s.update(func(tx *bolt.Tx) error {
		h, err := journalHead(boltKV{tx})
		if err != nil {
			return err
		}
		return setApplied(tx, h.Seq)
	})
}

// MigrationBackup is the copy of the database at path written before its
// migration from schema from.
func MigrationBackup(path string, from uint64) string {
	return fmt.Sprintf("%s.schema%d-backup", path, from)
}
