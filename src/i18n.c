/* i18n.c: binding the message catalogues. */
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "iso_time.h"

/* Whether the catalogue in use is the Japanese one: found once, at the
 * start, not at every fiscal year drawn. */
static int japanese;

/* Sets every category to the first locale of names the system has.
 * Returns 1, or 0 when it has none of them. */
static int set_any(int category, const char *const *names)
{
	for (; *names; names++)
		if (setlocale(category, *names))
			return 1;
	return 0;
}

static const char *const japanese_locales[] = { "ja_JP.UTF-8", "ja_JP.utf8", NULL };
static const char *const english_locales[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", NULL };

int i18n_lang_ok(const char *lang)
{
	return lang && (strcmp(lang, "ja") == 0 || strcmp(lang, "en") == 0);
}

/* Whether the environment asks for Japanese messages: LC_ALL, else
 * LC_MESSAGES, else LANG, as setlocale reads them, names ja. */
static int wants_japanese(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "ja", 2) == 0 && (v[2] == '\0' || v[2] == '_' || v[2] == '.');
	}
	return 0;
}

void i18n_locale(const char *lang, int forced)
{
	const char *codeset;

	if (!lang && !forced) {
		lang = getenv("KPITREE_LANG");
		if (!i18n_lang_ok(lang))
			lang = NULL;
	}
	if (!lang && forced)
		lang = "ja";	/* over SSH: the key's language, Japanese unless told */
	if (lang) {
		/* what the client's environment says counts for nothing */
		unsetenv("LANGUAGE");
		if (!set_any(LC_ALL, strcmp(lang, "ja") == 0 ? japanese_locales : english_locales)) {
			/* no ja_JP.UTF-8 here: the messages in Japanese all the
			 * same, by gettext's LANGUAGE over a UTF-8 locale */
			set_any(LC_ALL, english_locales);
			if (strcmp(lang, "ja") == 0)
				setenv("LANGUAGE", "ja", 1);
		}
	} else if (!setlocale(LC_ALL, "")) {
		/* one variable names a locale this system lacks (macOS sends
		 * LC_CTYPE=UTF-8 beside LANG=ja_JP.UTF-8): the others still
		 * count, each category by itself */
		static const int categories[] = { LC_CTYPE, LC_MESSAGES, LC_TIME, LC_COLLATE,
						  LC_NUMERIC, LC_MONETARY };
		size_t i;

		for (i = 0; i < sizeof categories / sizeof categories[0]; i++)
			setlocale(categories[i], "");
		/* Japanese asked for, on a system without that locale (a
		 * minimal server): the messages in Japanese all the same */
		if (wants_japanese() && !setlocale(LC_MESSAGES, "") &&
		    set_any(LC_MESSAGES, english_locales) && !getenv("LANGUAGE"))
			setenv("LANGUAGE", "ja", 1);
	}
	/* LANGUAGE=ja with no LANG (or LANG=C): gettext ignores LANGUAGE
	 * under the C locale, so the messages' category takes a UTF-8 one
	 * that it heeds LANGUAGE under; LC_ALL=C still means C */
	if (!lang && getenv("LANGUAGE") && *getenv("LANGUAGE") &&
	    !(getenv("LC_ALL") && *getenv("LC_ALL"))) {
		const char *messages = setlocale(LC_MESSAGES, NULL);

		if (messages && (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
			set_any(LC_MESSAGES, english_locales);
	}
	/* No LANG at all (Tera Term, PuTTY), LANG=C: the characters are
	 * still UTF-8, or every Japanese text would be blank or cut. */
	codeset = nl_langinfo(CODESET);
	if ((!codeset || strcmp(codeset, "UTF-8") != 0) && !set_any(LC_CTYPE, english_locales))
		set_any(LC_CTYPE, japanese_locales);
}

/* The catalogues of this build when the program runs from its build
 * tree (they are in locale/ beside it), else the installed ones. */
static const char *catalogues(char *buf, size_t size)
{
	char exe[4096], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return LOCALEDIR;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return LOCALEDIR;
	*slash = '\0';
	if (strcmp(exe, BINDIR) == 0)
		return LOCALEDIR;
	snprintf(buf, size, "%s/locale/ja/LC_MESSAGES/" PACKAGE ".mo", exe);
	if (access(buf, R_OK) != 0)
		return LOCALEDIR;
	snprintf(buf, size, "%s/locale", exe);
	return buf;
}

void i18n_start(void)
{
	char dir[4200];

	bindtextdomain(PACKAGE, catalogues(dir, sizeof dir));
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

/* iso (ISO 8601 UTC) in local time as format writes it into buf; text
 * that is no such moment comes back as it is. */
static char *local_time(const char *iso, const char *format, char *buf, size_t size)
{
	struct tm tm;
	time_t t;

	if (iso_time_parse(iso, &t) < 0 || !localtime_r(&t, &tm) ||
	    !strftime(buf, size, format, &tm))
		snprintf(buf, size, "%s", iso);
	return buf;
}

char *i18n_time(const char *iso, char *buf, size_t size)
{
	/* TRANSLATORS: a date and time as strftime writes it. */
	return local_time(iso, _("%Y-%m-%d %H:%M:%S"), buf, size);
}

char *i18n_local_time(const char *iso, char *buf, size_t size)
{
	return local_time(iso, "%Y-%m-%d %H:%M:%S", buf, size);
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
