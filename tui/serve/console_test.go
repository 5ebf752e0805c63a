package serve

import (
	"github.com/rongjiuzhu/hall/casefile"
	"github.com/rongjiuzhu/hall/meeting"
	"github.com/rongjiuzhu/hall/tui/console"
	"github.com/rongjiuzhu/hall/tui/frontdesk"
)

// consoleOptions plug the meeting console into every test server's front
// desk.
func consoleOptions(st *casefile.Store) []frontdesk.Option {
	return []frontdesk.Option{frontdesk.WithMeeting(console.Page(console.NewStore(meeting.New(st))))}
}
