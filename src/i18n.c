/* i18n.c: binding the message catalogues. */
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"

void i18n_start(void)
{
	const char *dir = getenv("KPITREE_LOCALEDIR");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

int i18n_japanese(void)
{
	/* TRANSLATORS: "ja" in the Japanese catalogue: the code uses it to
	 * write fiscal years and dates the Japanese way. */
	return strcmp(_("language-code"), "ja") == 0;
}
