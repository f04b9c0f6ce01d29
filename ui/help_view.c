/* help_view.c: ?: the browser's keys, made from the action and key
 * tables. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>

#include "app.h"
#include "draw.h"
#include "keymap.h"
#include "width.h"

/* The help screen, made from the action and key tables. */
void help_view_run(void)
{
	char text[ACT_COUNT][TEXT_MAX];
	const char *lines[ACT_COUNT];
	int a;

	for (a = 0; a < ACT_COUNT; a++) {
		char keys[64], padded[128];

		/* padded by display width: ↓ is one column of three bytes */
		width_cut(keymap_keys((enum action)a, keys, sizeof keys), 14, 1, padded,
			  sizeof padded);
		snprintf(text[a], sizeof text[a], "%s %s", padded, _(action_info[a].help));
		lines[a] = text[a];
	}
	app_help_lines(_("kpitree — keys"), lines, ACT_COUNT);
}
