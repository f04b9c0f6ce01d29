/* draw.h: what every screen of the browser draws with: text cut by
 * display width, frames, status colours, a line of input at the bottom,
 * a list to choose from, and a yes/no question. */
#ifndef KPITREE_DRAW_H
#define KPITREE_DRAW_H

#include <curses.h>

#include "progress.h"

#define TEXT_MAX 1024

/* Writes text at y, x, cut (or padded) to cols columns of display width. */
void put(int y, int x, int cols, const char *text, attr_t attr);

/* A box with title on its top line; " *" marks the focused one. */
void frame(int y, int x, int h, int w, const char *title, int focused);

/* Colour repeats what words say, and is off without colours or under
 * NO_COLOR. Call once after the screen starts. */
void draw_start_colors(void);

/* Whether colours are on. */
int draw_colors(void);

/* The attribute that colours a status word (0 without colours). */
attr_t draw_status_attr(enum status status);

/* Whether to draw in plain ASCII: NO_COLOR, a vt100-like terminal, or a
 * terminal that draws ambiguous characters two columns wide. */
int draw_ascii(void);

/* A status as a symbol: ✓ → ↓ ? (ASCII > v at ambiguous width 2). */
const char *draw_status_symbol(enum status status);

/* Counts by status (indexed by enum status) as symbols and counts, never
 * by colour alone: "3✓ 1→ 2↓ 4?" (achieved, on track, behind, no data);
 * a status counted 0 is left out. Returns buf. */
char *draw_marks(const int counts[4], char *buf, size_t size);

/* What a line of input does between and after keys. */
struct prompt_hooks {
	void *ctx;
	int (*busy)(void *ctx);		/* 1: wait no longer than needed, call idle */
	void (*idle)(void *ctx);
	void (*redraw)(void *ctx);	/* after a resize */
	void (*change)(void *ctx, const char *text);
};

/* Reads a line at the bottom after prefix into buf (which may hold a
 * start). Returns 1 on Enter, 0 on Escape. hooks may be NULL. */
int draw_prompt(const char *prefix, char *buf, size_t size, const struct prompt_hooks *hooks);

/* A list of n options in a box in the middle; j k ↓ ↑ move, Enter picks,
 * Escape or q cancels. Returns the index, or -1. */
int draw_choose(const char *title, const char *const *options, int n, int current);

/* y or n on the status line; Escape means n. */
int draw_ask(const char *question);

#endif
