package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/rongjiuzhu/hall/casefile"
)

// configName is the settings file looked for beside the database.
const configName = "hall.toml"

// config is the hall's settings file (README "Running a hall"):
//
//	kiosk = true                 # the front desk runs as a kiosk (hall --kiosk)
//	kiosk_idle = "2m"            # idle time before the neutral page
//	kiosk_code_sha256 = "…"      # printf %s CODE | sha256sum: the code that leaves the kiosk
//	unmapped_local = "read-only" # local OS users without `user add --local-user`: read-only | none
type config struct {
	Kiosk           bool     `toml:"kiosk"`
	KioskIdle       duration `toml:"kiosk_idle"`
	KioskCodeSHA256 string   `toml:"kiosk_code_sha256"`
	UnmappedLocal   string   `toml:"unmapped_local"`
}

// duration is a time.Duration written as "2m", "90s".
type duration struct{ time.Duration }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	if v <= 0 {
		return fmt.Errorf("%s is not a positive duration", b)
	}
	d.Duration = v
	return nil
}

// Ways to treat an unmapped local user.
const (
	unmappedReadOnly = "read-only"
	unmappedNone     = "none"
)

// configPath is --config, else HALL_CONFIG, else hall.toml beside the
// database.
func (a *app) configPath() string {
	if a.configFile != "" {
		return a.configFile
	}
	if p := os.Getenv("HALL_CONFIG"); p != "" {
		return p
	}
	return filepath.Join(filepath.Dir(a.dbPath), configName)
}

// loadConfig reads the settings; a missing file is all defaults, a bad
// one is refused with the file and the reason.
func (a *app) loadConfig() (*config, error) {
	cfg := &config{UnmappedLocal: unmappedReadOnly}
	path := a.configPath()
	md, err := toml.DecodeFile(path, cfg)
	switch {
	case errors.Is(err, os.ErrNotExist) && a.configFile == "":
		return cfg, nil
	case err != nil:
		return nil, casefile.ErrInvalid.Withf("设置文件 %s：%v", "settings file %s: %v", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			keys = append(keys, k.String())
		}
		return nil, casefile.ErrInvalid.Withf("设置文件 %s：未知的设置 %s", "settings file %s: unknown settings %s", path, strings.Join(keys, ", "))
	}
	switch cfg.UnmappedLocal {
	case unmappedReadOnly, unmappedNone:
	default:
		return nil, casefile.ErrInvalid.Withf("设置文件 %s：unmapped_local 应为 read-only 或 none，不是 %q", "settings file %s: unmapped_local must be read-only or none, not %q", path, cfg.UnmappedLocal)
	}
	if c := cfg.KioskCodeSHA256; c != "" {
		if b, err := hex.DecodeString(c); err != nil || len(b) != sha256.Size {
			return nil, casefile.ErrInvalid.Withf("设置文件 %s：kiosk_code_sha256 应为 64 位十六进制（printf %%s 代码 | sha256sum）", "settings file %s: kiosk_code_sha256 must be 64 hex digits (printf %%s CODE | sha256sum)", path)
		}
	}
	return cfg, nil
}

// kioskUnlock checks a typed code against the configured hash; nil when
// no code is configured (the kiosk cannot be left from its keyboard).
func (cfg *config) kioskUnlock() func(string) bool {
	want, err := hex.DecodeString(cfg.KioskCodeSHA256)
	if err != nil || len(want) != sha256.Size {
		return nil
	}
	return func(code string) bool {
		got := sha256.Sum256([]byte(code))
		return subtle.ConstantTimeCompare(got[:], want) == 1
	}
}
