/* iso_time.c: ISO 8601 UTC times, made and read back. */
#include "iso_time.h"


char *iso_now(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* The number of n digits at p (the shape has been checked). */
static int digits(const char *p, int n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*p++ - '0');
	return v;
}

long iso_days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Read by hand, not by sscanf and timegm: an import of values reads one
 * a row, and those two took a fifth of a national import's work. */
int iso_time_parse(const char *iso, time_t *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year, month, day, hour, minute, second, leap;
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? iso[i] < '0' || iso[i] > '9' : iso[i] != shape[i])
			return -1;
	if (iso[i] != '\0')
		return -1;
	year = digits(iso, 4);
	month = digits(iso + 5, 2);
	day = digits(iso + 8, 2);
	hour = digits(iso + 11, 2);
	minute = digits(iso + 14, 2);
	second = digits(iso + 17, 2);
	leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
	/* only a real time: 2025-13-45, 2025-02-29 or 24:00:00 is none */
	if (month < 1 || month > 12 || day < 1 ||
	    day > month_days[month - 1] + (month == 2 && leap) ||
	    hour > 23 || minute > 59 || second > 59)
		return -1;
	*t = (time_t)((long long)iso_days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second);
	return 0;
}
