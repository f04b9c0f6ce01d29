/* draw.h: what every screen of the browser draws with: text cut by
 * display width, frames, status colours and marks. */
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
char *draw_marks(const int counts[STATUS_COUNT], char *buf, size_t size);

#endif
