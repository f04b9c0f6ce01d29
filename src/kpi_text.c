/* kpi_text.c: the KPI cell, read as officials and the seed spell it (any spacing,
 * full-width digits, ->, three KPIs on one line) and written in one canonical form. */
#include "kpi_text.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include "fiscal_year.h"
#include "number.h"

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* An error quotes at most this many characters of the KPI, and fewer of a
 * token within it, so that both fit in one error text. */
#define QUOTE_CHARS 80
#define TOKEN_QUOTE_CHARS 24
/* Room for a quotation: characters of up to 4 bytes, cut only between them. */
#define QUOTE_MAX (QUOTE_CHARS * 4 + 1)

/* Bounds the text handed to number_parse or fiscal_year_parse, and a
 * number's canonical text: nothing longer is a sensible number or year,
 * and their messages, which quote it, leave room for ours to quote the KPI. */
#define TOKEN_MAX 96

/* Room for the canonical text: a grouped double (309 digits and their
 * commas at most), a unit, the qualifiers and a period; then a whole KPI. */
#define NUMBER_TEXT_MAX 512
#define PERIOD_TEXT_MAX 64
#define AMOUNT_TEXT_MAX (NUMBER_TEXT_MAX + KPI_TEXT_MAX_UNIT + 32 + PERIOD_TEXT_MAX)
#define KPI_TEXT_MAX (KPI_TEXT_MAX_NAME + 32 + 2 * AMOUNT_TEXT_MAX)

#define ALL_MUNICIPALITIES "全市町村"
#define RELISTED "【再掲】"
#define ESTIMATE "見込額"
#define AT_LEAST "以上"
#define AVERAGE "平均"
#define CUMULATIVE "累計"
#define ABSENT "—"

static const char *const arrows[] = { "→", "->", "⇒" };
static const char *const waves[] = { "～", "〜", "~", "-" };
static const char *const openings[] = { "(", "（" };
static const char *const closings[] = { ")", "）" };
static const char *const signs[] = { "+", "-", "＋", "－", "−" };
/* \r too, so that a CRLF line needs no case of its own. */
static const char *const spaces[] = { " ", "\t", "\r", "　" };

/* The length of the word in words that the text at p starts with, or 0. */
static size_t match_at(const char *p, const char *end, const char *const *words, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		size_t len = strlen(words[i]);

		if ((size_t)(end - p) >= len && memcmp(p, words[i], len) == 0)
			return len;
	}
	return 0;
}

/* The same for a word that ends at end. */
static size_t match_before(const char *start, const char *end, const char *const *words,
			   size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		size_t len = strlen(words[i]);

		if ((size_t)(end - start) >= len && memcmp(end - len, words[i], len) == 0)
			return len;
	}
	return 0;
}

static size_t starts_with(const char *p, const char *end, const char *word)
{
	return match_at(p, end, &word, 1);
}

static size_t ends_with(const char *start, const char *end, const char *word)
{
	return match_before(start, end, &word, 1);
}

static int is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Bytes of the character at p: its lead byte and up to three continuation
 * bytes, so that even broken UTF-8 is stepped through in bounded steps. */
static size_t char_len(const char *p, const char *end)
{
	size_t n = 1;

	while (n < 4 && p + n < end && is_continuation(p[n]))
		n++;
	return n;
}

/* Bytes of the character that ends at end. */
static size_t char_len_before(const char *start, const char *end)
{
	size_t n = 1;

	while (n < 4 && end - n > start && is_continuation(*(end - n)))
		n++;
	return n;
}

static const char *skip_spaces(const char *p, const char *end)
{
	size_t len;

	while ((len = match_at(p, end, spaces, COUNT(spaces))))
		p += len;
	return p;
}

static const char *trim_end(const char *start, const char *end)
{
	size_t len;

	while ((len = match_before(start, end, spaces, COUNT(spaces))))
		end -= len;
	return end;
}

