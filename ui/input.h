/* input.h: the keys the browser reads: from the keyboard, or first from
 * the --keys queue, written as tmux key names (j, Enter, Escape, Tab,
 * Down, NPage, C-l) or as text to type. */
#ifndef KPITREE_INPUT_H
#define KPITREE_INPUT_H

#include <wchar.h>

/* What a mouse event did, in struct key (code KEY_MOUSE). */
enum mouse_button { MOUSE_NONE, MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

/* A key: a character (wide) or a curses key code (is_key); a mouse
 * event is the key KEY_MOUSE with its button and screen cell (y, x). */
struct key {
	int is_key;
	wint_t code;
	enum mouse_button button;
	int y, x;
};

/* The most keys a --keys string may queue. */
#define INPUT_QUEUE_MAX 4096
enum { INPUT_TOO_MANY = -2 };

/* Queues the keys of a --keys string. Returns 0; -1 with the word that
 * is neither a key name nor text in *bad; or INPUT_TOO_MANY when the
 * string holds more than INPUT_QUEUE_MAX keys (*bad: where it ran over). */
int input_queue(const char *keys, const char **bad);

/* The next key: queued first, then the keyboard (blocking up to
 * timeout_ms, -1 forever). Returns 0, or -1 when none came in time. */
int input_next(struct key *k, int timeout_ms);

/* Reads what was typed meanwhile: 1 when it holds Escape, which is
 * taken with the keys typed before it; else they are queued, in order,
 * for after (a resize among them), and 0. */
int input_take_escape(void);

/* Whether a key is waiting: queued, or typed ahead. */
int input_pending(void);

#endif
