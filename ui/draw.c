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
	static const char *const symbols[2][4] = {
		{ [STATUS_ACHIEVED] = "✓", [STATUS_ON_TRACK] = "→",
		  [STATUS_BEHIND] = "↓", [STATUS_NO_DATA] = "?" },
		{ [STATUS_ACHIEVED] = "✓", [STATUS_ON_TRACK] = ">",
		  [STATUS_BEHIND] = "v", [STATUS_NO_DATA] = "?" },
	};

	return symbols[width_ambiguous() == 2][status];
}

char *draw_marks(const int counts[4], char *buf, size_t size)
{
	static const enum status order[] = {
		STATUS_ACHIEVED, STATUS_ON_TRACK, STATUS_BEHIND, STATUS_NO_DATA,
	};
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < 4 && used < size; i++) {
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

/* Pairs 1-4 follow enum status. */
void draw_start_colors(void)
{
	if (no_color() || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1 + STATUS_NO_DATA, -1, -1);
	init_pair(1 + STATUS_BEHIND, COLOR_RED, -1);
	init_pair(1 + STATUS_ON_TRACK, COLOR_CYAN, -1);
	init_pair(1 + STATUS_ACHIEVED, COLOR_GREEN, -1);
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

int draw_prompt(const char *prefix, char *buf, size_t size, const struct prompt_hooks *h)
{
	size_t len = strlen(buf);

	for (;;) {
		char line[TEXT_MAX];
		struct key k;
		int busy = h && h->busy && h->busy(h->ctx);

		snprintf(line, sizeof line, "%s%s", prefix, buf);
		put(LINES - 1, 0, COLS, line, 0);
		move(LINES - 1, width_of(line) < COLS ? width_of(line) : COLS - 1);
		curs_set(1);
		refresh();
		if (input_next(&k, busy ? 0 : -1) < 0) {
			if (busy && h->idle)
				h->idle(h->ctx);
			continue;
		}
		curs_set(0);
		if (!k.is_key && k.code == 27)
			return 0;
		if (!k.is_key && (k.code == '\n' || k.code == '\r'))
			return 1;
		if ((k.is_key && k.code == KEY_BACKSPACE) || (!k.is_key && (k.code == 127 || k.code == 8))) {
			while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0)
				len--;
			buf[len] = '\0';
		} else if (k.is_key && k.code == KEY_RESIZE) {
			if (h && h->redraw)
				h->redraw(h->ctx);
		} else if (!k.is_key && k.code >= 0x20) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			size_t n;

			memset(&st, 0, sizeof st);
			n = wcrtomb(mb, (wchar_t)k.code, &st);
			if (n != (size_t)-1 && len + n < size) {
				memcpy(buf + len, mb, n);
				len += n;
				buf[len] = '\0';
			}
		}
		if (h && h->change)
			h->change(h->ctx, buf);
	}
}

int draw_choose(const char *title, const char *const *options, int n, int current)
{
	int i, w = width_of(title) + 6, h, y, x;

	for (i = 0; i < n; i++)
		if (width_of(options[i]) + 6 > w)
			w = width_of(options[i]) + 6;
	if (w > COLS)
		w = COLS;
	h = n + 4 < LINES ? n + 4 : LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	if (current < 0 || current >= n)
		current = 0;
	for (;;) {
		struct key k;

		for (i = 0; i < h; i++)
			put(y + i, x, w, "", 0);
		frame(y, x, h, w, title, 1);
		for (i = 0; i < n && i < h - 4; i++) {
			char line[TEXT_MAX];

			snprintf(line, sizeof line, "%s %s", i == current ? ">" : " ", options[i]);
			put(y + 1 + i, x + 1, w - 2, line, i == current ? A_REVERSE : 0);
		}
		put(y + h - 2, x + 1, w - 2, _(" Enter: choose  Esc: cancel"), A_DIM);
		refresh();
		if (input_next(&k, -1) < 0)
			continue;
		if (k.is_key ? k.code == KEY_DOWN : (k.code == 'j'))
			current = current + 1 < n ? current + 1 : current;
		else if (k.is_key ? k.code == KEY_UP : (k.code == 'k'))
			current = current > 0 ? current - 1 : 0;
		else if (!k.is_key && (k.code == '\n' || k.code == '\r'))
			return current;
		else if (!k.is_key && (k.code == 27 || k.code == 'q'))
			return -1;
	}
}

int draw_ask(const char *question)
{
	char line[TEXT_MAX + 8];
	struct key k;

	snprintf(line, sizeof line, _("%.1000s  y/n"), question);
	put(LINES - 1, 0, COLS, line, A_REVERSE | A_BOLD);
	refresh();
	for (;;) {
		if (input_next(&k, -1) < 0 || k.is_key)
			continue;
		if (k.code == 'y' || k.code == 'Y')
			return 1;
		if (k.code == 'n' || k.code == 'N' || k.code == 27)
			return 0;
	}
}
