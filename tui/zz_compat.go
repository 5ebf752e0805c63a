package tui

import tea "charm.land/bubbletea/v2"

func goBack() tea.Msg { return GoBack() }
