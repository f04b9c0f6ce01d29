/* kpi_history.h: the history of a KPI's own fields (name, unit, baseline,
 * target) and of the grant menus of the rows where it stands, as imports
 * change them: who, when, what was there, what came. */
#ifndef KPITREE_KPI_HISTORY_H
#define KPITREE_KPI_HISTORY_H

#include "kpi.h"
#include "store.h"

/* One change of a field: what is "name", "unit", "baseline", "target"
 * or "menus" (a row's grant menus, joined by ", "), or a level's name
 * (tree_level_name) for the text of a row renamed; the amounts are written without their unit ("265 (R11)"),
 * which has a change of its own. */
struct kpi_change {
	const char *what;
	const char *old_text, *new_text;
	const char *changed_by, *changed_at;
};

/* Saves k as kpi_save does; when a KPI with its code was there already,
 * each of its fields that changed is recorded in the history by user at
 * now (iso_now's form), and counted in *changes. Inside the caller's
 * transaction. Returns 0, or -1 with err filled. */
int kpi_history_save(struct store *s, struct kpi *k, const char *user, const char *now,
		     long *changes, struct error *err);

/* Records that the grant menus of the content row placement went from
 * old_text to new_text (each its menus in order, joined by ", "), by
 * user at now, when they differ, counting it in *changes. Inside the
 * caller's transaction. Returns 0, or -1 with err filled. */
int kpi_history_menus(struct store *s, long long placement, const char *old_text,
		      const char *new_text, const char *user, const char *now, long *changes,
		      struct error *err);

/* Records that the node node, of the strategy level level, was renamed
 * from old_text to new_text (its titles, without the label), by user at
 * now, counting it in *changes. Inside the caller's transaction.
 * Returns 0, or -1 with err filled. */
int kpi_history_rename(struct store *s, long long node, int level, const char *old_text,
		       const char *new_text, const char *user, const char *now, long *changes,
		       struct error *err);

/* The last rename of a row recorded (node_history's last id), or 0: a
 * browser open while another session's import renamed rows reads its
 * rows' titles again when this moves. -1 when it cannot be read. */
long long kpi_history_last_rename(struct store *s);

/* Calls fn with each recorded change of the KPI kpi_id, of the menus
 * of the rows where it stands, and of the text of those rows and of the
 * rows above them, oldest first.
 * Returns 0, or -1 with err filled. */
int kpi_history_each(struct store *s, long long kpi_id,
		     void (*fn)(void *ctx, const struct kpi_change *c), void *ctx,
		     struct error *err);

#endif
