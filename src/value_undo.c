/* value_undo.c: a save that records what it replaced, and the undo that
 * puts it back, both over values_save. */
#include "value_undo.h"

#include <stdlib.h>
#include <string.h>

void value_undo_free(struct value_undo *u, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(u[i].old_note);
		free(u[i].new_note);
		u[i].old_note = u[i].new_note = NULL;
	}
}

/* What c replaced and stored. Returns 0, or -1 when memory is short. */
static int record(const struct value_change *c, struct value_undo *u)
{
	*u = (struct value_undo){
		.kpi_id = c->kpi_id, .year = c->fiscal_year, .kind = c->kind,
		.had = !c->expect_none, .old = c->expect, .old_decimals = c->expect_decimals,
		.has_new = !c->clear, .new_value = c->value,
	};
	if (c->kind != VALUE_ACTUAL)
		return 0;
	u->old_note = strdup(c->expect_note ? c->expect_note : "");
	u->new_note = strdup(c->note ? c->note : c->expect_note ? c->expect_note : "");
	return u->old_note && u->new_note ? 0 : -1;
}

int value_undo_save(struct store *s, const struct value_change *c, int n, int *failed,
		    struct value_undo *u, int *nu, struct error *err)
{
	int rc = values_save(s, c, n, failed, err), i;

	if (rc < 0)
		return rc;
	value_undo_free(u, *nu);
	*nu = n;
	for (i = 0; i < n; i++)
		if (record(&c[i], &u[i]) < 0) {
			/* saved, but not undoable: nothing to undo rather
			 * than an undo that loses the note */
			value_undo_free(u, i + 1);
			*nu = 0;
			break;
		}
	return rc;
}

int value_undo_apply(struct store *s, const struct value_undo *u, int n, const char *user,
		     const struct value_change *now, struct error *err)
{
	struct value_change c[VALUE_UNDO_MAX];
	int i, failed;

	for (i = 0; i < n; i++) {
		c[i] = (struct value_change){
			.kpi_id = u[i].kpi_id, .fiscal_year = u[i].year, .kind = u[i].kind,
			.clear = !u[i].had, .value = u[i].old, .decimals = u[i].old_decimals,
			.note = u[i].old_note,
			.user = user, .source = "undo", .check_expect = 1,
			.expect_none = !u[i].has_new, .expect = u[i].new_value,
			.expect_note = u[i].new_note,
		};
		if (now) {
			c[i].expect_none = now[i].expect_none;
			c[i].expect = now[i].expect;
			c[i].expect_note = now[i].expect_note;
		}
	}
	return values_save(s, c, n, &failed, err) < 0 ? -1 : 0;
}

int value_undo_stored(struct store *s, const struct value_undo *u, int n,
		      struct value_change *now, char **notes, struct error *err)
{
	int i;

	for (i = 0; i < n; i++) {
		double v = 0;
		int rc = values_get(s, u[i].kpi_id, u[i].year, u[i].kind, &v, &notes[i], err);

		if (rc < 0)
			return -1;
		now[i] = (struct value_change){ .expect_none = !rc, .expect = v,
						.expect_note = u[i].kind == VALUE_ACTUAL ? notes[i]
											 : NULL };
	}
	return 0;
}
