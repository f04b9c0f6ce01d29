/* meter.h: how far a long job has come, on a terminal's standard error.
 * Nothing is shown when the stream is not a terminal, nor before the job
 * has taken a while (a second, for the command line): a quick job, or one
 * whose output goes to a file or a pipe, prints nothing. The line is
 * redrawn in place at most five times a second and cleared at the end. */
#ifndef KPITREE_METER_H
#define KPITREE_METER_H

#include <stdio.h>
#include <time.h>

struct meter {
	FILE *f;
	int terminal;		/* 0: show nothing */
	long delay_ms;		/* nothing before this much time has passed */
	const char *what;	/* "export report" */
	struct timespec start, last;
	int shown;
};

/* Starts m on f (shown only if terminal) for the job what. */
void meter_start(struct meter *m, FILE *f, int terminal, long delay_ms, const char *what);

/* The job has done done of total KPIs (total 0: not known yet). Takes
 * the meter as void *, to be a core module's progress callback. */
void meter_tick(void *meter, long done, long total);

/* Clears the line, if one was shown. */
void meter_end(struct meter *m);

#endif
