/* bundled.h: the Hokkaido and Sapporo data that kpitree carries (data/,
 * embedded at build time), and loading it into a new database. */
#ifndef KPITREE_BUNDLED_H
#define KPITREE_BUNDLED_H

#include <stddef.h>

#include "csv_import.h"

struct bundled_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};

/* In import order: the strategy, the projects, then their values. */
extern const struct bundled_file bundled_files[];
extern const int bundled_count;

/* Imports every bundled file in one transaction (see csv_import). */
int bundled_import(struct store *s, const char *user, struct import_stats *stats,
		   struct error_list *errors);

#endif
