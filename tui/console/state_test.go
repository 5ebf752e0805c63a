package console

import (
	"fmt"
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/rongjiuzhu/hall/casefile"
)

// disabledKeys lists the bindings of a keymap struct that are off.
func disabledKeys(v reflect.Value, path string, out *[]string) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if b, ok := v.Interface().(key.Binding); ok {
		if !b.Enabled() {
			*out = append(*out, path)
		}
		return
	}
	if v.Kind() == reflect.Array {
		for i := 0; i < v.Len(); i++ {
			disabledKeys(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
		return
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).IsExported() {
			disabledKeys(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	}
}

// The keys that depend on the state are worked out where they are used:
// neither the console's keymap nor the shared Common.Keys is ever
// switched off, whatever the screens showed.
func TestMeetingKeymapNeverSwitched(t *testing.T) {
	_, _, d := walking(t, casefile.ZH, 100, 30, 0)
	d.Press("?", "?", "n", "3", "esc", "down", "enter", "2", "1", "3")
	d.Must("已闭会，记录已冻结（只读）")
	if k := d.page().walk.keys(); k.Agree.Enabled() || k.Decide.Enabled() {
		t.Fatal("a closed session takes votes")
	}
	var off []string
	disabledKeys(reflect.ValueOf(d.page().sh.keys), "meetingKeys", &off)
	disabledKeys(reflect.ValueOf(d.m.c.Keys), "Common.Keys", &off)
	if len(off) > 0 {
		t.Fatalf("switched off in a shared keymap: %v", off)
	}
}

// A session's screen is shown only once the session is read: until then
// the list stays, and keys go to it.
func TestMeetingScreenWaitsForItsSession(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	cmd := d.page().openSession(demoOpen, stateSetup)
	if d.page().sh.state != stateSessions || d.page().sh.b != nil {
		t.Fatalf("state %d before the session was read", d.page().sh.state)
	}
	d.Must("综合研判会", demoClosed, "正在读取")
	d.Run(cmd)
	if d.page().sh.state != stateSetup || d.page().sh.b == nil || d.page().sh.b.sess.Number != demoOpen {
		t.Fatalf("state %d after the session was read", d.page().sh.state)
	}
	d.Must("出席 15/17，已达法定人数")
}

// A session read that answers after the user went back to the list does
// not bring the session back.
func TestMeetingStaleSessionDropped(t *testing.T) {
	_, ms := openMeeting(t)
	d := newMtgConsole(t, ms, casefile.ZH, 80, 24)
	openDemoSession(t, d)
	b := d.page().sh.b
	d.Press("esc")
	d.Send(meetingJobMsg{id: -1, msg: boardLoadedMsg{b: b}})
	if d.page().sh.b != nil || d.page().sh.state != stateSessions {
		t.Fatal("a late answer reopened the session")
	}
	d.Must("综合研判会", demoClosed, "n  新开研判会")
}
