/* number.c: reading numbers as officials type them (１，５１１, −3) and writing
 * them plainly; conversions run in the C locale, so LC_NUMERIC changes neither. */
#include "number.h"
#include "i18n.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longer text is refused before conversion, which also keeps every
 * accepted number below DBL_MAX (309 digits): no infinities come in. */
#define NUMBER_MAX_CHARS 256

/* Wide enough for any finite double written out in full: 309 integer
 * digits, or "0." and 323 zeros before 17 significant digits, plus commas. */
#define PLAIN_MAX 512

#define IDEOGRAPHIC_SPACE "\u3000"
#define MINUS_SIGN "\u2212"

enum shape { SHAPE_OK, SHAPE_GARBAGE, SHAPE_COMMA };

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int take_space(const char **p, const char *end)
{
	if (*p < end && (**p == ' ' || **p == '\t')) {
		(*p)++;
		return 1;
	}
	if (end - *p >= 3 && memcmp(*p, IDEOGRAPHIC_SPACE, 3) == 0) {
		*p += 3;
		return 1;
	}
	return 0;
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

/* The ASCII character that the next character stands for (a digit, sign,
 * comma or point, full-width or not), stepping past it; 0 for any other. */
static char take_char(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (*s < 0x80) {
		(*p)++;
		return is_digit((char)*s) || memchr("+-,.", *s, 4) ? (char)*s : 0;
	}
	if (end - *p >= 3 && s[0] == 0xEF && s[1] == 0xBC) {
		*p += 3;
		if (s[2] >= 0x90 && s[2] <= 0x99)
			return (char)('0' + s[2] - 0x90);
		switch (s[2]) {
		case 0x8B: return '+';
		case 0x8C: return ',';
		case 0x8D: return '-';
		case 0x8E: return '.';
		}
		return 0;
	}
	if (end - *p >= 3 && memcmp(*p, MINUS_SIGN, 3) == 0) {
		*p += 3;
		return '-';
	}
	return 0;
}

/* Digits, in groups of three after the first when commas are used. */
static enum shape integer_shape(const char **p)
{
	const char *s = *p;
	size_t group = 0, commas = 0, digits = 0;

	for (; is_digit(*s) || *s == ','; s++) {
		if (*s != ',') {
			group++;
			digits++;
			continue;
		}
		if (group == 0 || group > 3 || (commas && group != 3))
			return SHAPE_COMMA;
		commas++;
		group = 0;
	}
	if (commas && group != 3)
		return SHAPE_COMMA;
	*p = s;
	return digits ? SHAPE_OK : SHAPE_GARBAGE;
}

static enum shape number_shape(const char *s)
{
	enum shape shape;

	if (*s == '+' || *s == '-')
		s++;
	shape = integer_shape(&s);
	if (shape != SHAPE_OK)
		return shape;
	if (*s == '.') {
		const char *fraction = ++s;

		while (is_digit(*s))
			s++;
		if (s == fraction)
			return SHAPE_GARBAGE;
	}
	if (*s == ',')
		return SHAPE_COMMA;
	return *s ? SHAPE_GARBAGE : SHAPE_OK;
}

/* strtod and printf read and write the decimal point of LC_NUMERIC; the
 * user's locale may say ','. If no C locale can be had, the current one
 * stays, which is right for every locale with a '.'. */
static locale_t c_numeric_begin(locale_t *saved)
{
	locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);

	if (c_locale)
		*saved = uselocale(c_locale);
	return c_locale;
}

static void c_numeric_end(locale_t c_locale, locale_t saved)
{
	if (!c_locale)
		return;
	uselocale(saved);
	freelocale(c_locale);
}

/* s (a sign, digits, a point and digits: number_shape's, without commas)
 * as strtod reads it, when that needs no rounding but the last: at most
 * 2^53 in all its digits and at most 22 after the point, the digits and
 * the power of ten are exact doubles, and one division rounds correctly.
 * Returns 0 when s is not such a number. */
static int exact_decimal(const char *s, double *value)
{
	static const double power[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};
	unsigned long long m = 0;
	int negative = *s == '-', fraction = -1;
	double v;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s; s++) {
		if (*s == '.') {
			fraction = 0;
			continue;
		}
		if (m > ((1ull << 53) - 9) / 10)
			return 0;
		m = m * 10 + (unsigned)(*s - '0');
		if (fraction >= 0 && ++fraction > 22)
			return 0;
	}
	v = (double)m;
	if (fraction > 0)
		v /= power[fraction];
	*value = negative ? -v : v;
	return 1;
}

