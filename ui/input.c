/* input.c: tmux key names to curses keys for --keys, the queue they go
 * into, and reading the keyboard after it. */
#include "input.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int is_key;
	wint_t code;
} names[] = {
	{ "Enter", 0, '\n' }, { "Escape", 0, 27 }, { "Tab", 0, '\t' },
	{ "BTab", 1, KEY_BTAB }, { "Space", 0, ' ' }, { "BSpace", 1, KEY_BACKSPACE },
	{ "Up", 1, KEY_UP }, { "Down", 1, KEY_DOWN }, { "Left", 1, KEY_LEFT },
	{ "Right", 1, KEY_RIGHT }, { "Home", 1, KEY_HOME }, { "End", 1, KEY_END },
	{ "NPage", 1, KEY_NPAGE }, { "PPage", 1, KEY_PPAGE }, { "PageDown", 1, KEY_NPAGE },
	{ "PageUp", 1, KEY_PPAGE }, { "DC", 1, KEY_DC },
};

#define QUEUE_MAX INPUT_QUEUE_MAX

static struct key queue[QUEUE_MAX];
static int head, tail;

/* Returns 0, or INPUT_TOO_MANY when the queue is full. */
static int push(int is_key, wint_t code)
{
	if (tail == QUEUE_MAX)
		return INPUT_TOO_MANY;
	queue[tail++] = (struct key){ is_key, code, MOUSE_NONE, 0, 0 };
	return 0;
}

static int push_word(const char *w, size_t len)
{
	char word[256];
	size_t i;
	mbstate_t st;

	if (len >= sizeof word)
		return -1;
	memcpy(word, w, len);
	word[len] = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(word, names[i].name) == 0)
			return push(names[i].is_key, names[i].code);
	}
	if (len == 3 && word[0] == 'C' && word[1] == '-' && word[2] >= 'a' && word[2] <= 'z')
		return push(0, (wint_t)(word[2] - 'a' + 1));
	memset(&st, 0, sizeof st);
	for (i = 0; i < len;) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, word + i, len - i, &st);

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			return -1;
		if (push(0, (wint_t)wc) < 0)
			return INPUT_TOO_MANY;
		i += n;
	}
	return 0;
}

int input_queue(const char *keys, const char **bad)
{
	const char *p = keys;

	while (*p) {
		size_t len;

		p += strspn(p, " ");
		len = strcspn(p, " ");
		int rc = len ? push_word(p, len) : 0;

		if (rc < 0) {
			*bad = p;
			return rc;
		}
		p += len;
	}
	return 0;
}

/* The mouse event behind KEY_MOUSE: a press of the first button, or
 * the wheel (buttons 4 and 5); anything else is no button. */
static void read_mouse(struct key *k)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	k->y = ev.y;
	k->x = ev.x;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		k->button = MOUSE_CLICK;
	else if (ev.bstate & BUTTON4_PRESSED)
		k->button = MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		k->button = MOUSE_WHEEL_DOWN;
#endif
}

int input_next(struct key *k, int timeout_ms)
{
	int rc;

	if (head < tail) {
		*k = queue[head++];
		return 0;
	}
	timeout(timeout_ms);
	rc = get_wch(&k->code);
	if (rc == ERR)
		return -1;
	k->is_key = rc == KEY_CODE_YES;
	k->button = MOUSE_NONE;
	if (k->is_key && k->code == KEY_MOUSE)
		read_mouse(k);
	return 0;
}

int input_take_escape(void)
{
	struct key got[64];
	int n = 0, rc, i;

	timeout(0);
	while (n < (int)(sizeof got / sizeof got[0]) &&
	       (rc = get_wch(&got[n].code)) != ERR) {
		got[n].is_key = rc == KEY_CODE_YES;
		if (!got[n].is_key && got[n].code == 27)
			return 1;	/* it and what was typed before it go */
		n++;
	}
	if (head == tail)
		head = tail = 0;
	for (i = 0; i < n; i++)
		push(got[i].is_key, got[i].code);
	return 0;
}

int input_pending(void)
{
	int c;

	if (head < tail)
		return 1;
	nodelay(stdscr, TRUE);
	c = getch();
	nodelay(stdscr, FALSE);
	if (c == ERR)
		return 0;
	ungetch(c);
	return 1;
}
