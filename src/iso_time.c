/* iso_time.c: ISO 8601 UTC times, made and read back. */
#include "iso_time.h"

#include <stdio.h>
#include <string.h>

char *iso_now(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

int iso_time_parse(const char *iso, time_t *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	struct tm tm, back;
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? iso[i] < '0' || iso[i] > '9' : iso[i] != shape[i])
			return -1;
	if (iso[i] != '\0')
		return -1;
	memset(&tm, 0, sizeof tm);
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	back = tm;
	*t = timegm(&back);
	/* timegm carries 2025-13-45 into 2026-02-14: only a time that comes
	 * back unchanged was a real one. */
	if (back.tm_year != tm.tm_year || back.tm_mon != tm.tm_mon || back.tm_mday != tm.tm_mday ||
	    back.tm_hour != tm.tm_hour || back.tm_min != tm.tm_min || back.tm_sec != tm.tm_sec)
		return -1;
	return 0;
}
