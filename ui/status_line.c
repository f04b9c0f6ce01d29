/* status_line.c: the status line: the database, the year, the official,
 * the message or the key hints, the open meeting. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "fiscal_year.h"

void status_line_draw(struct browser *b, int y, int w)
{
	char line[TEXT_MAX], fy[40], year[40], meeting[300] = "", due_hint[160], damaged[160];
	const char *name = strrchr(b->session->db_path, '/');

	/* the command is not translated */
	snprintf(damaged, sizeof damaged, _("database damaged: quit and run %s"), "kpitree check");
	/* the message first: the meeting's name may be cut, not what was said */
	if (b->meeting.id)
		snprintf(meeting, sizeof meeting, _("  [meeting %lld %.200s]"), b->meeting.id,
			 b->meeting.title);
	/* FY R7, or in Japanese 令和7年度; the due year in a Japanese line
	 * is 令和7年度 too, and said only when it is not the year shown,
	 * since 80 columns hold 令和7年度 once */
	if (i18n_japanese())
		fiscal_year_format(b->year, fy, sizeof fy);
	else
		snprintf(fy, sizeof fy, "FY %s", fiscal_year_short(b->year, year, sizeof year));
	if (i18n_japanese() && b->due.year == b->year)
		snprintf(due_hint, sizeof due_hint,
			 _("?:help  %d due this year: ! walks them  d:dashboard  q:quit"), b->due.n);
	else
		snprintf(due_hint, sizeof due_hint,
			 _("?:help  %d due (%s): ! walks them  d:dashboard  q:quit"), b->due.n,
			 fiscal_year_brief(b->due.year, year, sizeof year));
	snprintf(line, sizeof line, " %.200s%s  %s  %.64s  %s%s", name ? name + 1 : b->session->db_path,
		 b->s->read_only ? _(" (read-only)") : "", fy,
		 b->session->user,
		 /* once seen, damage is said first, whatever else happens */
		 b->s->damaged ? damaged
		 : *b->message ? b->message : b->due.n ? due_hint
		 : _("?:help  /:search  d:dashboard  ::command  q:quit"),
		 meeting);
	put(y, 0, w, line, A_REVERSE);
}
