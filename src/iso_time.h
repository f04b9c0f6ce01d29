/* iso_time.h: the times the store keeps, ISO 8601 in UTC
 * ("2026-11-23T04:05:06Z"), made and read without SQLite. */
#ifndef KPITREE_ISO_TIME_H
#define KPITREE_ISO_TIME_H

#include <stddef.h>
#include <time.h>

/* The current time as ISO 8601 UTC, "2026-11-23T04:05:06Z", into buf
 * (21 bytes or more). Returns buf. */
char *iso_now(char *buf, size_t size);

/* Reads a time as iso_now writes it into *t. Returns 0, or -1 for text
 * of another shape or a time that is none (month 13, 30 February,
 * 99:99:99). */
int iso_time_parse(const char *iso, time_t *t);

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian,
 * the year counted from March so that a leap day ends it). */
long iso_days_from_civil(long y, long m, long d);

#endif