/* Where in [p, end) one of words first starts, stepping by characters so
 * that no match starts inside one; NULL if nowhere. */
static const char *find_any(const char *p, const char *end, const char *const *words,
			    size_t count, size_t *len)
{
	for (; p < end; p += char_len(p, end))
		if ((*len = match_at(p, end, words, count)))
			return p;
	return NULL;
}

/* Bytes of the digit, thousands comma or decimal point at p, ASCII or
 * full-width, or 0. */
static size_t number_char_at(const char *p, const char *end)
{
	const unsigned char *s = (const unsigned char *)p;

	if (p >= end)
		return 0;
	if ((*s >= '0' && *s <= '9') || *s == ',' || *s == '.')
		return 1;
	if (end - p >= 3 && s[0] == 0xEF && s[1] == 0xBC &&
	    ((s[2] >= 0x90 && s[2] <= 0x99) || s[2] == 0x8C || s[2] == 0x8E))
		return 3;
	return 0;
}

static size_t number_char_before(const char *start, const char *end)
{
	if (end > start && number_char_at(end - 1, end) == 1)
		return 1;
	if (end - start >= 3 && number_char_at(end - 3, end) == 3)
		return 3;
	return 0;
}

/* A unit is made of anything that cannot end a number, a name or a period
 * next to it: 人, 市町村, 億円, %. [p, end) is one character. */
static int is_unit_char(const char *p, const char *end)
{
	return !number_char_at(p, end) && !match_at(p, end, spaces, COUNT(spaces)) &&
	       !match_at(p, end, openings, COUNT(openings)) &&
	       !match_at(p, end, closings, COUNT(closings));
}

/* [start, end) as an error quotes it: whole if it has at most max
 * characters, else its first max - 1 and an ellipsis. out holds QUOTE_MAX. */
static const char *quote(char *out, const char *start, const char *end, size_t max)
{
	const char *p = start, *keep = start;
	size_t chars = 0;

	while (p < end && chars < max) {
		p += char_len(p, end);
		if (++chars == max - 1)
			keep = p;
	}
	if (p == end) {
		memcpy(out, start, (size_t)(end - start));
		out[end - start] = '\0';
	} else {
		memcpy(out, start, (size_t)(keep - start));
		strcpy(out + (keep - start), "…");
	}
	return out;
}

/* Copies [start, end) into out, refusing rather than cutting what does
 * not fit: a cut name or unit would silently be another one. */
static int copy_field(const char *start, const char *end, char *out, size_t size,
		      const char *what, const char *kpi, struct error *err)
{
	size_t len = (size_t)(end - start);

	if (len >= size)
		return error_set(err, _("%s longer than %zu bytes in '%s'"), what, size - 1, kpi);
	memcpy(out, start, len);
	out[len] = '\0';
	return 0;
}

/* Copies the token [start, end) into token (TOKEN_MAX bytes) for
 * number_parse or fiscal_year_parse; returns -1 if it does not fit. */
static int copy_token(const char *start, const char *end, char *token)
{
	if ((size_t)(end - start) >= TOKEN_MAX)
		return -1;
	memcpy(token, start, (size_t)(end - start));
	token[end - start] = '\0';
	return 0;
}

/* A value is kept only if its canonical text, commas added and decimals
 * kept as typed, can be read back: 70 digits read without commas would be
 * written with 23 more. number_parse takes no more than NUMBER_DIGITS
 * digits before the point and as many after it (number.c, storable),
 * which number_format writes back as they were: the canonical text, a
 * sign, the digits with a comma every three, a point and the decimals as
 * typed, is shorter than a token, and is not written to be measured. */
_Static_assert(1 + NUMBER_DIGITS + NUMBER_DIGITS / 3 + 1 + NUMBER_DIGITS < TOKEN_MAX,
	       "a number's canonical text fits in a token");

