/* history.c: a KPI's whole history, line by line, as `kpitree history`
 * prints it and the browser's H shows it. */
#include "history.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "inert.h"
#include "kpi_history.h"
#include "kpi_years.h"
#include "meeting.h"
#include "tree.h"
#include "values.h"

struct lines {
	void (*fn)(void *ctx, const char *line);
	void *ctx;
	long n;
};

static void emit(struct lines *l, const char *line)
{
	l->fn(l->ctx, line);
	l->n++;
}

static void value_line(void *ctx, const struct history_row *h)
{
	char line[2048], note[2048];

	emit(ctx, kpi_years_history_line(h, line, sizeof line, note, sizeof note));
	if (*note)
		emit(ctx, note);
}

/* fmt's line however long the texts in it are: a KPI's 内容 can be. */
static void emit_format(struct lines *l, const char *fmt, ...)
{
	va_list ap, again;
	char *line;
	int len;

	va_start(ap, fmt);
	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	line = xreallocarray(NULL, len > 0 ? (size_t)len + 1 : 1, 1);
	if (len < 0)
		line[0] = '\0';
	else
		vsnprintf(line, (size_t)len + 1, fmt, again);
	va_end(again);
	va_end(ap);
	emit(l, line);
	free(line);
}

/* A change of the KPI's own fields, its rows' menus or their text, by
 * an import. */
static void change_line(void *ctx, const struct kpi_change *c)
{
	static const char *const whats[][2] = {
		{ "name", N_("name") }, { "unit", N_("unit") },
		{ "baseline", N_("baseline") }, { "target", N_("target") },
		{ "menus", N_("grant menus") },
	};
	struct inert_pool pool = { 0 };
	const char *what = c->what;
	char when[64];
	size_t i;
	int level;

	for (i = 0; i < sizeof whats / sizeof whats[0]; i++)
		if (strcmp(c->what, whats[i][0]) == 0)
			what = _(whats[i][1]);
	/* a row renamed: its level's name */
	for (level = 1; tree_level_name(level); level++)
		if (strcmp(c->what, tree_level_name(level)) == 0)
			what = _(tree_level_name(level));
	emit_format(ctx, _("%s  %s  %s  %s -> %s  (import)"),
		    i18n_time(c->changed_at, when, sizeof when), inert_str(&pool, c->changed_by),
		    inert_str(&pool, what), inert_str(&pool, c->old_text),
		    inert_str(&pool, c->new_text));
	inert_pool_free(&pool);
}

/* What a meeting recorded of it. */
static void record_line(void *ctx, const struct record_change *c)
{
	char line[4096];

	emit(ctx, meeting_change_line(c, line, sizeof line));
}

long history_lines(struct store *s, long long kpi_id,
		   void (*fn)(void *ctx, const char *line), void *ctx, struct error *err)
{
	struct lines l = { fn, ctx, 0 };

	if (values_history(s, kpi_id, value_line, &l, err) < 0 ||
	    kpi_history_each(s, kpi_id, change_line, &l, err) < 0 ||
	    meeting_history(s, kpi_id, record_line, &l, err) < 0)
		return -1;
	return l.n;
}

const char *history_empty(void)
{
	return _("no change yet");
}
