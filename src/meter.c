/* meter.c: the progress line of a long job (meter.h). */
#include "meter.h"
#include "i18n.h"

static long ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

void meter_start(struct meter *m, FILE *f, int terminal, long delay_ms, const char *what)
{
	m->f = f;
	m->terminal = terminal;
	m->delay_ms = delay_ms;
	m->what = what;
	m->shown = 0;
	clock_gettime(CLOCK_MONOTONIC, &m->start);
	m->last = m->start;
}

void meter_tick(void *meter, long done, long total)
{
	struct meter *m = meter;
	struct timespec now;

	if (!m || !m->terminal)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (ms_between(&m->start, &now) < m->delay_ms)
		return;
	if (m->shown && ms_between(&m->last, &now) < 200 && done != total)
		return;
	m->last = now;
	m->shown = 1;
	/* the line is ours alone: a count, never a stored text */
	fputs("\rkpitree: ", m->f);
	fputs(m->what, m->f);
	fputs(": ", m->f);
	if (total > 0)
		fprintf(m->f, _("%ld of %ld KPIs"), done, total);
	else
		fprintf(m->f, _("%ld KPIs read"), done);
	fputs("\033[K", m->f);
	fflush(m->f);
}

void meter_end(struct meter *m)
{
	if (m->shown) {
		fputs("\r\033[K", m->f);
		fflush(m->f);
	}
	m->shown = 0;
}