static int read_number(const char *start, const char *end, double *value, int *decimals,
		       const char *kpi, struct error *err)
{
	char token[TOKEN_MAX], q[QUOTE_MAX];
	struct error sub;

	if (copy_token(start, end, token) == 0) {
		if (number_parse(token, value, &sub))
			return error_set(err, _("%s in '%s'"), sub.text, kpi);
		*decimals = number_decimals(token);
		return 0;
	}
	return error_set(err, _("number too long: '%s' in '%s'"),
			 quote(q, start, end, TOKEN_QUOTE_CHARS), kpi);
}

static int read_year(const char *start, const char *end, int *year, const char *kpi,
		     struct error *err)
{
	char token[TOKEN_MAX], q[QUOTE_MAX];
	struct error sub;

	if (copy_token(start, end, token))
		return error_set(err, _("not a fiscal year: '%s' in '%s'"),
				 quote(q, start, end, TOKEN_QUOTE_CHARS), kpi);
	if (fiscal_year_parse(token, year, &sub))
		return error_set(err, _("%s in '%s'"), sub.text, kpi);
	return 0;
}

/* PERIOD, [start, end) being what stands in its parentheses: R6,
 * H30～R4平均, R7～R11累計. */
static int parse_period(const char *start, const char *end, struct period *period,
			const char *kpi, struct error *err)
{
	char q[QUOTE_MAX];
	const char *years_end, *wave;
	size_t len;

	start = skip_spaces(start, end);
	end = trim_end(start, end);
	years_end = end;
	period->kind = PERIOD_YEAR;
	if ((len = ends_with(start, end, AVERAGE)))
		period->kind = PERIOD_AVG;
	else if ((len = ends_with(start, end, CUMULATIVE)))
		period->kind = PERIOD_CUM;
	years_end -= len;
	wave = find_any(start, years_end, waves, COUNT(waves), &len);
	if (wave && period->kind == PERIOD_YEAR)
		return error_set(err, _("a range of years needs 平均 or 累計 ('%s') in '%s'"), quote(q, start, end, TOKEN_QUOTE_CHARS), kpi);
	if (!wave && period->kind != PERIOD_YEAR)
		return error_set(err, _("%s needs a range of years ('%s') in '%s'"),
				 period->kind == PERIOD_AVG ? AVERAGE : CUMULATIVE,
				 quote(q, start, end, TOKEN_QUOTE_CHARS), kpi);
	if (read_year(start, wave ? wave : years_end, &period->from, kpi, err))
		return -1;
	period->to = period->from;
	if (wave && read_year(wave + len, years_end, &period->to, kpi, err))
		return -1;
	if (period->from > period->to)
		return error_set(err, _("period runs backwards ('%s') in '%s'"),
				 quote(q, start, end, TOKEN_QUOTE_CHARS), kpi);
	return 0;
}

/* If [start, end) ends with a parenthesized group, points *open at its
 * opening parenthesis and [*in, *in_end) at its inside; returns 1, else 0. */
static int group_before(const char *start, const char *end, const char **open,
			const char **in, const char **in_end)
{
	size_t close_len = match_before(start, end, closings, COUNT(closings));
	const char *p;

	if (!close_len)
		return 0;
	*in_end = end - close_len;
	for (p = *in_end; p > start; p -= char_len_before(start, p)) {
		const char *c = p - char_len_before(start, p);

		if (match_at(c, p, openings, COUNT(openings))) {
			*open = c;
			*in = p;
			return 1;
		}
	}
	return 0;
}

/* If [p, end) starts with a parenthesized group, points [*in, *in_end) at
 * its inside and *after past it; returns 1, else 0. */
static int group_at(const char *p, const char *end, const char **in, const char **in_end,
		    const char **after)
{
	size_t open_len = match_at(p, end, openings, COUNT(openings)), len;
	const char *c;

	if (!open_len)
		return 0;
	for (c = p + open_len; c < end; c += char_len(c, end))
		if ((len = match_at(c, end, closings, COUNT(closings)))) {
			*in = p + open_len;
			*in_end = c;
			*after = c + len;
			return 1;
		}
	return 0;
}

