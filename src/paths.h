/* paths.h: where the database is and who the user is, from options,
 * the environment and the system, in SPEC.md's order. */
#ifndef KPITREE_PATHS_H
#define KPITREE_PATHS_H

#include <stddef.h>

#include "error.h"

enum path_source { PATH_OPTION, PATH_ENVIRONMENT, PATH_DEFAULT };

/* The database: option (--db) if given, else $KPITREE_DB, else
 * $XDG_DATA_HOME/kpitree/kpitree.db, else ~/.local/share/kpitree/kpitree.db.
 * Writes it into buf and says where it came from. Returns 0, or -1 with
 * err filled when no home directory is known or the path does not fit in
 * size bytes (it is never cut). */
int paths_database(const char *option, char *buf, size_t size,
		   enum path_source *source, struct error *err);

/* Creates the directories leading to path (mode 0700). Returns 0, or -1
 * with err filled. */
int paths_make_parent(const char *path, struct error *err);

/* The user: option (--user), else $KPITREE_USER, else the login name.
 * Returns 0, or -1 with err filled when none can be found. */
int paths_user(const char *option, char *buf, size_t size, struct error *err);

#endif
