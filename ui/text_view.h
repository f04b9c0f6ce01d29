/* text_view.h: a full screen of lines under a title, until any key: the
 * help of a view, a KPI's history. */
#ifndef KPITREE_TEXT_VIEW_H
#define KPITREE_TEXT_VIEW_H

/* Shows title and the n lines from the second line down; with
 * latest_last, the last lines that fit (a history, its latest change at
 * the bottom), and empty (when not NULL) when there are none. */
void text_view_run(const char *title, const char *const *lines, int n, int latest_last);

/* The same, saying empty when n is 0. */
void text_view_run_or(const char *title, const char *const *lines, int n, const char *empty);

#endif
