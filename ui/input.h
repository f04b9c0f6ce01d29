/* input.h: the keys the browser reads: from the keyboard, or first from
 * the --keys queue, written as tmux key names (j, Enter, Escape, Tab,
 * Down, NPage, C-l) or as text to type. */
#ifndef KPITREE_INPUT_H
#define KPITREE_INPUT_H

#include <wchar.h>

/* A key: a character (wide) or a curses key code (is_key). */
struct key {
	int is_key;
	wint_t code;
};

/* Queues the keys of a --keys string. Returns 0, or -1 with the word
 * that is neither a key name nor text in *bad. */
int input_queue(const char *keys, const char **bad);

/* The next key: queued first, then the keyboard (blocking up to
 * timeout_ms, -1 forever). Returns 0, or -1 when none came in time. */
int input_next(struct key *k, int timeout_ms);

/* The next key without taking it (queued, or typed ahead: then queued):
 * returns 0, or -1 when none is waiting. input_skip takes it. */
int input_peek(struct key *k);
void input_skip(void);

/* Whether a key is waiting: queued, or typed ahead. */
int input_pending(void);

#endif
