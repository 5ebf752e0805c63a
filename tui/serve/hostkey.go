package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyName is the host key's file name beside the database.
const DefaultHostKeyName = "hall_host_ed25519"

// loadHostKey reads the server's private host key at path, creating an
// ed25519 key readable by its owner only when there is none. A key that
// others may read is refused, as sshd refuses one.
//
// wish.WithHostKeyPath is not used: the key generator behind it changes
// the mode of the key's directory to 0700, which for a database kept in a
// shared directory (/tmp, /srv) would lock everyone else out of it.
func loadHostKey(path string) (pemBytes []byte, signer gossh.Signer, created bool, err error) {
	pemBytes, err = os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if pemBytes, err = createHostKey(path); err != nil {
			return nil, nil, false, err
		}
		created = true
	} else if err != nil {
		return nil, nil, false, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, false, err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, nil, false, fmt.Errorf("host key %s may be read by others (mode %04o); run chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	signer, err = gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return pemBytes, signer, created, nil
}

// createHostKey writes a new ed25519 key at path with mode 0600; it never
// replaces a file that appeared meanwhile.
func createHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "hall host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	return data, nil
}
