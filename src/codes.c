/* codes.c: circled numbers as the government's table numbers its KPIs,
 * and the KPI codes kpitree derives from them. */
#include "codes.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The three Unicode runs of circled numbers: ①-⑳, ㉑-㉟, ㊱-㊿. */
static const struct {
	unsigned first;
	int from, to;
} circled_runs[] = {
	{ 0x2460, 1, 20 },
	{ 0x3251, 21, 35 },
	{ 0x32B1, 36, 50 },
};

#define NRUNS (sizeof circled_runs / sizeof circled_runs[0])

size_t codes_circled_read(const char *text, int *n)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned cp;
	size_t i;

	if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	for (i = 0; i < NRUNS; i++) {
		unsigned last = circled_runs[i].first +
			(unsigned)(circled_runs[i].to - circled_runs[i].from);

		if (cp >= circled_runs[i].first && cp <= last) {
			*n = circled_runs[i].from + (int)(cp - circled_runs[i].first);
			return 3;
		}
	}
	return 0;
}

char *codes_circled(int n, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < NRUNS; i++) {
		if (n >= circled_runs[i].from && n <= circled_runs[i].to) {
			unsigned cp = circled_runs[i].first + (unsigned)(n - circled_runs[i].from);

			snprintf(buf, size, "%c%c%c", (char)(0xE0 | cp >> 12),
				 (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F)));
			return buf;
		}
	}
	return NULL;
}

char *codes_strategy_kpi(int number, int index, int count, char *buf, size_t size)
{
	if (count > 1)
		snprintf(buf, size, "H%02d%c", number, 'a' + index % 26);
	else
		snprintf(buf, size, "H%02d", number);
	return buf;
}

/* An H code's form: H, digits (at most two after leading zeros: H012
 * is H12), at most one letter after them. */
static int h_code(const char *c, size_t *digits)
{
	size_t zeros = strspn(c + 1, "0");
	size_t n = strspn(c + 1, "0123456789");

	*digits = n;
	return c[0] == 'H' && n >= 1 && n - (zeros < n ? zeros : n - 1) <= 2 &&
		(!c[1 + n] || (isalpha((unsigned char)c[1 + n]) && !c[2 + n]));
}

/* A dash as officials type one between a project code's numbers: the
 * hyphens and dashes U+2010-U+2015, the minus U+2212, the long vowel
 * marks ー (U+30FC) and ｰ (U+FF70). Returns its length in bytes, or 0. */
static size_t dash(const unsigned char *p)
{
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95)
		return 3;
	if ((p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) ||
	    (p[0] == 0xE3 && p[1] == 0x83 && p[2] == 0xBC) ||
	    (p[0] == 0xEF && p[1] == 0xBD && p[2] == 0xB0))
		return 3;
	return 0;
}

/* A project KPI code's form (letters, digits, a hyphen, digits: SP2-01)
 * written with its numbers as the data writes them (SP2-1) into buf.
 * Returns 1, or 0 when ascii has not that form. */
static int project_code(const char *ascii, char *buf, size_t size)
{
	size_t letters = strspn(ascii, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
	size_t first = strspn(ascii + letters, "0123456789");
	const char *second = ascii + letters + first + 1;
	size_t digits = strspn(second, "0123456789");

	if (!letters || !first || ascii[letters + first] != '-' || !digits || second[digits] ||
	    first > 9 || digits > 9)
		return 0;
	snprintf(buf, size, "%.*s%d-%d", (int)letters, ascii, atoi(ascii + letters), atoi(second));
	return 1;
}

char *codes_normalize(const char *text, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)text;
	char ascii[64];
	size_t used = 0, digits, len;
	int n;

	while (*p == ' ')
		p++;
	if ((len = codes_circled_read((const char *)p, &n))) {
		char rest[64];

		/* ⑫: H12, ⑫b: H12b; in a text it is no code */
		codes_normalize((const char *)p + len, rest, sizeof rest);
		if (!rest[0])
			return codes_strategy_kpi(n, 0, 1, buf, size);
		if (isalpha((unsigned char)rest[0]) && !rest[1]) {
			snprintf(buf, size, "H%02d%c", n, tolower((unsigned char)rest[0]));
			return buf;
		}
	}
	while (*p && used + 1 < sizeof ascii) {
		/* U+FF01-U+FF5E, the full-width forms of ASCII ! to ~ */
		if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && (p[2] & 0xC0) == 0x80) {
			unsigned cp = (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);

			cp += 0xF000;
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				ascii[used++] = (char)(cp - 0xFF01 + '!');
				p += 3;
				continue;
			}
		}
		if ((len = dash(p))) {
			ascii[used++] = '-';
			p += len;
			continue;
		}
		ascii[used++] = (char)*p++;
	}
	while (used && ascii[used - 1] == ' ')
		used--;
	ascii[used] = '\0';
	for (used = 0; ascii[used]; used++)
		if ((unsigned char)ascii[used] < 0x80)
			ascii[used] = (char)toupper((unsigned char)ascii[used]);
	if (h_code(ascii, &digits)) {
		char letter = ascii[1 + digits];

		snprintf(buf, size, "H%02d", atoi(ascii + 1));
		if (letter)
			snprintf(buf + strlen(buf), size - strlen(buf), "%c",
				 (char)tolower((unsigned char)letter));
		return buf;
	}
	if (project_code(ascii, buf, size))
		return buf;
	snprintf(buf, size, "%s", ascii);
	return buf;
}

int codes_municipality_check(const char *code, const char *prefecture, struct error *err)
{
	/* JIS X 0401, in the order of their numbers (01 北海道 … 47 沖縄県) */
	static const char *const prefectures[] = {
		"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
		"栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
		"石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
		"滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
		"岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
		"佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
	};
	static const int weights[] = { 6, 5, 4, 3, 2 };
	int i, sum = 0, number, pref = 0;

	if (strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return error_of(err, ERROR_INVALID,
				_("code: '%s' is not the 6-digit national code (011002)"), code);
	for (i = 0; i < 5; i++)
		sum += (code[i] - '0') * weights[i];
	if ((11 - sum % 11) % 10 != code[5] - '0')
		return error_of(err, ERROR_INVALID,
				_("code: '%s' is not a national code: its check digit (the last)"
				  " would be %d"), code, (11 - sum % 11) % 10);
	number = (code[0] - '0') * 10 + (code[1] - '0');
	if (number < 1 || number > 47)
		return error_of(err, ERROR_INVALID,
				_("code: '%s' is not a national code: no prefecture is numbered %.2s"),
				code, code);
	if (!prefecture || !*prefecture)
		return 0;
	for (i = 0; i < 47; i++)
		if (strcmp(prefecture, prefectures[i]) == 0)
			pref = i + 1;
	if (!pref) {
		error_of(err, ERROR_INVALID, _("prefecture: '%s' is none of the 47 (北海道 … 沖縄県)"),
			 prefecture);
		return -2;
	}
	if (pref != number)
		return error_of(err, ERROR_INVALID,
				_("code: '%s' is not of %s, whose codes begin %02d"), code, prefecture,
				pref);
	return 0;
}

int codes_in_family(const char *want, const char *code)
{
	size_t n = strlen(want);

	return want[0] == 'H' && n > 1 && isdigit((unsigned char)want[n - 1]) &&
		strncmp(code, want, n) == 0 && code[n] >= 'a' && code[n] <= 'z' && !code[n + 1];
}