static int is_estimate(const char *in, const char *in_end)
{
	in = skip_spaces(in, in_end);
	in_end = trim_end(in, in_end);
	return (size_t)(in_end - in) == strlen(ESTIMATE) && starts_with(in, in_end, ESTIMATE);
}

/* 以上 and (見込額), each at most once and in either order, read backwards
 * from end; returns where they begin. */
static const char *qualifiers_before(const char *start, const char *end, struct amount *a)
{
	const char *open, *in, *in_end;
	size_t len;

	for (;;) {
		end = trim_end(start, end);
		if (!a->estimate && group_before(start, end, &open, &in, &in_end) &&
		    is_estimate(in, in_end)) {
			a->estimate = 1;
			end = open;
		} else if (!a->at_least && (len = ends_with(start, end, AT_LEAST))) {
			a->at_least = 1;
			end -= len;
		} else {
			return end;
		}
	}
}

/* BASELINE, read from the right end of [start, end), the text before the
 * arrow, because the name before it may hold spaces, digits and
 * parentheses of its own. Returns where the baseline begins (the name
 * ends), or NULL. */
static const char *parse_baseline(const char *start, const char *end, struct amount *a,
				  char *unit, const char *kpi, struct error *err)
{
	const char *open, *in, *in_end, *unit_start, *unit_end, *number_end;
	size_t len;

	memset(a, 0, sizeof *a);
	a->present = 1;
	unit[0] = '\0';
	end = trim_end(start, end);
	/* 1,511億円(見込額) lacks its period; it must not be read as one. */
	if (!group_before(start, end, &open, &in, &in_end) || is_estimate(in, in_end)) {
		error_set(err, _("no period in parentheses after the baseline in '%s'"), kpi);
		return NULL;
	}
	if (parse_period(in, in_end, &a->period, kpi, err))
		return NULL;
	end = qualifiers_before(start, open, a);
	if ((len = ends_with(start, end, ALL_MUNICIPALITIES))) {
		a->all_municipalities = 1;
		return end - len;
	}
	unit_end = end;
	while (end > start && is_unit_char(end - char_len_before(start, end), end))
		end -= char_len_before(start, end);
	unit_start = end;
	end = number_end = trim_end(start, end);
	while ((len = number_char_before(start, end)))
		end -= len;
	if (end == number_end) {
		error_set(err, _("no number in the baseline of '%s'"), kpi);
		return NULL;
	}
	if (unit_start == unit_end) {
		error_set(err, _("no unit after the number in the baseline of '%s'"), kpi);
		return NULL;
	}
	end -= match_before(start, end, signs, COUNT(signs));
	if (copy_field(unit_start, unit_end, unit, KPI_TEXT_MAX_UNIT, "unit", kpi, err))
		return NULL;
	return read_number(end, number_end, &a->value, &a->decimals, kpi, err) ? NULL : end;
}

/* NUMBER [space] UNIT [以上] of a target; returns where it ends, or NULL. */
static const char *number_and_unit_at(const char *p, const char *end, struct amount *a,
				      char *unit, const char *kpi, struct error *err)
{
	const char *number = p, *digits, *unit_start;
	size_t len;

	p += match_at(p, end, signs, COUNT(signs));
	digits = p;
	while ((len = number_char_at(p, end)))
		p += len;
	if (p == digits) {
		error_set(err, _("no number in the target of '%s'"), kpi);
		return NULL;
	}
	if (read_number(number, p, &a->value, &a->decimals, kpi, err))
		return NULL;
	unit_start = p = skip_spaces(p, end);
	while (p < end && is_unit_char(p, p + char_len(p, end)))
		p += char_len(p, end);
	len = ends_with(unit_start, p, AT_LEAST);
	a->at_least = len > 0;
	if (unit_start == p - len) {
		error_set(err, _("no unit after the number in the target of '%s'"), kpi);
		return NULL;
	}
	if (copy_field(unit_start, p - len, unit, KPI_TEXT_MAX_UNIT, "unit", kpi, err))
		return NULL;
	return p;
}