/* Whether s (a sign, digits, a point and digits, no commas) can be stored
 * exactly as written: at most NUMBER_DIGITS significant digits (leading
 * and trailing zeros aside), and at most NUMBER_DIGITS before the point
 * and after it. Every such decimal survives the trip through a double and
 * back (DBL_DIG is 15), and its plain form is short. */
static int storable(const char *s)
{
	const char *point = strchr(s, '.');
	const char *first, *last;
	size_t before, after, significant = 0;

	if (*s == '+' || *s == '-')
		s++;
	while (*s == '0')
		s++;
	before = point ? (size_t)(point - s) : strlen(s);
	after = point ? strlen(point + 1) : 0;
	if (point && point < s)
		before = 0;
	if (before > NUMBER_DIGITS || after > NUMBER_DIGITS)
		return 0;
	/* The digits from the first non-zero one to the last non-zero one. */
	for (first = s; *first == '0' || *first == '.'; first++)
		;
	for (last = first + strlen(first); last > first && (last[-1] == '0' || last[-1] == '.'); last--)
		;
	for (; first < last; first++)
		significant += *first != '.';
	return significant <= NUMBER_DIGITS;
}

static void remove_commas(char *s)
{
	char *out = s;

	for (; *s; s++)
		if (*s != ',')
			*out++ = *s;
	*out = '\0';
}

int number_parse(const char *text, double *value, struct error *err)
{
	/* The limit counts what is not a thousands comma, so that every number
	 * read can be written with its commas and read back. */
	char ascii[2 * NUMBER_MAX_CHARS + 1];
	size_t len = 0, commas = 0;
	const char *p = text;
	const char *end = text + strlen(text);
	locale_t c_locale, saved;

	while (take_space(&p, end))
		;
	end = trim_end(p, end);
	while (p < end) {
		char ch;

		if (len - commas == NUMBER_MAX_CHARS || len == sizeof ascii - 1)
			return error_set(err, _("number too long: '%s'"), text);
		ch = take_char(&p, end);
		if (!ch)
			return error_set(err, _("not a number: '%s'"), text);
		commas += ch == ',';
		ascii[len++] = ch;
	}
	ascii[len] = '\0';
	switch (number_shape(ascii)) {
	case SHAPE_GARBAGE:
		return error_set(err, _("not a number: '%s'"), text);
	case SHAPE_COMMA:
		return error_set(err, _("misplaced thousands comma in '%s'"), text);
	case SHAPE_OK:
		break;
	}
	remove_commas(ascii);
	if (!storable(ascii))
		return error_set(err, _("cannot be stored exactly: '%s' (at most %d significant digits,"
					" %d before the point and %d after it)"),
				 text, NUMBER_DIGITS, NUMBER_DIGITS, NUMBER_DIGITS);
	if (exact_decimal(ascii, value))
		return 0;
	c_locale = c_numeric_begin(&saved);
	*value = strtod(ascii, NULL);
	c_numeric_end(c_locale, saved);
	return 0;
}

/* v as d.ddde±x with the fewest significant digits, 15 to 17, that read
 * back as v: 15 digits always survive the trip, 17 always suffice. */
static void shortest_scientific(double v, char *sci, size_t size)
{
	int digits;

	for (digits = 15; digits < 17; digits++) {
		snprintf(sci, size, "%.*e", digits - 1, v);
		if (strtod(sci, NULL) == v)
			return;
	}
	snprintf(sci, size, "%.*e", 16, v);
}

/* Copies the significant digits of sci, less trailing zeros, into digits;
 * returns the decimal exponent. */
static int split_scientific(const char *sci, char *digits)
{
	size_t n = 0;

	for (; *sci != 'e'; sci++)
		if (is_digit(*sci))
			digits[n++] = *sci;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	return atoi(sci + 1);
}

