/* fiscal_year.c: reading fiscal years in the forms officials write them
 * (2025, FY2025, R7, 令和元年度, full-width digits) and printing R7 (2025). */
#include "fiscal_year.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

/* The Gregorian year before each era's year 1, so that era year n is
 * ERA_BASE + n. */
#define REIWA_BASE 2018
#define HEISEI_BASE 1988
#define HEISEI_LAST 31	/* H31 = R1: fiscal 2019 began in Heisei */

/* Keeps an absurdly long run of digits from overflowing while it is read;
 * anything this large is out of range anyway. */
#define DIGITS_CAP 100000

#define IDEOGRAPHIC_SPACE "\u3000"

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* If the text at *p (before end) starts with word, steps past it. ASCII
 * letters match in either case (fy, r, h); word is written in lower case. */
static int take(const char **p, const char *end, const char *word)
{
	size_t i, len = strlen(word);

	if ((size_t)(end - *p) < len)
		return 0;
	for (i = 0; i < len; i++)
		if (ascii_lower((unsigned char)(*p)[i]) != (unsigned char)word[i])
			return 0;
	*p += len;
	return 1;
}

static int take_space(const char **p, const char *end)
{
	return take(p, end, " ") || take(p, end, "\t") || take(p, end, IDEOGRAPHIC_SPACE);
}