/* TARGET, read from the left of [p, end), the text after the arrow.
 * *after is set where it ends: the seed flattens a cell's lines into one,
 * so another KPI may follow. */
static int parse_target(const char *p, const char *end, struct amount *a, char *unit,
			const char **after, const char *kpi, struct error *err)
{
	const char *in, *in_end, *group_end;
	size_t len;

	memset(a, 0, sizeof *a);
	a->present = 1;
	unit[0] = '\0';
	p = skip_spaces(p, end);
	if ((len = starts_with(p, end, ALL_MUNICIPALITIES))) {
		a->all_municipalities = 1;
		p += len;
	} else if (!(p = number_and_unit_at(p, end, a, unit, kpi, err))) {
		return -1;
	}
	for (;;) {
		p = skip_spaces(p, end);
		if (!a->at_least && (len = starts_with(p, end, AT_LEAST))) {
			a->at_least = 1;
			p += len;
			continue;
		}
		if (!group_at(p, end, &in, &in_end, &group_end))
			return error_set(err, _("no period in parentheses after the target in '%s'"),
					 kpi);
		p = group_end;
		if (!a->estimate && is_estimate(in, in_end)) {
			a->estimate = 1;
			continue;
		}
		*after = p;
		return parse_period(in, in_end, &a->period, kpi, err);
	}
}

/* The name is what the baseline leaves, with a trailing 【再掲】 taken off. */
static int parse_name(const char *start, const char *end, struct kpi_text_item *item,
		      const char *kpi, struct error *err)
{
	size_t len;

	start = skip_spaces(start, end);
	end = trim_end(start, end);
	len = ends_with(start, end, RELISTED);
	item->relisted = len > 0;
	end = trim_end(start, end - len);
	if (start == end)
		return error_set(err, _("a KPI with no name in '%s'"), kpi);
	return copy_field(start, end, item->name, sizeof item->name, "name", kpi, err);
}

/* The item keeps one unit: the baseline's, or the target's when the
 * baseline is 全市町村; a 全市町村 target has none to compare. */
static int agree_units(struct kpi_text_item *item, const char *target_unit, const char *kpi,
		       struct error *err)
{
	if (item->target.all_municipalities)
		return 0;
	if (item->baseline.all_municipalities) {
		strcpy(item->unit, target_unit);
		return 0;
	}
	if (strcmp(item->unit, target_unit) != 0)
		return error_set(err, _("baseline and target units differ ('%s' and '%s') in '%s'"),
				 item->unit, target_unit, kpi);
	return 0;
}

/* One KPI starting at start, on a line ending at line_end; *after is set
 * where it ends. A later KPI on a line that has no arrow is stray text. */
static int parse_kpi(const char *start, const char *line_end, int first_on_line,
		     struct kpi_text_item *item, const char **after, struct error *err)
{
	char kpi[QUOTE_MAX], target_unit[KPI_TEXT_MAX_UNIT];
	const char *arrow, *name_end;
	size_t arrow_len;

	quote(kpi, start, trim_end(start, line_end), QUOTE_CHARS);
	arrow = find_any(start, line_end, arrows, COUNT(arrows), &arrow_len);
	if (!arrow && first_on_line)
		return error_set(err, _("no arrow (→) between baseline and target in '%s'"), kpi);
	if (!arrow)
		return error_set(err, _("text after the target that is not a KPI: '%s'"), kpi);
	if (!(name_end = parse_baseline(start, arrow, &item->baseline, item->unit, kpi, err)) ||
	    parse_name(start, name_end, item, kpi, err) ||
	    parse_target(arrow + arrow_len, line_end, &item->target, target_unit, after, kpi, err))
		return -1;
	return agree_units(item, target_unit, kpi, err);
}

