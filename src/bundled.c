/* bundled.c: loading the data kpitree carries (generated into
 * data/bundled_data.c by data/embed.sh) through the ordinary importer. */
#include "bundled.h"

#define MAX_BUNDLED 8

int bundled_import(struct store *s, const char *user, struct import_stats *stats,
		   struct error_list *errors)
{
	struct import_file files[MAX_BUNDLED];
	int i;

	for (i = 0; i < bundled_count && i < MAX_BUNDLED; i++)
		files[i] = (struct import_file){ bundled_files[i].name, bundled_files[i].data,
						 bundled_files[i].len, NULL };
	return csv_import(s, files, i, ENCODING_UTF8, user, 1, stats, errors);
}
