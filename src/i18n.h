/* i18n.h: messages in the official's language through gettext: _("...")
 * translates now, N_("...") marks text translated where it is used.
 * Japanese under a ja_JP locale, English otherwise. */
#ifndef KPITREE_I18N_H
#define KPITREE_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(text) gettext(text)
#define N_(text) (text)

/* Whether lang is a language kpitree speaks: "ja" or "en". */
int i18n_lang_ok(const char *lang);

/* Sets the locale: lang ("ja", "en") when given; else, in a key's forced
 * command (forced), Japanese, whatever the SSH client's environment says;
 * else $KPITREE_LANG, else the environment's (LANG, LC_*). A character
 * set that is not UTF-8 (no LANG at all, LANG=C) is switched to UTF-8:
 * the data is Japanese. */
void i18n_locale(const char *lang, int forced);

/* Binds the catalogues: this build's own (locale/ beside the program)
 * when it runs from its build tree, else where `make install` put them.
 * Call after i18n_locale. */
void i18n_start(void);

/* Whether messages are shown in Japanese (the Japanese catalogue was
 * bound by i18n_start). */
int i18n_japanese(void);

/* A moment (ISO 8601 UTC, as the store writes it) as the interface
 * writes it: local time, "2026-11-23 15:18:02", or in Japanese
 * "2026年11月23日 15:18:02". Text that is no such moment comes back as it
 * is. Returns buf. */
char *i18n_time(const char *iso, char *buf, size_t size);

/* A moment (ISO 8601 UTC) in local time as tables write it in every
 * language, so that they sort: "2026-11-23 15:18:02". */
char *i18n_local_time(const char *iso, char *buf, size_t size);

/* A date (YYYY-MM-DD) as the interface writes it: 2026-11-23, or in
 * Japanese 2026年11月23日. Other text comes back as it is. Returns buf. */
char *i18n_date(const char *ymd, char *buf, size_t size);

#endif