static int parse_line(const char *p, const char *end, struct kpi_text_item *items, int max,
		      int *count, struct error *err)
{
	int first = 1;

	for (p = skip_spaces(p, end); p < end; p = skip_spaces(p, end)) {
		if (*count >= max)
			return error_set(err, _("more than %d KPIs in one cell"), max);
		if (parse_kpi(p, end, first, &items[*count], &p, err))
			return -1;
		(*count)++;
		first = 0;
	}
	return 0;
}

int kpi_text_parse(const char *cell, struct kpi_text_item *items, int max, int *n,
		   struct error *err)
{
	const char *line = cell;
	int count = 0;

	*n = 0;
	for (;;) {
		const char *end = strchr(line, '\n');

		if (!end)
			end = line + strlen(line);
		if (parse_line(line, end, items, max, &count, err))
			return -1;
		if (!*end)
			break;
		line = end + 1;
	}
	if (count == 0)
		return error_set(err, _("empty KPI cell"));
	*n = count;
	return 0;
}

/* Copies text into buf, cut between characters if buf is too small. */
static char *copy_cut(char *buf, size_t size, const char *text)
{
	size_t len = strlen(text);

	if (size == 0)
		return buf;
	if (len >= size) {
		len = size - 1;
		while (len > 0 && is_continuation(text[len]))
			len--;
	}
	memcpy(buf, text, len);
	buf[len] = '\0';
	return buf;
}

char *kpi_text_period(const struct period *p, char *buf, size_t size)
{
	char from[16], to[16], text[PERIOD_TEXT_MAX];

	fiscal_year_short(p->from, from, sizeof from);
	if (p->kind == PERIOD_YEAR)
		snprintf(text, sizeof text, "%s", from);
	else
		snprintf(text, sizeof text, "%s～%s%s", from,
			 fiscal_year_short(p->to, to, sizeof to),
			 p->kind == PERIOD_AVG ? AVERAGE : CUMULATIVE);
	return copy_cut(buf, size, text);
}

/* An amount with no value (a project KPI's —) is written as the seed
 * writes it; the KPI cell itself never has one. */
static const char *format_amount(const struct amount *a, const char *unit, char *buf,
				 size_t size)
{
	char number[NUMBER_TEXT_MAX], period[PERIOD_TEXT_MAX];

	if (!a->present) {
		snprintf(buf, size, "%s", ABSENT);
		return buf;
	}
	if (a->all_municipalities)
		snprintf(number, sizeof number, "%s", ALL_MUNICIPALITIES);
	else
		number_format_places(a->value, a->decimals, 1, number, sizeof number);
	snprintf(buf, size, "%s%.*s%s%s(%s)", number,
		 a->all_municipalities ? 0 : (int)strnlen(unit, KPI_TEXT_MAX_UNIT - 1), unit,
		 a->at_least ? AT_LEAST : "", a->estimate ? "(" ESTIMATE ")" : "",
		 kpi_text_period(&a->period, period, sizeof period));
	return buf;
}

char *kpi_text_format(const struct kpi_text_item *item, char *buf, size_t size)
{
	char text[KPI_TEXT_MAX], baseline[AMOUNT_TEXT_MAX], target[AMOUNT_TEXT_MAX];

	snprintf(text, sizeof text, "%.*s%s %s → %s",
		 (int)strnlen(item->name, KPI_TEXT_MAX_NAME - 1), item->name,
		 item->relisted ? RELISTED : "",
		 format_amount(&item->baseline, item->unit, baseline, sizeof baseline),
		 format_amount(&item->target, item->unit, target, sizeof target));
	return copy_cut(buf, size, text);
}