/* v written out in full, no exponent; v is finite and not -0. */
static void write_plain(double v, char *out)
{
	char sci[64], digits[32];
	int exponent, len, i;

	shortest_scientific(v, sci, sizeof sci);
	exponent = split_scientific(sci, digits);
	len = (int)strlen(digits);
	if (v < 0)
		*out++ = '-';
	if (exponent < 0) {
		*out++ = '0';
		*out++ = '.';
		for (i = exponent + 1; i < 0; i++)
			*out++ = '0';
		strcpy(out, digits);
		return;
	}
	for (i = 0; i <= exponent; i++)
		*out++ = i < len ? digits[i] : '0';
	if (exponent + 1 < len) {
		*out++ = '.';
		strcpy(out, digits + exponent + 1);
		return;
	}
	*out = '\0';
}

int number_parse_in(const char *text, const char *unit, double *value, struct error *err)
{
	static const char *const percent[] = { "%", "\xef\xbc\x85" };	/* %, ％ */
	const char *signs[2];
	size_t len = strlen(text), i;
	char bare[2 * NUMBER_MAX_CHARS + 8];

	if (!unit || !*unit)
		return number_parse(text, value, err);
	/* the KPI's own unit after the number (1,234人, 7,500億円); a
	 * percentage's in either width */
	signs[0] = unit;
	signs[1] = strcmp(unit, percent[0]) == 0 ? percent[1]
		 : strcmp(unit, percent[1]) == 0 ? percent[0] : unit;
	/* the spaces after the sign go, as number_parse lets them go */
	while (len && text[len - 1] == ' ')
		len--;
	for (i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		size_t n = strlen(signs[i]);

		if (len >= n && len - n < sizeof bare && memcmp(text + len - n, signs[i], n) == 0) {
			memcpy(bare, text, len - n);
			bare[len - n] = '\0';
			if (number_parse(bare, value, NULL) == 0)
				return 0;
		}
	}
	return number_parse(text, value, err);
}

char *number_format(double value, char *buf, size_t size)
{
	char plain[PLAIN_MAX];
	locale_t c_locale, saved;

	if (!isfinite(value)) {
		snprintf(buf, size, "%s", isnan(value) ? "nan" : value < 0 ? "-inf" : "inf");
		return buf;
	}
	if (value == 0)
		value = 0;	/* -0 prints as 0 */
	c_locale = c_numeric_begin(&saved);
	write_plain(value, plain);
	c_numeric_end(c_locale, saved);
	snprintf(buf, size, "%s", plain);
	return buf;
}

char *number_format_grouped(double value, char *buf, size_t size)
{
	char plain[PLAIN_MAX], grouped[PLAIN_MAX];
	const char *s = number_format(value, plain, sizeof plain);
	char *out = grouped;
	size_t digits;

	if (*s == '-')
		*out++ = *s++;
	digits = strspn(s, "0123456789");
	for (; digits > 0; digits--) {
		*out++ = *s++;
		if (digits > 1 && (digits - 1) % 3 == 0)
			*out++ = ',';
	}
	strcpy(out, s);
	snprintf(buf, size, "%s", grouped);
	return buf;
}

int number_decimals(const char *text)
{
	const char *p = strstr(text, ".");
	const char *wide = strstr(text, "．");
	int n = 0;

	if (!p || (wide && wide < p))
		p = wide ? wide + strlen("．") : NULL;
	else
		p++;
	while (p && *p) {
		if (*p >= '0' && *p <= '9') {
			p++;
		} else if (strncmp(p, "\xEF\xBC", 2) == 0 && (unsigned char)p[2] >= 0x90 &&
			   (unsigned char)p[2] <= 0x99) {
			p += 3;	/* a full-width digit, U+FF10-U+FF19 */
		} else {
			break;
		}
		n++;
	}
	return n;
}

char *number_format_places(double value, int decimals, int grouped, char *buf, size_t size)
{
	const char *point;
	size_t len;
	int have;

	if (grouped)
		number_format_grouped(value, buf, size);
	else
		number_format(value, buf, size);
	if (!isfinite(value))
		return buf;
	point = strchr(buf, '.');
	have = point ? (int)strlen(point + 1) : 0;
	len = strlen(buf);
	if (have < decimals && !point && len + 1 < size)
		buf[len++] = '.';
	for (; have < decimals && len + 1 < size; have++)
		buf[len++] = '0';
	buf[len] = '\0';
	return buf;
}
