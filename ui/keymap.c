/* keymap.c: the key bindings as one table, read both ways: a key to its
 * action, and an action to its keys for the help screen. */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

const struct action_info action_info[ACT_COUNT] = {
#define ACTION(id, name, right, help) [ACT_##id] = { name, right, help },
	ACTIONS
#undef ACTION
};

static const struct {
	int is_key;
	wint_t code;
	const char *label;
	enum action action;
} bindings[] = {
	{ 0, 'j', "j", ACT_MOVE_DOWN }, { 1, KEY_DOWN, "↓", ACT_MOVE_DOWN },
	{ 0, 'k', "k", ACT_MOVE_UP }, { 1, KEY_UP, "↑", ACT_MOVE_UP },
	{ 0, 'h', "h", ACT_COLLAPSE }, { 1, KEY_LEFT, "←", ACT_COLLAPSE },
	{ 0, 'l', "l", ACT_EXPAND }, { 1, KEY_RIGHT, "→", ACT_EXPAND },
	{ 0, '\n', "Enter", ACT_TOGGLE }, { 0, '\r', NULL, ACT_TOGGLE },
	{ 1, KEY_ENTER, NULL, ACT_TOGGLE },
	{ 0, 'g', "g", ACT_TOP }, { 1, KEY_HOME, "Home", ACT_TOP },
	{ 0, 'G', "G", ACT_BOTTOM }, { 1, KEY_END, "End", ACT_BOTTOM },
	{ 1, KEY_NPAGE, "PgDn", ACT_PAGE_DOWN }, { 0, ' ', "Space", ACT_PAGE_DOWN },
	{ 1, KEY_PPAGE, "PgUp", ACT_PAGE_UP },
	{ 0, '\t', "Tab", ACT_NEXT_PANE },
	{ 0, '[', "[", ACT_YEAR_BACK }, { 0, ']', "]", ACT_YEAR_ON },
	{ 0, '/', "/", ACT_SEARCH },
	{ 0, 'n', "n", ACT_NEXT_MATCH }, { 0, 'N', "N", ACT_PREV_MATCH },
	{ 0, ':', ":", ACT_COMMAND },
	{ 0, 't', "t", ACT_NEXT_TREE },
	{ 0, 'P', "P", ACT_PROJECTS_TREE },
	{ 0, 'r', "r", ACT_NEXT_PLACE },
	{ 0, 12, "C-l", ACT_REDRAW },
	{ 0, 'e', "e", ACT_ENTER_VALUE },
	{ 0, 'i', "i", ACT_DETAIL },
	{ 0, 'H', "H", ACT_HISTORY },
	{ 0, 'u', "u", ACT_UNDO },
	{ 0, '!', "!", ACT_NEXT_DUE },
	{ 0, 'd', "d", ACT_DASHBOARD },
	{ 0, 'p', "p", ACT_PRESENT },
	{ 0, '?', "?", ACT_HELP },
	{ 0, 'q', "q", ACT_QUIT },
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

enum action keymap_action(const struct key *k)
{
	size_t i;

	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].is_key == k->is_key && bindings[i].code == k->code)
			return bindings[i].action;
	return ACT_NONE;
}

char *keymap_keys(enum action action, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < NBINDINGS && used < size; i++)
		if (bindings[i].action == action && bindings[i].label)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? " " : "",
						 bindings[i].label);
	return buf;
}
