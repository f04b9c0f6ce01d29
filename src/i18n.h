/* i18n.h: messages in the official's language through gettext: _("...")
 * translates now, N_("...") marks text translated where it is used.
 * Japanese under a ja_JP locale, English otherwise. */
#ifndef KPITREE_I18N_H
#define KPITREE_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) (text)

/* Binds the catalogues: $KPITREE_LOCALEDIR (for tests of a build that is
 * not installed), else where `make install` put them. Call after
 * setlocale. */
void i18n_start(void);

/* Whether messages are shown in Japanese (the catalogue is in use). */
int i18n_japanese(void);

#endif
