/* browser.h: the full-screen browser of the strategy tree. */
#ifndef KPITREE_BROWSER_H
#define KPITREE_BROWSER_H

#include "cli.h"

/* Runs the browser on cli's open store until q; returns the exit status. */
int browser_run(struct cli *cli);

#endif
