/* i18n.c: binding the message catalogues. */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "store.h"

/* Whether the catalogue in use is the Japanese one: found once, at the
 * start, not at every fiscal year drawn. */
static int japanese;

void i18n_start(void)
{
	const char *dir = getenv("KPITREE_LOCALEDIR");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	/* TRANSLATORS: "ja" in the Japanese catalogue: the code uses it to
	 * write fiscal years and dates the Japanese way. */
	japanese = strcmp(_("language-code"), "ja") == 0;
}

int i18n_japanese(void)
{
	return japanese;
}

char *i18n_time(const char *iso, char *buf, size_t size)
{
	struct tm tm;
	time_t t;

	if (store_time_parse(iso, &t) < 0) {
		snprintf(buf, size, "%s", iso);
		return buf;
	}
	if (!localtime_r(&t, &tm) ||
	    /* TRANSLATORS: a date and time as strftime writes it. */
	    !strftime(buf, size, _("%Y-%m-%d %H:%M:%S"), &tm))
		snprintf(buf, size, "%s", iso);
	return buf;
}

char *i18n_date(const char *ymd, char *buf, size_t size)
{
	struct tm tm;
	char end;

	memset(&tm, 0, sizeof tm);
	if (sscanf(ymd, "%4d-%2d-%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &end) != 3 ||
	    strlen(ymd) != 10) {
		snprintf(buf, size, "%s", ymd);
		return buf;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	/* TRANSLATORS: a date as strftime writes it. */
	if (!strftime(buf, size, _("%Y-%m-%d"), &tm))
		snprintf(buf, size, "%s", ymd);
	return buf;
}
