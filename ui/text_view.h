/* text_view.h: a full screen of lines under a title, wrapped by display
 * width; j k ↓ ↑ Space PgDn PgUp g G scroll, any other key returns: the
 * help of a view, a KPI's history, a row's whole text. */
#ifndef KPITREE_TEXT_VIEW_H
#define KPITREE_TEXT_VIEW_H

/* Shows title and the n lines from the third line down (the second says
 * which rows are shown when they do not all fit); with latest_last, from
 * the last rows that fit (a history, its latest change at the bottom). */
void text_view_run(const char *title, const char *const *lines, int n, int latest_last);

/* The same from the top, a line's wrapped rows after its first starting
 * indent columns in (a help's key column). */
void text_view_run_indented(const char *title, const char *const *lines, int n, int indent);

/* A row's whole text, as text_view_run_indented shows it, whose ? lists
 * its keys. */
void text_view_run_detail(const char *title, const char *const *lines, int n, int indent);

/* The same, the last rows first, saying empty when n is 0: a KPI's
 * history, whose ? lists its keys. */
void text_view_run_or(const char *title, const char *const *lines, int n, const char *empty);

/* Lines made one by one for a text view, each malloc'd. */
struct text_lines {
	char **text;
	int n;
};

/* Adds a line, made as printf makes it (see alloc.h for want of memory). */
void text_lines_add(struct text_lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Frees the lines. */
void text_lines_free(struct text_lines *l);

#endif
