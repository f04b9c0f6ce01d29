/* draw.c: drawing and small dialogues shared by the browser's screens. */
#include "draw.h"
#include "i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "input.h"
#include "width.h"

static int colors;

void put(int y, int x, int cols, const char *text, attr_t attr)
{
	char buf[TEXT_MAX * 4];

	if (cols <= 0)
		return;
	width_cut(text, cols, 1, buf, sizeof buf);
	attron(attr);
	mvaddstr(y, x, buf);
	attroff(attr);
}

/* Box-drawing lines are ambiguous in width: where the terminal draws
 * them two columns wide, the frames are drawn in ASCII. */
void frame(int y, int x, int h, int w, const char *title, int focused)
{
	int ascii = width_ambiguous() == 2;
	char buf[256];

	mvhline(y, x + 1, ascii ? '-' : ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ascii ? '-' : ACS_HLINE, w - 2);
	mvvline(y + 1, x, ascii ? '|' : ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ascii ? '|' : ACS_VLINE, h - 2);
	mvaddch(y, x, ascii ? '+' : ACS_ULCORNER);
	mvaddch(y, x + w - 1, ascii ? '+' : ACS_URCORNER);
	mvaddch(y + h - 1, x, ascii ? '+' : ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ascii ? '+' : ACS_LRCORNER);
	snprintf(buf, sizeof buf, " %s%s ", title, focused ? " *" : "");
	put(y, x + 2, width_of(buf) < w - 4 ? width_of(buf) : w - 4, buf, A_BOLD);
}

const char *draw_status_symbol(enum status status)
{
	/* → and ↓ are ambiguous in width: ASCII stands in at width 2. */
	static const char *const symbols[2][STATUS_COUNT] = {
		{ [STATUS_ACHIEVED] = "✓", [STATUS_ON_TRACK] = "→",
		  [STATUS_BEHIND] = "↓", [STATUS_ACTUAL_ONLY] = "=",
		  [STATUS_NO_DATA] = "?" },
		{ [STATUS_ACHIEVED] = "✓", [STATUS_ON_TRACK] = ">",
		  [STATUS_BEHIND] = "v", [STATUS_ACTUAL_ONLY] = "=",
		  [STATUS_NO_DATA] = "?" },
	};

	return symbols[width_ambiguous() == 2][status];
}

char *draw_marks(const int counts[STATUS_COUNT], char *buf, size_t size)
{
	const enum status *order = progress_status_order;
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < STATUS_COUNT && used < size; i++) {
		if (!counts[order[i]])
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%d%s", used ? " " : "",
					 counts[order[i]], draw_status_symbol(order[i]));
	}
	return buf;
}

static int no_color(void)
{
	const char *no = getenv("NO_COLOR");

	return no && *no;
}

/* Pairs 1-5 follow enum status. */
void draw_start_colors(void)
{
	if (no_color() || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1 + STATUS_NO_DATA, -1, -1);
	init_pair(1 + STATUS_BEHIND, COLOR_RED, -1);
	init_pair(1 + STATUS_ON_TRACK, COLOR_CYAN, -1);
	init_pair(1 + STATUS_ACHIEVED, COLOR_GREEN, -1);
	init_pair(1 + STATUS_ACTUAL_ONLY, -1, -1);
	colors = 1;
}

int draw_colors(void)
{
	return colors;
}

attr_t draw_status_attr(enum status status)
{
	return colors ? COLOR_PAIR(1 + status) : 0;
}

int draw_ascii(void)
{
	const char *term = termname();

	return no_color() || width_ambiguous() == 2 || (term && strncmp(term, "vt", 2) == 0);
}