static const char *trim_end(const char *start, const char *end)
{
	for (;;) {
		if (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		else if (end - start >= 3 && memcmp(end - 3, IDEOGRAPHIC_SPACE, 3) == 0)
			end -= 3;
		else
			return end;
	}
}

/* An ASCII digit or a full-width one (U+FF10..U+FF19, EF BC 90..99):
 * returns its value and steps past it, or returns -1. */
static int take_digit(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (*p < end && *s >= '0' && *s <= '9') {
		(*p)++;
		return *s - '0';
	}
	if (end - *p >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
		*p += 3;
		return s[2] - 0x90;
	}
	return -1;
}

/* One or more digits; returns 0 when there are none. */
static int take_number(const char **p, const char *end, int *n)
{
	int digit, count = 0;

	*n = 0;
	while ((digit = take_digit(p, end)) >= 0) {
		if (*n < DIGITS_CAP)
			*n = *n * 10 + digit;
		count++;
	}
	return count > 0;
}

static int out_of_range(const char *text, int year, struct error *err)
{
	if (year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX)
		return 0;
	error_set(err, _("fiscal year out of range: '%s' (%d to %d)"), text,
		  FISCAL_YEAR_MIN, FISCAL_YEAR_MAX);
	return 1;
}

/* R7, 令和7年度, 令和元年度, H30, R4年度: an era and its year; p is past
 * the era's name. */
static int parse_era(const char *text, const char *p, const char *end, int base,
		     int *year, struct error *err)
{
	int n;

	if (take(&p, end, "元"))
		n = 1;
	else if (!take_number(&p, end, &n))
		return error_set(err, _("not a fiscal year: '%s'"), text);
	take(&p, end, "年度");
	if (p != end)
		return error_set(err, _("not a fiscal year: '%s'"), text);
	if (n == 0)
		return error_set(err, _("not a fiscal year: '%s' (the first year of an era is 1 or 元)"),
				 text);
	if (base == HEISEI_BASE && n > HEISEI_LAST)
		return error_set(err, _("not a fiscal year: '%s' (heisei ends with H31 = R1 = 2019)"),
				 text);
	if (out_of_range(text, base + n, err))
		return -1;
	*year = base + n;
	return 0;
}

/* 2025, FY2025, 2025年度. */
static int parse_gregorian(const char *text, const char *p, const char *end,
			   int *year, struct error *err)
{
	int n;
	int fy = take(&p, end, "fy");

	if (!take_number(&p, end, &n))
		return error_set(err, _("not a fiscal year: '%s'"), text);
	if (!fy)
		take(&p, end, "年度");
	if (p != end)
		return error_set(err, _("not a fiscal year: '%s'"), text);
	if (out_of_range(text, n, err))
		return -1;
	*year = n;
	return 0;
}

int fiscal_year_parse(const char *text, int *year, struct error *err)
{
	const char *p = text;
	const char *end;

	/* Four ASCII digits, as files mostly have them: what the general
	 * path below makes of them, without its walk. */
	if (text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9' &&
	    text[2] >= '0' && text[2] <= '9' && text[3] >= '0' && text[3] <= '9' && !text[4]) {
		int n = ((text[0] - '0') * 10 + text[1] - '0') * 100 + (text[2] - '0') * 10 +
			text[3] - '0';

		if (out_of_range(text, n, err))
			return -1;
		*year = n;
		return 0;
	}
	end = text + strlen(text);

	while (take_space(&p, end))
		;
	end = trim_end(p, end);
	if (take(&p, end, "r") || take(&p, end, "令和"))
		return parse_era(text, p, end, REIWA_BASE, year, err);
	if (take(&p, end, "h") || take(&p, end, "平成"))
		return parse_era(text, p, end, HEISEI_BASE, year, err);
	return parse_gregorian(text, p, end, year, err);
}

/* Years before Heisei cannot be read back, so they print as Gregorian. */
char *fiscal_year_short(int year, char *buf, size_t size)
{
	if (year > REIWA_BASE)
		snprintf(buf, size, "R%d", year - REIWA_BASE);
	else if (year > HEISEI_BASE)
		snprintf(buf, size, "H%d", year - HEISEI_BASE);
	else
		snprintf(buf, size, "%d", year);
	return buf;
}

char *fiscal_year_japanese(int year, char *buf, size_t size)
{
	const char *era = year > REIWA_BASE ? "令和" : "平成";
	int n = year - (year > REIWA_BASE ? REIWA_BASE : HEISEI_BASE);

	if (year <= HEISEI_BASE)
		return fiscal_year_short(year, buf, size);
	if (n == 1)
		snprintf(buf, size, "%s元年度", era);
	else
		snprintf(buf, size, "%s%d年度", era, n);
	return buf;
}

char *fiscal_year_format(int year, char *buf, size_t size)
{
	char era[16];

	if (year <= HEISEI_BASE)
		return fiscal_year_short(year, buf, size);
	if (i18n_japanese())
		return fiscal_year_japanese(year, buf, size);
	snprintf(buf, size, "%s (%d)", fiscal_year_short(year, era, sizeof era), year);
	return buf;
}

char *fiscal_year_brief(int year, char *buf, size_t size)
{
	return i18n_japanese() ? fiscal_year_japanese(year, buf, size)
		: fiscal_year_short(year, buf, size);
}

char *fiscal_year_range(int first, int last, char *buf, size_t size)
{
	char from[32], to[32];

	if (!i18n_japanese()) {
		snprintf(buf, size, "%s-%s", fiscal_year_short(first, from, sizeof from),
			 fiscal_year_short(last, to, sizeof to));
		return buf;
	}
	fiscal_year_japanese(first, from, sizeof from);
	fiscal_year_japanese(last, to, sizeof to);
	/* one era: 令和3～6年度, as officials write a span; else both whole
	 * (令和 and 平成 are the same number of bytes) */
	if (first > HEISEI_BASE && (first > REIWA_BASE) == (last > REIWA_BASE)) {
		*strstr(from, "年度") = '\0';
		snprintf(buf, size, "%s～%s", from, to + strlen("令和"));
	} else {
		snprintf(buf, size, "%s～%s", from, to);
	}
	return buf;
}

int fiscal_year_of(time_t now)
{
	struct tm tm;

	/* Only a moment too far from today to have a calendar year fails. */
	if (!localtime_r(&now, &tm))
		return now < 0 ? FISCAL_YEAR_MIN : FISCAL_YEAR_MAX;
	/* tm_mon 3 is April, when the fiscal year begins. */
	return tm.tm_year + 1900 - (tm.tm_mon < 3);
}
